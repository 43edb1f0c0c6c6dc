/**
 * What the questionnaire editor needs to know beyond the round's own questionnaire: the earlier
 * rounds' versions of it (codes must not be reused for something else, trends compare with them)
 * and the registry attributes of the round's registry year (eligibility is chosen from them).
 */
import type { Questionnaire, Role } from '../questionnaire/model.ts';
import { getRegistry } from '../registry/registry.service.ts';
import type { Store } from '../store/store.ts';
import { getRound, listRounds, roundQuestionnaires } from './round.service.ts';

/** The role's questionnaire in every round before `year`, oldest first. */
export async function earlierQuestionnaires(
  store: Store,
  year: number,
  role: Role,
): Promise<{ year: number; questionnaire: Questionnaire }[]> {
  const out: { year: number; questionnaire: Questionnaire }[] = [];
  for (const r of await listRounds(store)) {
    if (r.year >= year) continue;
    const q = (await roundQuestionnaires(store, r.year)).get(role);
    if (q) out.push({ year: r.year, questionnaire: q });
  }
  return out;
}

/** The attribute names present in the round's registry year, sorted. */
export async function registryAttributes(store: Store, year: number): Promise<string[]> {
  const round = await getRound(store, year);
  const names = new Set<string>();
  for (const u of await getRegistry(store, round.registryYear)) for (const k of Object.keys(u.attributes)) names.add(k);
  return [...names].sort();
}
