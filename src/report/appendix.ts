/**
 * The report's printable appendix of the round's questionnaires ("Vedlegg: Spørreskjemaene"):
 * every question with its number as respondents see it, its type, options with codes, matrix
 * items, scale ends, who is asked (eligibility) and routing (follow-ups) in words. The appendix is
 * data like the rest of the `Report`; render.ts and docx.ts write it. Its words are the report's
 * language (bokmål), like the report text.
 */
import type { RoundStatus } from '../monitor/monitor.service.ts';
import {
  type AnswerCondition,
  type Option,
  type Question,
  type Questionnaire,
  type RegistryCondition,
  type Role,
  roles,
  type Scale,
  textIn,
} from '../questionnaire/model.ts';
import { roundQuestionnaires } from '../round/round.service.ts';
import { formatNumber } from '../shared/numbers.ts';
import type { Store } from '../store/store.ts';

export interface AppendixOption {
  readonly code: number;
  readonly label: string;
  /** "utelukker de andre svarene", "med tekstfelt". */
  readonly note?: string;
}

export interface AppendixQuestion {
  readonly number: number;
  readonly key: string;
  readonly text: string;
  readonly help?: string;
  /** The type in words, with what an answer may be: "Ett svar", "Tall fra 0 til 500". */
  readonly type: string;
  readonly required: boolean;
  /** Matrix rows. */
  readonly items: readonly string[];
  /** "Skala fra 1 «I liten grad» til 5 «I stor grad»". */
  readonly scale?: string;
  /** Choices with their codes (for a scale: the answers outside it, such as "Vet ikke"). */
  readonly options: readonly AppendixOption[];
  /** Who is asked and when, in sentences ("Spørsmålet stilles bare hvis …"). */
  readonly conditions: readonly string[];
}

export interface AppendixSection {
  readonly title: string;
  readonly intro?: string;
  readonly questions: readonly AppendixQuestion[];
}

export interface AppendixQuestionnaire {
  readonly role: Role;
  readonly title: string;
  /** "Skjemaet gikk til integreringsansvarlig i 422 kommuner og 15 bydeler." */
  readonly sentTo: string;
  readonly intro?: string;
  readonly sections: readonly AppendixSection[];
}

export interface ReportAppendix {
  readonly id: string;
  readonly title: string;
  readonly intro: string;
  readonly questionnaires: readonly AppendixQuestionnaire[];
}

export const appendixId = 'vedlegg-sporreskjema';

const roleWho: Record<Role, string> = {
  kommunedirektor: 'kommunedirektøren (i bydelene bydelsdirektøren)',
  integreringsansvarlig: 'den som er ansvarlig for integreringsarbeidet',
  skolesjef: 'skolesjefen (kommunalsjef for oppvekst)',
};

/** Registry attributes of the 2019 questionnaires as nouns in a sentence; others by their key. */
const attributeWords: Record<string, string> = {
  folketall: 'folketallet',
  innvandrere: 'antall innvandrere',
  innvandrerandel: 'innvandrerandelen (prosent)',
  sentralitet: 'sentralitetsindeksen',
  ar_med_bosetting: 'antall år med bosetting av flyktninger',
  deltakere_intro: 'antall deltakere i introduksjonsprogrammet',
  bosatt_mottak: 'antall bosatte flyktninger fra asylmottak',
  bosatt_overforing: 'antall bosatte overføringsflyktninger',
};

const opWords: Record<string, string> = {
  '>': 'er større enn',
  '>=': 'er minst',
  '<': 'er mindre enn',
  '<=': 'er høyst',
  '=': 'er',
  '!=': 'er ikke',
};

const typeWords: Record<Question['type'], string> = {
  single: 'Ett svar',
  multi: 'Flere svar mulig',
  scale: 'Skala, ett svar',
  matrix: 'Ett svar per linje',
  integer: 'Tall',
  text: 'Fritekst',
};

const orList = (parts: readonly string[], word = 'eller') =>
  parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} ${word} ${parts.at(-1) as string}`;

const quote = (s: string) => `«${s}»`;

/** Each question's number as a unit asked every question sees it (the form numbers the questions a unit gets, in order). */
export function questionnaireNumbers(qn: Questionnaire): Map<string, number> {
  return new Map(qn.questions.map((q, i) => [q.key, i + 1]));
}

/** The clauses of a follow-up condition: "svaret på spørsmål 2 («Samarbeider kommunen?») er «Ja»". */
function showIfWords(qn: Questionnaire, numbers: ReadonlyMap<string, number>, c: AnswerCondition, nested: boolean): string {
  if ('all' in c || 'any' in c) {
    const [list, word] = 'all' in c ? [c.all, ' og '] : [c.any, ' eller '];
    const text = list.map((s) => showIfWords(qn, numbers, s, true)).join(word);
    return nested && list.length > 1 ? `(${text})` : text;
  }
  const target = qn.questions.find((q) => q.key === c.question);
  if (!target) return `svaret på ${c.question} er ${orList(c.codes.map(String))}`;
  const name = `spørsmål ${numbers.get(target.key) ?? '?'} (${quote(target.shortLabel ?? textIn(target.text, 'nb'))})`;
  const item = target.type === 'matrix' && c.item ? target.items.find((i) => i.key === c.item) : undefined;
  const where = item ? `${name}, linjen ${quote(textIn(item.label, 'nb'))},` : name;
  const labels = c.codes.map((code) => choices(target).find((x) => x.code === code)?.words ?? String(code));
  const verb = target.type === 'multi' ? (labels.length > 1 ? 'har med minst ett av' : 'har med') : 'er';
  return `svaret på ${where} ${verb} ${orList(labels)}`;
}

/** The clauses of an eligibility condition: "antall deltakere i introduksjonsprogrammet er større enn 0". */
function eligibleWords(c: RegistryCondition, nested: boolean): string {
  if ('all' in c || 'any' in c) {
    const [list, word] = 'all' in c ? [c.all, ' og '] : [c.any, ' eller '];
    const text = list.map((s) => eligibleWords(s, true)).join(word);
    return nested && list.length > 1 ? `(${text})` : text;
  }
  return `${attributeWords[c.attribute] ?? c.attribute} ${opWords[c.op] ?? c.op} ${formatNumber(c.value)}`;
}

/** Every answer of a question in words: «Ja»; a scale point by its number, its ends with their labels: 5 («I stor grad»). */
function choices(q: Question): { code: number; words: string }[] {
  const scale = scaleOf(q);
  const points: { code: number; words: string }[] = [];
  if (scale)
    for (let v = scale.min; v <= scale.max; v++) {
      const end = v === scale.min ? scale.minLabel : v === scale.max ? scale.maxLabel : undefined;
      points.push({ code: v, words: end ? `${formatNumber(v)} (${quote(textIn(end, 'nb'))})` : formatNumber(v) });
    }
  return [...points, ...listedOptions(q).map((o) => ({ code: o.code, words: quote(textIn(o.label, 'nb')) }))];
}

function scaleOf(q: Question): Scale | undefined {
  return q.type === 'scale' ? q.scale : q.type === 'matrix' ? q.scale : undefined;
}

/** The options listed with codes: choices, or the answers outside a scale. */
function listedOptions(q: Question): readonly Option[] {
  if (q.type === 'single' || q.type === 'multi') return q.options;
  if (q.type === 'matrix' && q.options) return q.options;
  return scaleOf(q)?.extra ?? [];
}

function typeText(q: Question): string {
  if (q.type === 'integer') {
    const unit = q.unit ? ` (${textIn(q.unit, 'nb')})` : '';
    if (q.min !== undefined && q.max !== undefined) return `Tall fra ${formatNumber(q.min)} til ${formatNumber(q.max)}${unit}`;
    if (q.min !== undefined) return `Tall, minst ${formatNumber(q.min)}${unit}`;
    if (q.max !== undefined) return `Tall, høyst ${formatNumber(q.max)}${unit}`;
    return `Tall${unit}`;
  }
  if (q.type === 'text') return `Fritekst${q.maxLength ? `, høyst ${formatNumber(q.maxLength)} tegn` : ''}`;
  return typeWords[q.type];
}

function appendixQuestion(qn: Questionnaire, numbers: ReadonlyMap<string, number>, q: Question): AppendixQuestion {
  const conditions: string[] = [];
  if (q.eligibleIf) conditions.push(`Stilles bare til enheter der ${eligibleWords(q.eligibleIf, false)}.`);
  if (q.showIf) conditions.push(`Spørsmålet stilles bare hvis ${showIfWords(qn, numbers, q.showIf, false)}.`);
  const scale = scaleOf(q);
  return {
    number: numbers.get(q.key) ?? 0,
    key: q.key,
    text: textIn(q.text, 'nb'),
    ...(q.help ? { help: textIn(q.help, 'nb') } : {}),
    type: typeText(q),
    required: q.required === true,
    items: q.type === 'matrix' ? q.items.map((i) => textIn(i.label, 'nb')) : [],
    ...(scale
      ? {
          scale: `Skala fra ${formatNumber(scale.min)} ${quote(textIn(scale.minLabel, 'nb'))} til ${formatNumber(scale.max)} ${quote(
            textIn(scale.maxLabel, 'nb'),
          )}`,
        }
      : {}),
    options: listedOptions(q).map((o) => {
      const note = [o.exclusive && q.type === 'multi' ? 'utelukker de andre svarene' : '', o.specify ? 'med tekstfelt' : '']
        .filter((s) => s !== '')
        .join(', ');
      return { code: o.code, label: textIn(o.label, 'nb'), ...(note ? { note } : {}) };
    }),
    conditions,
  };
}

/** Who got the questionnaire, from the round's units. */
function sentTo(role: Role, status: RoundStatus | undefined): string {
  const municipalities = status?.municipalities.roles[role]?.units ?? 0;
  const districts = status?.districts.roles[role]?.units ?? 0;
  const units = [
    municipalities > 0 ? `${formatNumber(municipalities)} kommuner` : '',
    districts > 0 ? `${formatNumber(districts)} bydeler i hovedstaden` : '',
  ].filter((s) => s !== '');
  return units.length === 0 ? `Skjemaet er laget for ${roleWho[role]}.` : `Skjemaet gikk til ${roleWho[role]} i ${orList(units, 'og')}.`;
}

/** One questionnaire as the appendix shows it: its pages in order, each with its questions. */
export function appendixQuestionnaire(role: Role, qn: Questionnaire, status?: RoundStatus): AppendixQuestionnaire {
  const numbers = questionnaireNumbers(qn);
  const first = qn.sections[0]?.key;
  const sections = qn.sections
    .map((s) => ({
      title: textIn(s.title, 'nb'),
      ...(s.intro ? { intro: textIn(s.intro, 'nb') } : {}),
      questions: qn.questions.filter((q) => (q.section ?? first) === s.key).map((q) => appendixQuestion(qn, numbers, q)),
    }))
    .filter((s) => s.questions.length > 0);
  return {
    role,
    title: textIn(qn.title, 'nb'),
    sentTo: sentTo(role, status),
    ...(qn.intro ? { intro: textIn(qn.intro, 'nb') } : {}),
    sections,
  };
}

/** The appendix of a round: its questionnaires in the report's role order. */
export async function questionnaireAppendix(store: Store, year: number, status?: RoundStatus): Promise<ReportAppendix> {
  const stored = await roundQuestionnaires(store, year);
  const order: Role[] = ['integreringsansvarlig', 'kommunedirektor', 'skolesjef'];
  const questionnaires = [...order, ...roles.filter((r) => !order.includes(r))]
    .filter((r) => stored.has(r))
    .map((r) => appendixQuestionnaire(r, stored.get(r) as Questionnaire, status));
  return {
    id: appendixId,
    title: 'Vedlegg: Spørreskjemaene',
    intro:
      `Her står spørreskjemaene i undersøkelsen ${year} slik de ble brukt, med svaralternativene og kodene de har i dataene. ` +
      'Spørsmålene er nummerert slik en enhet som får alle spørsmålene, ser dem; en enhet som ikke får et spørsmål ' +
      '(se «Stilles bare til»), ser de neste spørsmålene med ett lavere nummer. Oppfølgingsspørsmål vises bare ' +
      'når svaret på et tidligere spørsmål gjør dem aktuelle.',
    questionnaires,
  };
}
