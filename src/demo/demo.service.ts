/**
 * Loading the demo: a fictitious country's registry, the 2019 round from the built-in template
 * and simulated responses near the report's response rates. Deterministic: the same seed gives
 * the same demo. `reset` wipes the store first.
 */

import { addUser } from '../auth/user.service.ts';
import { saveResponses } from '../collect/response.service.ts';
import { importContacts } from '../outreach/contact.service.ts';
import type { Role } from '../questionnaire/model.ts';
import { saveRegistry } from '../registry/registry.service.ts';
import { createRound, getRound, roundQuestionnaires, roundUnits } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { demoContactsCsv } from './contacts.demo.ts';
import { demoRegistry } from './registry.demo.ts';
import { simulateResponses } from './responses.demo.ts';

export const demoYear = 2019;
export const demoTemplate = 'kommuneundersokelse-2019';

/** Response rates of the 2019 report's Table 1 (230, 171 and 166 of 422 municipalities). */
const rates: Record<Role, number> = { integreringsansvarlig: 230 / 422, kommunedirektor: 171 / 422, skolesjef: 166 / 422 };
/** The capital's districts: 8 of 15 district directors answered in 2019 (the report's footnote 4). */
const districtRates: Record<Role, number> = { integreringsansvarlig: 10 / 15, kommunedirektor: 8 / 15, skolesjef: 0 };

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
      'answer',
      'response',
      'round_unit',
      'questionnaire',
      'round',
      'grouping',
      'division_mapping',
      'unit_attribute',
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

export interface DemoSummary {
  readonly units: number;
  readonly responses: Record<string, number>;
  /** The demo's admin login. */
  readonly login: { readonly email: string; readonly password: string };
}

/** The demo's login; the demo is fictitious and local, so its password is no secret. */
export const demoLogin = { email: 'demo@kommunepuls.test', password: 'demo-passord' } as const;

export async function loadDemo(store: Store, options: { reset?: boolean; seed?: number } = {}): Promise<DemoSummary> {
  if (options.reset) await wipeStore(store);
  const seed = options.seed ?? demoYear;
  const units = demoRegistry(seed);
  await saveRegistry(store, demoYear, units);
  await createRound(store, { year: demoYear, template: demoTemplate });
  const round = await getRound(store, demoYear);
  const questionnaires = await roundQuestionnaires(store, demoYear);
  const responses: Record<string, number> = {};
  const window = { opensAt: round.opensAt, closesAt: round.closesAt };
  let i = 0;
  for (const [role, qn] of questionnaires) {
    const numbers = new Set(await roundUnits(store, demoYear, role));
    const taking = units.filter((u) => numbers.has(u.number));
    // Municipalities and districts are drawn apart so each matches its own rate in the report.
    const inputs = [
      ...simulateResponses(
        qn,
        taking.filter((u) => u.kind === 'kommune'),
        { rate: rates[role], seed: seed * 10 + i, window },
      ),
      ...simulateResponses(
        qn,
        taking.filter((u) => u.kind === 'bydel'),
        { rate: districtRates[role], seed: seed * 10 + i + 5, window },
      ),
    ];
    i++;
    responses[role] = await saveResponses(store, demoYear, role, inputs, round.closesAt);
  }
  await addUser(store, { ...demoLogin, name: 'Demo Analytiker', role: 'admin' });
  const taking = new Map<string, ReadonlySet<string>>();
  for (const role of questionnaires.keys()) taking.set(role, new Set(await roundUnits(store, demoYear, role)));
  await importContacts(store, demoYear, demoContactsCsv(units, taking, seed), 'demo-kontakter.csv', 'demo', round.opensAt);
  return { units: units.length, responses, login: demoLogin };
}
