/**
 * Messages for structured files and inputs checked with zod (questionnaires, templates, report
 * definitions, groupings, settings). zod's own issues are worded by zod's locales (bokmål `no`,
 * nynorsk `nn`, English); our refinements carry a catalogue message of their own instead (see
 * shared/validation.ts), so no English text of ours reaches a Norwegian page.
 */
import { z } from 'zod';
import type { Lang, TextTable } from './types.ts';

type Issue = z.core.$ZodIssue;

const locales = { nb: z.locales.no(), nn: z.locales.nn(), en: z.locales.en() };

/** zod's wording of one of its own issues in a language. */
export function zodIssueText(issue: Issue, lang: Lang): string {
  const text = locales[lang].localeError(issue as never);
  return typeof text === 'string' ? text : (text?.message ?? issue.message);
}

export const validationTexts = {
  /** A zod issue at a path: `kommunedirektor.questions[4].type: Invalid option: …`. */
  'validation.zod': {
    nb: (p: { path: string; issue: Issue }) => (p.path ? `${p.path}: ${zodIssueText(p.issue, 'nb')}` : zodIssueText(p.issue, 'nb')),
    nn: (p: { path: string; issue: Issue }) => (p.path ? `${p.path}: ${zodIssueText(p.issue, 'nn')}` : zodIssueText(p.issue, 'nn')),
    en: (p: { path: string; issue: Issue }) => (p.path ? `${p.path}: ${zodIssueText(p.issue, 'en')}` : zodIssueText(p.issue, 'en')),
  },
  /** A problem in a named file: `skolesjef.yaml: …`. */
  'validation.in_file': {
    nb: (p: { file: string; what: string }) => `${p.file}: ${p.what}`,
    nn: (p: { file: string; what: string }) => `${p.file}: ${p.what}`,
    en: (p: { file: string; what: string }) => `${p.file}: ${p.what}`,
  },
} satisfies TextTable;
