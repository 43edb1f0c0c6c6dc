/**
 * Messages about following up units (monitor/): the follow-up log's own checks, and why a unit
 * stands where it does in the chase list ("Hvem må purres?"). Its other problems (a unit not in
 * the round, zod's own issues) are worded elsewhere.
 */
import { formatNumber } from '../numbers.ts';
import type { TextTable } from './types.ts';

type Under = { grouping: string; category: string; pp: number };

export const monitorTexts = {
  'monitor.outcome_missing': {
    nb: () => 'skriv utfallet',
    nn: () => 'skriv utfallet',
    en: () => 'write the outcome',
  },
  /** One of the unit's categories in Table 1 and how far its respondents lie below the registry (pp > 0). */
  'monitor.reason_under': {
    nb: (p: Under) => `${p.grouping}: ${p.category}, underrepresentert med ${formatNumber(p.pp, 1)} pp`,
    nn: (p: Under) => `${p.grouping}: ${p.category}, underrepresentert med ${formatNumber(p.pp, 1)} pp`,
    en: (p: Under) => `${p.grouping}: ${p.category}, underrepresented by ${p.pp.toFixed(1)} pp`,
  },
  'monitor.reason_none': {
    nb: () => 'ingen av enhetens kategorier er underrepresentert',
    nn: () => 'ingen av kategoriane til eininga er underrepresenterte',
    en: () => "none of the unit's categories is underrepresented",
  },
  'monitor.reason_no_answers': {
    nb: () => 'ingen svar ennå i denne rollen: store kategorier først',
    nn: () => 'ingen svar enno i denne rolla: store kategoriar først',
    en: () => 'no answers yet in this role: large categories first',
  },
} satisfies TextTable;
