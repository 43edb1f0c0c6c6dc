/**
 * The form's pages while collecting (paradata, collect/paradata.ts) for every role that has a
 * questionnaire in the round: per page the units shown it, those who stopped there, the saves
 * and the median time from showing to saving, as they stood at the app's clock. For the dashboard
 * and `status --json`.
 */
import { type PageParadata, paradata } from '../collect/paradata.ts';
import type { Role } from '../questionnaire/model.ts';
import { roundQuestionnaires } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';

export interface RolePages {
  readonly role: Role;
  readonly pages: readonly PageParadata[];
}

/** Each role's pages in the questionnaire's order, as of `asOf`. */
export async function formPages(store: Store, year: number, asOf: Date): Promise<RolePages[]> {
  const out: RolePages[] = [];
  for (const role of (await roundQuestionnaires(store, year)).keys()) out.push({ role, pages: await paradata(store, year, role, asOf) });
  return out;
}

/** The JSON of the pages in `status --json`: per role, the pages with their counts and median seconds. */
export function formPagesJson(asOf: Date, roles: readonly RolePages[]) {
  return {
    as_of: asOf.toISOString(),
    roles: Object.fromEntries(
      roles.map((r) => [
        r.role,
        r.pages.map((p) => ({
          section: p.section,
          title: p.title,
          started: p.started,
          left_from: p.leftFrom,
          saves: p.saves,
          median_seconds: p.medianSeconds,
        })),
      ]),
    ),
  };
}
