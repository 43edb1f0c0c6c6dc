/**
 * Synthetic inputs for the benchmarks: a registry of any size (municipalities with districts so
 * that 100 000 units fit the 4/6-digit numbering) and a response CSV that answers every question
 * of a questionnaire, following its routing, with values varied by unit.
 */
import { optionsOf } from '../src/questionnaire/answer.ts';
import type { Question, Questionnaire } from '../src/questionnaire/model.ts';
import { csvLine } from '../src/shared/csv.ts';

export interface SyntheticRegistry {
  readonly csv: string;
  readonly numbers: string[];
}

/** `units` units: municipalities cc01…cc99 in counties 01…, each followed by up to 99 districts. */
export function syntheticRegistry(units: number): SyntheticRegistry {
  const perMunicipality = units > 9000 ? 99 : 0;
  const municipalities = Math.ceil(units / (perMunicipality + 1));
  const lines = [
    'kommunenummer;navn;fylkesnummer;fylkesnavn;folketall;sentralitet;innvandrerandel;ar_med_bosetting;innvandrere;deltakere_intro;bosatt_mottak;bosatt_overforing',
  ];
  const numbers: string[] = [];
  for (let m = 0; m < municipalities && numbers.length < units; m++) {
    const county = String(1 + Math.floor(m / 99)).padStart(2, '0');
    const kommune = `${county}${String(1 + (m % 99)).padStart(2, '0')}`;
    const add = (number: string, name: string, i: number) => {
      const pop = 500 + ((i * 7919) % 90000);
      lines.push(
        `${number};${name};${county};Fylke ${county} Øst;${pop};${1 + (i % 6)};${(i % 300) / 10};${i % 6};${Math.round(pop / 10)};${1 + (i % 50)};${1 + (i % 7)};${1 + (i % 5)}`,
      );
      numbers.push(number);
    };
    add(kommune, `Kommune ${kommune} Å`, numbers.length);
    for (let d = 1; d <= perMunicipality && numbers.length < units; d++)
      add(`${kommune}${String(d).padStart(2, '0')}`, `Bydel ${kommune}-${d}`, numbers.length);
  }
  return { csv: `${lines.join('\r\n')}\r\n`, numbers };
}

function columnsOf(q: Question): string[] {
  if (q.type === 'matrix') return q.items.map((i) => `${q.key}.${i.key}`);
  const specify = optionsOf(q).some((o) => o.specify);
  return specify ? [q.key, `${q.key}.tekst`] : [q.key];
}

/** Cells for one question; follow-up parents are answered with their first code so follow-ups are asked. */
function cellsOf(q: Question, i: number): string[] {
  const codes = optionsOf(q).map((o) => o.code);
  const pick = (k: number) => String(codes[k % codes.length]);
  switch (q.type) {
    case 'single':
      return [String(codes[0])];
    case 'scale':
      return [pick(i)];
    case 'multi': {
      const options = optionsOf(q).filter((o) => !o.exclusive && !o.specify);
      const chosen = [options[i % options.length], options[(i + 1) % options.length]].filter((o, k, a) => o && a.indexOf(o) === k);
      const specify = optionsOf(q).find((o) => o.specify);
      const withText = specify && i % 10 === 0;
      return [
        [...chosen.map((o) => String(o?.code)), ...(withText ? [String(specify.code)] : [])].join(';'),
        ...(specify ? [withText ? 'Annet svar' : ''] : []),
      ];
    }
    case 'matrix':
      return q.items.map((_, k) => pick(i + k));
    case 'integer':
      return [String((q.min ?? 0) + (i % 20))];
    case 'text':
      return [`Rolle ${i % 13}`];
  }
}

export function syntheticResponses(qn: Questionnaire, numbers: readonly string[]): string {
  const lines = [csvLine(['kommunenummer', ...qn.questions.flatMap(columnsOf)], ';')];
  numbers.forEach((n, i) => {
    lines.push(csvLine([n, ...qn.questions.flatMap((q) => cellsOf(q, i))], ';'));
  });
  return `${lines.join('\n')}\n`;
}

/** The questions that some other question's follow-up condition looks at. */
function followUpParents(questions: readonly Question[]): Set<string> {
  const keys = new Set<string>();
  const walk = (c: NonNullable<Question['showIf']>): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else keys.add(c.question);
  };
  for (const q of questions) if (q.showIf) walk(q.showIf);
  return keys;
}

const roleTexts = ['Leder for flyktningtjenesten', 'Kommunalsjef for oppvekst', 'Rådgiver i rådmannens stab', 'Programrådgiver'];

/**
 * Posted fields of a form page (`q.KEY`, `q.KEY.ITEM`, `q.KEY.tekst`) answering every question of
 * it as a respondent would: follow-up parents "Ja" (first code) so follow-ups are asked and
 * answered too, scales and matrices varied by `i`, two options of a multiple choice, sometimes
 * "Annet" with a text, a role title, a number.
 */
export function syntheticFormFields(questions: readonly Question[], i: number): [string, string][] {
  const out: [string, string][] = [];
  for (const q of questions) {
    const codes = optionsOf(q).map((o) => o.code);
    const pick = (k: number) => String(codes[k % codes.length]);
    const name = `q.${q.key}`;
    switch (q.type) {
      case 'single':
        out.push([name, String(codes[0])]);
        break;
      case 'scale':
        out.push([name, pick(i)]);
        break;
      case 'multi': {
        const plain = optionsOf(q).filter((o) => !o.exclusive && !o.specify);
        const chosen = [...new Set([plain[i % plain.length], plain[(i + 1) % plain.length]])];
        for (const o of chosen) if (o) out.push([name, String(o.code)]);
        const specify = optionsOf(q).find((o) => o.specify);
        if (specify && i % 4 === 0) out.push([name, String(specify.code)], [`${name}.tekst`, 'Samarbeid med lokale lag og foreninger']);
        break;
      }
      case 'matrix':
        q.items.forEach((item, k) => {
          out.push([`${name}.${item.key}`, pick(i + k)]);
        });
        break;
      case 'integer':
        out.push([name, String((q.min ?? 0) + 3 + (i % 20))]);
        break;
      case 'text':
        out.push([name, roleTexts[i % roleTexts.length] as string]);
        break;
    }
  }
  return out;
}

/**
 * Posted fields that make every question of a page wrong that can be (worst case for the size of
 * the page with errors): a number in words, "Annet" ticked without a text, an exclusive option
 * with another, an over-long text, unknown codes (a tampered form) except for follow-up parents,
 * which stay "Ja" so their follow-ups are shown and can be wrong too.
 */
export function invalidFormFields(questions: readonly Question[]): [string, string][] {
  const parents = followUpParents(questions);
  const out: [string, string][] = [];
  for (const q of questions) {
    const options = optionsOf(q);
    const name = `q.${q.key}`;
    const specify = options.find((o) => o.specify);
    const exclusive = options.find((o) => o.exclusive);
    switch (q.type) {
      case 'integer':
        out.push([name, 'ca. 20']);
        break;
      case 'text':
        out.push([name, 'x'.repeat((q.maxLength ?? 4000) + 1)]);
        break;
      case 'matrix':
        for (const item of q.items) out.push([`${name}.${item.key}`, '99']);
        break;
      default:
        if (parents.has(q.key)) out.push([name, String(options[0]?.code)]);
        else if (specify) out.push([name, String(specify.code)]);
        else if (exclusive && q.type === 'multi') out.push([name, String(exclusive.code)], [name, String(options[0]?.code)]);
        else out.push([name, '99']);
    }
  }
  return out;
}
