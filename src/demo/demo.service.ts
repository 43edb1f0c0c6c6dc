/**
 * Loading the demo: a registry (a fictitious country, or a real division read from reference
 * files), the 2019 round from the built-in template with simulated responses near the report's
 * response rates, and the rounds 2015–2018 with the questions asked every year (the trend of
 * figure 5), each on its own registry year. Deterministic: the same seed gives the same demo.
 * `reset` wipes the store first. The 2019 answers all lie before the demo's clock
 * (demoClockStart: the middle of the window), so what `npm start` shows on that clock has no
 * answers from its future; the earlier rounds' answers fill their windows.
 */

import fs from 'node:fs';
import path from 'node:path';
import { addUser } from '../auth/user.service.ts';
import { type ResponseInput, saveResponses } from '../collect/response.service.ts';
import { importContacts } from '../outreach/contact.service.ts';
import type { Questionnaire, Role } from '../questionnaire/model.ts';
import { loadTemplate, type Template, templateRoles } from '../questionnaire/template.ts';
import { type GeometryLevel, geometryCredit, importGeometry, loadGeometry, saveGeometry } from '../registry/geometry.service.ts';

/** The credit the public reference data asks for wherever its boundaries are shown. */
const referenceCredit = 'Kartgrunnlag: Kartverket; befolkning: SSB';

import { recordInvitationsSent } from '../outreach/outbox.service.ts';
import { geometryLevels } from '../registry/geometry.ts';
import { saveRegistry } from '../registry/registry.service.ts';
import type { Unit } from '../registry/registry.types.ts';
import { checkReminderDays, getRound, insertRound, type Round, roundUnits } from '../round/round.service.ts';
import { addDays, addYears, osloMidnightUtc } from '../shared/time.ts';
import type { Store } from '../store/store.ts';
import { demoContactsCsv } from './contacts.demo.ts';
import { earlierQuestionnaire, earlierRates, earlierYears, trendShares } from './history.demo.ts';
import { seedOf } from './random.ts';
import { readReferenceDivision } from './reference.demo.ts';
import { demoRegistry, referenceRegistry, registryForYear } from './registry.demo.ts';
import { type SimulationOptions, simulateResponses } from './responses.demo.ts';
import { loadDemoGeometry } from './shapes.demo.ts';

export const demoYear = 2019;
export const demoTemplate = 'kommuneundersokelse-2019';
/** The template key stored on the earlier rounds: the 2019 template cut to the trend questions. */
export const earlierTemplate = `${demoTemplate}-trend`;

/** Response rates of the 2019 report's Table 1 (230, 171 and 166 of 422 municipalities). */
const rates: Record<Role, number> = { integreringsansvarlig: 230 / 422, kommunedirektor: 171 / 422, skolesjef: 166 / 422 };
/** The capital's districts: 8 of 15 district directors answered in 2019 (the report's footnote 4). */
const districtRates: Record<Role, number> = { integreringsansvarlig: 10 / 15, kommunedirektor: 8 / 15, skolesjef: 0 };

const day = 86_400_000;

/**
 * The instant `npm start` starts the clock at when the newest round's window is not open now:
 * 09:00 (Oslo, winter) on the middle day of the window. The 2019 demo answers lie before it.
 */
export function demoClockStart(round: Pick<Round, 'opensAt' | 'closesAt'>): Date {
  const middle = Math.floor((round.closesAt.getTime() - round.opensAt.getTime()) / 2 / day) * day;
  return new Date(round.opensAt.getTime() + middle + 9 * 3_600_000);
}

/** Deletes everything, child tables first. */
export async function wipeStore(store: Store): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    for (const t of [
      'followup',
      'outbox',
      'mail_template',
      'contact',
      'app_session',
      'app_user',
      'form_draft',
      'access_token',
      'answer_recode',
      'answer',
      'response',
      'round_unit',
      'questionnaire_change',
      'questionnaire',
      'round',
      'grouping',
      'division_mapping',
      'unit_attribute',
      'geometry',
      'unit',
    ] as const) {
      await trx.deleteFrom(t).execute();
    }
  });
}

export async function isEmpty(store: Store): Promise<boolean> {
  const row = await store.db.selectFrom('unit').select('year').limit(1).executeTakeFirst();
  return row === undefined;
}

export interface DemoRoundSummary {
  readonly year: number;
  readonly registryYear: number;
  /** Per role: municipalities and the capital's districts taking part, responses submitted and left unfinished. */
  readonly roles: Partial<Record<Role, { readonly kommune: DemoCounts; readonly bydel: DemoCounts }>>;
}

export interface DemoCounts {
  readonly units: number;
  readonly submitted: number;
  readonly inProgress: number;
}

export interface DemoSummary {
  readonly units: number;
  /** Where the registry came from: the fictitious country, or the reference folder given. */
  readonly registry: 'fiktiv' | string;
  /** Every round, oldest first. */
  readonly rounds: readonly DemoRoundSummary[];
  /** The 2019 round's stored responses per role (submitted and unfinished). */
  readonly responses: Record<string, number>;
  /** Shapes stored per level for the maps (of the 2019 registry year and the earlier ones alike). */
  readonly maps: Partial<Record<GeometryLevel, number>>;
  /** The demo's admin login. */
  readonly login: { readonly email: string; readonly password: string };
}

/** The demo's login; the demo is fictitious and local, so its password is no secret. */
export const demoLogin = { email: 'demo@kommunepuls.test', password: 'demo-passord' } as const;

export interface LoadDemoOptions {
  readonly reset?: boolean;
  readonly seed?: number;
  /**
   * A folder with a real division's `kommune.geojson` and `bydel.geojson` (e.g.
   * `../shared/reference/geo/2019`): the registry has its municipalities, names and populations,
   * the other attributes drawn as for the fictitious country.
   */
  readonly registry?: string;
  /** Base of the personal links in the demo's letters (the server's KOMMUNEPULS_BASE_URL). */
  readonly baseUrl?: string;
}

export async function loadDemo(store: Store, options: LoadDemoOptions = {}): Promise<DemoSummary> {
  const seed = options.seed ?? demoYear;
  // Read the reference first: a bad folder must fail before anything is wiped.
  const division = options.registry === undefined ? null : readReferenceDivision(options.registry);
  if (options.reset) await wipeStore(store);
  const units = division ? referenceRegistry(division.municipalities, division.districts, seed, division.capital) : demoRegistry(seed);
  // Read once: parsing the template's YAML takes longer than writing a round.
  const template = loadTemplate(demoTemplate);
  const rounds: DemoRoundSummary[] = [];
  for (const year of earlierYears) {
    rounds.push(await loadEarlierRound(store, template, year, registryForYear(units, demoYear, year, seed), seed));
  }
  await saveRegistry(store, demoYear, units);
  const questionnaires = new Map(templateRoles(template).map((r) => [r, template.questionnaires.get(r) as Questionnaire]));
  const round = await insertTemplateRound(store, template, demoYear, template.key, questionnaires);
  // Contacts first, and the invitations as sent when the window opened, before anyone answered.
  const taking = new Map<string, ReadonlySet<string>>();
  for (const role of questionnaires.keys()) taking.set(role, new Set(await roundUnits(store, demoYear, role)));
  await importContacts(store, demoYear, demoContactsCsv(units, taking, seed), 'demo-kontakter.csv', 'demo', round.opensAt);
  await recordInvitationsSent(store, demoYear, options.baseUrl ?? 'http://localhost:3000');
  const responses: Record<string, number> = {};
  const roles: DemoRoundSummary['roles'] = {};
  const clock = demoClockStart(round);
  let i = 0;
  for (const [role, qn] of questionnaires) {
    const numbers = new Set(await roundUnits(store, demoYear, role));
    const taking = units.filter((u) => numbers.has(u.number));
    // Municipalities and districts are drawn apart so each matches its own rate in the report.
    const inputs = simulateRound(
      qn,
      taking,
      round,
      clock,
      { kommune: rates[role], bydel: districtRates[role] },
      [seed * 10 + i, seed * 10 + i + 5],
      {
        shares: trendShares(demoYear, role),
      },
    );
    i++;
    responses[role] = await saveResponses(store, demoYear, role, inputs, clock);
    roles[role] = counted(taking, inputs);
  }
  rounds.push({ year: demoYear, registryYear: demoYear, roles });
  await addUser(store, { ...demoLogin, name: 'Demo Analytiker', role: 'admin' });
  const maps = division ? await loadReferenceGeometry(store, division.dir) : await loadFictitiousGeometry(store, units, seed);
  return { units: units.length, registry: division ? division.dir : 'fiktiv', rounds, responses, maps, login: demoLogin };
}

/**
 * Responses of one role in a round, started and submitted before `until`: municipalities and
 * districts drawn apart, each at its rate.
 */
function simulateRound(
  qn: Questionnaire,
  units: readonly Unit[],
  round: Round,
  until: Date,
  rate: { kommune: number; bydel: number },
  seeds: readonly [number, number],
  extra: Pick<SimulationOptions, 'shares'>,
): ResponseInput[] {
  const window = { opensAt: round.opensAt, closesAt: round.closesAt };
  const reminders = round.reminders;
  return [
    ...simulateResponses(
      qn,
      units.filter((u) => u.kind === 'kommune'),
      { rate: rate.kommune, seed: seeds[0], window, until, reminders, ...extra },
    ),
    ...simulateResponses(
      qn,
      units.filter((u) => u.kind === 'bydel'),
      { rate: rate.bydel, seed: seeds[1], window, until, reminders, ...extra },
    ),
  ];
}

function counted(units: readonly Unit[], inputs: readonly ResponseInput[]): { kommune: DemoCounts; bydel: DemoCounts } {
  const kind = new Map(units.map((u) => [u.number, u.kind]));
  const of = (k: Unit['kind']): DemoCounts => {
    const mine = inputs.filter((r) => kind.get(r.unitNumber) === k);
    const submitted = mine.filter((r) => r.status === 'submitted').length;
    return { units: units.filter((u) => u.kind === k).length, submitted, inProgress: mine.length - submitted };
  };
  return { kommune: of('kommune'), bydel: of('bydel') };
}

/** The reference files' levels: file, the property with each feature's number. */
const referenceShapes: readonly (readonly [GeometryLevel, string, string])[] = [
  ['fylke', 'fylke.geojson', 'fylke_no'],
  ['kommune', 'kommune.geojson', 'kommune_no'],
  ['bydel', 'bydel.geojson', 'bydel_no'],
];

/**
 * The reference folder's shapes for the maps, imported for 2019 (simplified as any import) and
 * copied to the earlier registry years, which have the same division. City districts other than
 * the capital's are left out; a level without a file is left without shapes.
 */
async function loadReferenceGeometry(store: Store, dir: string): Promise<Partial<Record<GeometryLevel, number>>> {
  const out: Partial<Record<GeometryLevel, number>> = {};
  for (const [level, fileName, idField] of referenceShapes) {
    const file = path.join(dir, fileName);
    if (!fs.existsSync(file)) continue;
    const source = fs.readFileSync(file);
    await importGeometry(store, {
      year: demoYear,
      level,
      source,
      fileName,
      idField,
      skipUnknown: level === 'bydel',
      credit: referenceCredit,
    });
    out[level] = await copyShapesBack(store, level);
  }
  return out;
}

/** The fictitious country's generated shapes, made once for 2019 and copied to the earlier years. */
async function loadFictitiousGeometry(store: Store, units: readonly Unit[], seed: number): Promise<Partial<Record<GeometryLevel, number>>> {
  await loadDemoGeometry(store, demoYear, units, seed);
  const out: Partial<Record<GeometryLevel, number>> = {};
  for (const level of geometryLevels) out[level] = await copyShapesBack(store, level);
  return out;
}

/** Copies a level's 2019 shapes to the earlier registry years (the same division); the number of shapes. */
async function copyShapesBack(store: Store, level: GeometryLevel): Promise<number> {
  const shapes = (await loadGeometry(store, demoYear, level)).features.map((f) => ({
    code: f.properties.code,
    name: f.properties.name,
    geometry: f.geometry,
  }));
  const credit = await geometryCredit(store, demoYear, level);
  for (const year of earlierYears) await saveGeometry(store, year, level, shapes, credit);
  return shapes.length;
}

/**
 * A round of `year` on the registry of that year, as `round create --template` makes it: the
 * template's window and reminder days shifted to the year.
 */
async function insertTemplateRound(
  store: Store,
  template: Template,
  year: number,
  key: string,
  questionnaires: ReadonlyMap<Role, Questionnaire>,
): Promise<Round> {
  const shift = year - template.year;
  await insertRound(
    store,
    {
      year,
      registryYear: year,
      template: key,
      opens: addYears(template.window.opens, shift),
      closes: addYears(template.window.closes, shift),
      reminders: checkReminderDays(template.reminders),
      questionnaires,
    },
    // Made a month before its window opened, as a survey team would, not at today's date.
    osloMidnightUtc(addDays(addYears(template.window.opens, shift), -30)),
  );
  return getRound(store, year);
}

/**
 * One earlier round: its registry year, the round (the 2019 template's window and reminders a
 * number of years back, the trend questions only) and simulated responses, all closed long ago.
 */
async function loadEarlierRound(
  store: Store,
  template: Template,
  year: number,
  units: readonly Unit[],
  seed: number,
): Promise<DemoRoundSummary> {
  await saveRegistry(store, year, units);
  const questionnaires = new Map<Role, Questionnaire>();
  for (const role of templateRoles(template)) {
    const q = earlierQuestionnaire(template.questionnaires.get(role) as Questionnaire, template.year, year);
    if (q) questionnaires.set(role, q);
  }
  const round = await insertTemplateRound(store, template, year, earlierTemplate, questionnaires);
  const rate = earlierRates[year] ?? { kommune: 0.5, bydel: 0.5 };
  const roles: DemoRoundSummary['roles'] = {};
  for (const [role, qn] of questionnaires) {
    const numbers = new Set(await roundUnits(store, year, role));
    const taking = units.filter((u) => numbers.has(u.number));
    const inputs = simulateRound(
      qn,
      taking,
      round,
      round.closesAt,
      rate,
      [seedOf(seed, year, role, 'kommune'), seedOf(seed, year, role, 'bydel')],
      {
        shares: trendShares(year, role),
      },
    );
    await saveResponses(store, year, role, inputs, round.closesAt);
    roles[role] = counted(taking, inputs);
  }
  return { year, registryYear: year, roles };
}
