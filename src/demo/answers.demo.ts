/**
 * Plausible answers to one question, for the demo responses. Choices lean towards the first
 * options (questionnaires list "Ja" first), scales are middle-heavy, "Vet ikke" and "Ikke relevant"
 * come up now and then. A unit's `lean` shifts its answers the same way across questions, so the
 * demo data show associations between questions and differences between groups of units.
 */
import type { Answer } from '../questionnaire/answer.ts';
import { optionsOf } from '../questionnaire/answer.ts';
import type { Option, Question, Role, Scale } from '../questionnaire/model.ts';
import type { UnitKind } from '../registry/registry.types.ts';
import type { Random } from './random.ts';

export interface AnswerContext {
  readonly rng: Random;
  /** About −1…1: positive answers "Ja" and high scale points more often. */
  readonly lean: number;
  readonly role: Role;
  readonly kind: UnitKind;
}

const dontKnowShare = 0.08;
const notRelevantShare = 0.04;
const itemAnswerRate = 0.98;

const roleTitles: Record<Role | 'bydelsdirektor', readonly string[]> = {
  kommunedirektor: ['Kommunedirektør', 'Rådmann', 'Assisterende kommunedirektør', 'Kommunalsjef', 'Rådgiver i rådmannens stab'],
  bydelsdirektor: ['Bydelsdirektør', 'Assisterende bydelsdirektør'],
  integreringsansvarlig: [
    'Leder for flyktningtjenesten',
    'Integreringskoordinator',
    'Rådgiver',
    'Programrådgiver i introduksjonsprogrammet',
    'Enhetsleder',
  ],
  skolesjef: ['Skolesjef', 'Kommunalsjef for oppvekst', 'Rektor ved voksenopplæringen', 'Rådgiver', 'Leder for voksenopplæringen'],
};
const specifyTexts = [
  'Samarbeid med lokale lag',
  'Gjennom NAV',
  'Via helsestasjonen',
  'Egen koordinator i kommunen',
  'Tiltak i regi av frivilligsentralen',
  'Informasjon med tolk på foreldremøter',
];
const commentTexts = [
  'Ingen kommentarer.',
  'Vi har god erfaring med samarbeidet.',
  'Ønsker mer veiledning fra IMDi.',
  'Kapasiteten i tjenesten er presset.',
];

/** An answer to the question, or null when the simulated respondent leaves it (a matrix with no item answered). */
export function simulateAnswer(q: Question, ctx: AnswerContext): Answer | null {
  switch (q.type) {
    case 'single':
      return { kind: 'codes', codes: [pickChoice(q.options, ctx.rng, ctx.lean)] };
    case 'multi':
      return pickMulti(q.options, ctx);
    case 'scale':
      return { kind: 'codes', codes: [pickScale(q.scale, ctx.rng, ctx.lean)] };
    case 'matrix':
      return matrixAnswer(q, ctx);
    case 'integer':
      return { kind: 'number', value: smallInteger(ctx.rng, q.min, q.max) };
    case 'text':
      return { kind: 'text', value: textAnswer(q, ctx) };
  }
}

function labelOf(o: Option): string {
  return typeof o.label === 'string' ? o.label : o.label.nb;
}

/** Weight of an option outside the substance ("Vet ikke", "Ikke relevant"), or null for a substantive one. */
function asideWeight(o: Option): number | null {
  const label = labelOf(o).toLowerCase();
  if (label.includes('vet ikke')) return dontKnowShare;
  if (label.includes('ikke relevant')) return notRelevantShare;
  return null;
}

/**
 * Weights falling from the first substantive option: with lean 0 the first takes 60 %, the rest
 * a falling share each; "Vet ikke" and "Ikke relevant" keep their small fixed shares.
 */
function choiceWeights(options: readonly Option[], lean: number): number[] {
  const first = Math.min(0.75, Math.max(0.45, 0.6 + 0.15 * lean));
  const substantive = options.filter((o) => asideWeight(o) === null).length;
  const aside = options.reduce((s, o) => s + (asideWeight(o) ?? 0), 0);
  let rank = 0;
  return options.map((o) => {
    const w = asideWeight(o);
    if (w !== null) return w;
    const share = substantive === 1 ? 1 : rank === 0 ? first : ((1 - first) * 0.6 ** (rank - 1) * 0.4) / (1 - 0.6 ** (substantive - 1));
    rank++;
    return share * (1 - aside);
  });
}

function pickChoice(options: readonly Option[], rng: Random, lean: number): number {
  return (options[rng.weighted(choiceWeights(options, lean))] as Option).code;
}

/** One to three options, favouring the first ones; now and then an exclusive option alone. */
function pickMulti(options: readonly Option[], ctx: AnswerContext): Answer {
  const { rng } = ctx;
  const exclusive = options.filter((o) => o.exclusive);
  const pool = options.filter((o) => !o.exclusive);
  if (exclusive.length > 0 && (pool.length === 0 || rng.bernoulli(0.12))) return { kind: 'codes', codes: [rng.pick(exclusive).code] };
  const want = Math.min(pool.length, 1 + rng.weighted([0.4, 0.35, 0.25]));
  const weights = pool.map((o, i) => (asideWeight(o) ?? 1 / (i + 1) ** 0.7) * (o.specify ? 0.3 : 1));
  const chosen: Option[] = [];
  while (chosen.length < want) {
    const i = rng.weighted(weights);
    chosen.push(pool[i] as Option);
    weights[i] = 0;
  }
  // Keep the order of the questionnaire, as a form would store them.
  const codes = options.filter((o) => chosen.includes(o)).map((o) => o.code);
  const specify = chosen.find((o) => o.specify);
  return specify ? { kind: 'codes', codes, text: rng.pick(specifyTexts) } : { kind: 'codes', codes };
}

/** A middle-heavy point on the scale (shifted by lean), or one of its extras now and then. */
function pickScale(scale: Scale, rng: Random, lean: number): number {
  const extras = scale.extra ?? [];
  const extraWeights = extras.map((o) => asideWeight(o) ?? notRelevantShare);
  const span = scale.max - scale.min;
  const centre = scale.min + span / 2 + (lean * span) / 4;
  const sd = Math.max(1, span / 3);
  const points: number[] = [];
  for (let v = scale.min; v <= scale.max; v++) points.push(v);
  const pointWeights = points.map((v) => Math.exp(-((v - centre) ** 2) / (2 * sd * sd)));
  const total = pointWeights.reduce((s, w) => s + w, 0);
  const rest = 1 - extraWeights.reduce((s, w) => s + w, 0);
  const i = rng.weighted([...pointWeights.map((w) => (w / total) * rest), ...extraWeights]);
  return i < points.length ? (points[i] as number) : (extras[i - points.length] as Option).code;
}

/** One answer per item (an item is skipped now and then), items differing a little from each other. */
function matrixAnswer(q: Extract<Question, { type: 'matrix' }>, ctx: AnswerContext): Answer | null {
  const { rng } = ctx;
  const items: Record<string, number> = {};
  for (const item of q.items) {
    if (!rng.bernoulli(itemAnswerRate)) continue;
    const lean = ctx.lean + 0.5 * rng.normal();
    items[item.key] = q.scale ? pickScale(q.scale, rng, lean) : pickChoice(optionsOf(q), rng, lean);
  }
  return Object.keys(items).length === 0 ? null : { kind: 'items', items };
}

/** Small counts: mostly under ten, within the question's bounds. */
function smallInteger(rng: Random, min: number | undefined, max: number | undefined): number {
  const lo = min ?? 0;
  const hi = max ?? lo + 1000;
  return Math.min(hi, Math.max(lo, lo + Math.floor(Math.exp(1.2 + 0.9 * rng.normal())) - 1));
}

function textAnswer(q: Question, ctx: AnswerContext): string {
  if (q.key !== 'rolle') return ctx.rng.pick(commentTexts);
  const titles = ctx.role === 'kommunedirektor' && ctx.kind === 'bydel' ? roleTitles.bydelsdirektor : roleTitles[ctx.role];
  const title = ctx.rng.pick(titles);
  const maxLength = q.type === 'text' ? q.maxLength : undefined;
  return maxLength === undefined ? title : title.slice(0, maxLength);
}
