/**
 * The question edit form as data: a question becomes the form's fields, and posted fields become a
 * question again (or problems, by field, in Norwegian). The page is always drawn from the fields,
 * so what was typed is kept when something must be corrected. Existing codes and keys come back
 * as hidden fields and are only accepted if the question has them; new options get their code
 * here (see nextOptionCode), never from the form.
 */
import { choiceOptions, keyFromLabel, nextOptionCode } from '../../questionnaire/edit.ts';
import { type Option, type Question, type Questionnaire, type Scale, type TextInput, toText } from '../../questionnaire/model.ts';
import { conditionsToForm, readEligibleIf, readShowIf } from './questionnaire.conditions.ts';

export type Raw = Record<string, string | string[]>;
export interface Problem {
  readonly field: string;
  readonly message: string;
}

/** One posted value, trimmed (a text box posts its line breaks as CR LF; they are kept as LF). */
export const one = (raw: Raw, name: string): string => {
  const v = raw[name];
  return (typeof v === 'string' ? v : (v?.[0] ?? '')).replace(/\r\n?/g, '\n').trim();
};
export const many = (raw: Raw, name: string): string[] => {
  const v = raw[name];
  return v === undefined ? [] : typeof v === 'string' ? [v] : v;
};

/** How many blank rows for new options or items a form offers. */
export const newRows = (isNew: boolean) => (isNew ? 4 : 2);

function putText(raw: Raw, prefix: string, t: TextInput | undefined): void {
  if (t === undefined) return;
  const v = toText(t);
  raw[`${prefix}.nb`] = v.nb;
  if (v.nn) raw[`${prefix}.nn`] = v.nn;
  if (v.en) raw[`${prefix}.en`] = v.en;
}

function putOptions(raw: Raw, prefix: string, options: readonly Option[]): void {
  options.forEach((o, i) => {
    raw[`${prefix}.${i}.kode`] = String(o.code);
    putText(raw, `${prefix}.${i}`, o.label);
    if (o.exclusive) raw[`${prefix}.${i}.eksklusiv`] = '1';
    if (o.specify) raw[`${prefix}.${i}.spesifiser`] = '1';
  });
}

export function questionToForm(q: Question): Raw {
  const raw: Raw = { nokkel: q.key, type: q.type };
  putText(raw, 'tekst', q.text);
  putText(raw, 'hjelp', q.help);
  if (q.shortLabel) raw.kortnavn = q.shortLabel;
  if (q.required) raw.obligatorisk = '1';
  raw.seksjon = q.section ?? '';
  putOptions(raw, 'alt', choiceOptions(q));
  const scale = q.type === 'scale' ? q.scale : q.type === 'matrix' ? q.scale : undefined;
  if (scale) {
    raw['skala.min'] = String(scale.min);
    raw['skala.maks'] = String(scale.max);
    putText(raw, 'skala.fra', scale.minLabel);
    putText(raw, 'skala.til', scale.maxLabel);
    putOptions(raw, 'ekstra', scale.extra ?? []);
  }
  if (q.type === 'matrix') {
    raw.matrise = q.scale ? 'skala' : 'alternativer';
    q.items.forEach((it, i) => {
      raw[`del.${i}.nokkel`] = it.key;
      putText(raw, `del.${i}`, it.label);
    });
  }
  if (q.type === 'integer') {
    if (q.min !== undefined) raw.min = String(q.min);
    if (q.max !== undefined) raw.maks = String(q.max);
    putText(raw, 'enhet', q.unit);
  }
  if (q.type === 'text') {
    if (q.maxLength !== undefined) raw.makslengde = String(q.maxLength);
    if (q.multiline !== false) raw.flerlinjet = '1';
  }
  conditionsToForm(raw, q.showIf, q.eligibleIf);
  return raw;
}

/** A blank form for a new question of a type (matrix: with a scale or with options). */
export function blankForm(type: Question['type'], section: string, matrix: 'skala' | 'alternativer' = 'skala'): Raw {
  const raw: Raw = { type, seksjon: section };
  if (type === 'scale' || (type === 'matrix' && matrix === 'skala')) {
    Object.assign(raw, { 'skala.min': '1', 'skala.maks': '5' });
  }
  if (type === 'matrix') raw.matrise = matrix;
  if (type === 'text') raw.flerlinjet = '1';
  return raw;
}

export interface FormContext {
  /** The round's questionnaire as stored now. */
  readonly qn: Questionnaire;
  /** The question as stored now; absent for a new one. */
  readonly existing?: Question;
  /** Earlier rounds' versions of the same question (their codes are not reused for other labels). */
  readonly earlier: readonly Question[];
  /** Registry attributes eligibility may use. */
  readonly attributes: readonly string[];
}

const keyPattern = /^[a-z][a-z0-9_]*$/;
export const questionTypes: readonly Question['type'][] = ['single', 'multi', 'scale', 'matrix', 'integer', 'text'];

export function readText(raw: Raw, prefix: string, problems: Problem[], what: string | null): TextInput | undefined {
  const nb = one(raw, `${prefix}.nb`);
  const nn = one(raw, `${prefix}.nn`);
  const en = one(raw, `${prefix}.en`);
  if (nb === '') {
    if (what !== null) problems.push({ field: `${prefix}.nb`, message: `Skriv ${what} på bokmål` });
    else if (nn !== '' || en !== '') problems.push({ field: `${prefix}.nb`, message: 'Skriv teksten på bokmål også' });
    return undefined;
  }
  return nn === '' && en === '' ? nb : { nb, ...(nn ? { nn } : {}), ...(en ? { en } : {}) };
}

function readInt(raw: Raw, name: string, problems: Problem[], what: string, required: boolean): number | undefined {
  const v = one(raw, name).replace(/[\s\u00a0]/g, '');
  if (v === '') {
    if (required) problems.push({ field: name, message: `Skriv ${what}` });
    return undefined;
  }
  if (!/^-?\d+$/.test(v)) {
    problems.push({ field: name, message: `${what[0]?.toUpperCase()}${what.slice(1)} må være et helt tall` });
    return undefined;
  }
  return Number(v);
}

/** Kept rows (existing codes) and new rows (codes assigned here) of an option list. */
function readOptions(
  raw: Raw,
  prefix: string,
  existing: readonly Option[],
  earlier: readonly Option[],
  reserved: ReadonlySet<number>,
  rows: number,
  problems: Problem[],
): Option[] {
  const out: Option[] = [];
  const known = new Map(existing.map((o) => [o.code, o]));
  for (let i = 0; raw[`${prefix}.${i}.kode`] !== undefined; i++) {
    const p = `${prefix}.${i}`;
    const code = Number(one(raw, `${p}.kode`));
    if (!known.has(code)) {
      problems.push({ field: `${p}.nb`, message: `Svaralternativ ${one(raw, `${p}.kode`)} finnes ikke i spørsmålet` });
      continue;
    }
    if (one(raw, `${p}.fjern`) === '1') continue;
    const label = readText(raw, p, problems, `teksten til svaralternativ ${code} (eller kryss av for å fjerne det)`);
    if (label === undefined) continue;
    out.push({
      code,
      label,
      ...(one(raw, `${p}.eksklusiv`) ? { exclusive: true } : {}),
      ...(one(raw, `${p}.spesifiser`) ? { specify: true } : {}),
    });
  }
  for (let j = 0; j < rows; j++) {
    const p = `ny${prefix}.${j}`;
    const label = readText(raw, p, problems, null);
    if (label === undefined) continue;
    const taken = new Set(out.map((o) => o.code));
    const code = nextOptionCode(toText(label).nb, taken, [...existing, ...earlier], reserved);
    out.push({
      code,
      label,
      ...(one(raw, `${p}.eksklusiv`) ? { exclusive: true } : {}),
      ...(one(raw, `${p}.spesifiser`) ? { specify: true } : {}),
    });
  }
  return out;
}

function readScale(
  raw: Raw,
  existing: Scale | undefined,
  earlier: readonly Option[],
  rows: number,
  problems: Problem[],
): Scale | undefined {
  const min = readInt(raw, 'skala.min', problems, 'laveste verdi på skalaen', true);
  const max = readInt(raw, 'skala.maks', problems, 'høyeste verdi på skalaen', true);
  const minLabel = readText(raw, 'skala.fra', problems, 'teksten til laveste verdi');
  const maxLabel = readText(raw, 'skala.til', problems, 'teksten til høyeste verdi');
  if (min !== undefined && max !== undefined && min >= max)
    problems.push({ field: 'skala.maks', message: 'Høyeste verdi må være større enn laveste' });
  const points = new Set<number>();
  for (let v = min ?? 0; v <= (max ?? -1) && points.size < 50; v++) points.add(v);
  const extra = readOptions(raw, 'ekstra', existing?.extra ?? [], earlier, points, rows, problems);
  if (min === undefined || max === undefined || minLabel === undefined || maxLabel === undefined) return undefined;
  return { min, max, minLabel, maxLabel, ...(extra.length > 0 ? { extra } : {}) };
}

/** The posted fields as a question, or the problems found in them. */
export function formToQuestion(raw: Raw, ctx: FormContext): { question?: Question; problems: Problem[] } {
  const problems: Problem[] = [];
  const ex = ctx.existing;
  const type = (ex?.type ?? one(raw, 'type')) as Question['type'];
  const key = ex?.key ?? one(raw, 'nokkel');
  if (!ex) {
    if (!keyPattern.test(key))
      problems.push({ field: 'nokkel', message: 'Skriv en nøkkel med små bokstaver a–z, tall og _, som begynner med en bokstav' });
    else if (ctx.qn.questions.some((q) => q.key === key)) problems.push({ field: 'nokkel', message: `Nøkkelen ${key} er i bruk` });
  }
  if (!questionTypes.includes(type)) return { problems: [{ field: 'type', message: 'Velg en spørsmålstype' }] };
  const first = ctx.qn.sections[0]?.key ?? '';
  const section = one(raw, 'seksjon') || first;
  if (!ctx.qn.sections.some((s) => s.key === section)) problems.push({ field: 'seksjon', message: 'Velg en seksjon' });
  // A question without a section is in the first; saying so explicitly would count as a move.
  const keepSection = !(ex && ex.section === undefined && section === first);
  const text = readText(raw, 'tekst', problems, 'spørsmålsteksten');
  const help = readText(raw, 'hjelp', problems, null);
  const shortLabel = one(raw, 'kortnavn');
  const rows = newRows(!ex);
  const earlierOptions = (q: Question) => (q.type === type ? choiceOptions(q) : []);
  const base: Record<string, unknown> = {
    key,
    type,
    text,
    ...(help !== undefined ? { help } : {}),
    ...(keepSection ? { section } : {}),
    ...(one(raw, 'obligatorisk') ? { required: true } : {}),
    ...(shortLabel ? { shortLabel } : {}),
  };
  if (type === 'single' || type === 'multi' || (type === 'matrix' && one(raw, 'matrise') === 'alternativer')) {
    const options = readOptions(raw, 'alt', ex ? choiceOptions(ex) : [], ctx.earlier.flatMap(earlierOptions), new Set(), rows, problems);
    if (options.length < 2) problems.push({ field: 'nyalt.0.nb', message: 'Et spørsmål med svaralternativer må ha minst to alternativer' });
    base.options = options;
  }
  const scaleOf = (q: Question | undefined) => (q?.type === 'scale' || q?.type === 'matrix' ? q.scale : undefined);
  if (type === 'scale' || (type === 'matrix' && one(raw, 'matrise') !== 'alternativer')) {
    const earlierExtra = ctx.earlier.flatMap((q) => (q.type === type ? (scaleOf(q)?.extra ?? []) : []));
    base.scale = readScale(raw, scaleOf(ex), earlierExtra, rows, problems);
  }
  if (type === 'matrix') {
    const known = new Map((ex?.type === 'matrix' ? ex.items : []).map((i) => [i.key, i]));
    const items: { key: string; label: TextInput }[] = [];
    for (let i = 0; raw[`del.${i}.nokkel`] !== undefined; i++) {
      const k = one(raw, `del.${i}.nokkel`);
      if (!known.has(k) || one(raw, `del.${i}.fjern`) === '1') continue;
      const label = readText(raw, `del.${i}`, problems, `teksten til delspørsmålet ${k} (eller kryss av for å fjerne det)`);
      if (label !== undefined) items.push({ key: k, label });
    }
    for (let j = 0; j < rows; j++) {
      const label = readText(raw, `nydel.${j}`, problems, null);
      if (label === undefined) continue;
      const typed = one(raw, `nydel.${j}.nokkel`);
      const taken = new Set([...known.keys(), ...items.map((x) => x.key)]);
      if (typed !== '' && (!keyPattern.test(typed) || taken.has(typed))) {
        problems.push({
          field: `nydel.${j}.nokkel`,
          message: `Nøkkelen «${typed}» kan ikke brukes: små bokstaver a–z, tall og _, og ikke i bruk`,
        });
        continue;
      }
      items.push({ key: typed || keyFromLabel(toText(label).nb, taken), label });
    }
    if (items.length === 0) problems.push({ field: 'nydel.0.nb', message: 'En matrise må ha minst ett delspørsmål' });
    base.items = items;
  }
  if (type === 'integer') {
    const min = readInt(raw, 'min', problems, 'laveste tillatte tall', false);
    const max = readInt(raw, 'maks', problems, 'høyeste tillatte tall', false);
    const unit = readText(raw, 'enhet', problems, null);
    if (min !== undefined && max !== undefined && min > max)
      problems.push({ field: 'maks', message: 'Høyeste tall kan ikke være lavere enn laveste' });
    Object.assign(base, min !== undefined ? { min } : {}, max !== undefined ? { max } : {}, unit !== undefined ? { unit } : {});
  }
  if (type === 'text') {
    const maxLength = readInt(raw, 'makslengde', problems, 'største antall tegn', false);
    if (maxLength !== undefined && maxLength < 1) problems.push({ field: 'makslengde', message: 'Største antall tegn må være minst 1' });
    if (maxLength !== undefined) base.maxLength = maxLength;
    if (!one(raw, 'flerlinjet')) base.multiline = false;
    else if (ex?.type === 'text' && ex.multiline === true) base.multiline = true;
  }
  const showIf = readShowIf(raw, ctx, problems);
  if (showIf) base.showIf = showIf;
  const eligibleIf = readEligibleIf(raw, ctx, problems);
  if (eligibleIf) base.eligibleIf = eligibleIf;
  return problems.length > 0 ? { problems } : { question: base as unknown as Question, problems };
}
