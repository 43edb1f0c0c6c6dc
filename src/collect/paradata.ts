/**
 * Paradata of the web form, per page and role: how many units were shown the page, how many
 * stopped there (their last step was this page and they have not submitted), how often it was
 * saved, and the median time from being shown the page to saving it. All of it comes from the
 * server's own requests (form_event rows written by the form service), never from a script in
 * the respondent's browser; the counts are GROUP BY queries and the median is taken from whole
 * seconds and their counts.
 */
import type { Role } from '../questionnaire/model.ts';
import { textIn } from '../questionnaire/model.ts';
import { roundQuestionnaire } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import * as repo from './paradata.repository.ts';

/** Longer than this between showing a page and saving it is a tab left open, not time spent. */
export const maxVisitSeconds = 60 * 60;

export interface PageParadata {
  readonly section: string;
  readonly title: string;
  /** Units shown the page. */
  readonly started: number;
  /** Units whose last step was this page and that have not submitted. */
  readonly leftFrom: number;
  /** Saves of the page (valid ones). */
  readonly saves: number;
  /** Median seconds from showing the page to saving it; null without any such visit. */
  readonly medianSeconds: number | null;
}

/** The median of values given as (value, count) pairs; the mean of the two middle values for an even total. */
export function medianOfCounts(pairs: readonly { value: number; count: number }[]): number | null {
  const sorted = [...pairs].filter((p) => p.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, p) => s + p.count, 0);
  if (total === 0) return null;
  const at = (k: number) => {
    let seen = 0;
    for (const p of sorted) {
      seen += p.count;
      if (seen > k) return p.value;
    }
    return (sorted[sorted.length - 1] as { value: number }).value;
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

export async function paradata(store: Store, year: number, role: Role, asOf: Date): Promise<PageParadata[]> {
  const qn = await roundQuestionnaire(store, year, role);
  const until = asOf.toISOString();
  const [counts, last, durations] = await Promise.all([
    repo.pageCounts(store.db, year, role, until),
    repo.lastPages(store.db, year, role, until),
    repo.pageDurations(store.db, store.dialect, year, role, until, maxVisitSeconds),
  ]);
  return qn.sections.map((s) => {
    const c = counts.find((x) => x.section_key === s.key);
    return {
      section: s.key,
      title: textIn(s.title, 'nb'),
      started: c?.shown ?? 0,
      leftFrom: last.find((x) => x.section_key === s.key)?.n ?? 0,
      saves: c?.saves ?? 0,
      medianSeconds: medianOfCounts(durations.filter((d) => d.section_key === s.key).map((d) => ({ value: d.seconds, count: d.n }))),
    };
  });
}
