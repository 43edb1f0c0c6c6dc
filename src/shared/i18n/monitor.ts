/**
 * Messages about following up units (monitor/): the follow-up log's own checks. Its other
 * problems (a unit not in the round, zod's own issues) are worded elsewhere.
 */
import type { TextTable } from './types.ts';

export const monitorTexts = {
  'monitor.outcome_missing': {
    nb: () => 'skriv utfallet',
    nn: () => 'skriv utfallet',
    en: () => 'write the outcome',
  },
} satisfies TextTable;
