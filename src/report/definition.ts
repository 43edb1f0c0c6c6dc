/**
 * A report definition is data (YAML or JSON): chapters of Markdown text with placeholders for
 * computed numbers, figures (which question(s) of which role(s), which chart, breakdown, options
 * left out) and tables. Figures and tables are numbered by the builder in the order they appear,
 * so adding one renumbers the rest; text refers to them by id (`{{ref id=tolk}}`).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { roleSchema } from '../questionnaire/model.ts';
import { invalid } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';
import { readStructured } from '../shared/structured.ts';
import { issue, parseOrThrow } from '../shared/validation.ts';

const questionRefSchema = z
  .object({
    role: roleSchema,
    question: z.string().min(1),
    /** Row label in a figure with several questions (defaults to the role, or the question's short label). */
    label: z.string().min(1).optional(),
  })
  .strict();
export type QuestionRef = z.infer<typeof questionRefSchema>;

const id = z.string().refine((s) => /^[a-z0-9_-]+$/.test(s), issue(msg('report.id_format')));

/**
 * Chart kinds:
 * - `bars`: shares per option of one question (single, yes/no, multiple choice).
 * - `stacked`: 100 % bars, one row per matrix item, per question or per role (scales, matrices).
 * - `roles`: the same question asked of several roles side by side (per option, or per matrix item
 *   as the share choosing `codes`).
 * - `breakdown`: shares per option by the categories of a grouping, with a test of independence.
 * - `trend`: the share choosing `codes` across rounds, with dashed 95 % intervals.
 * - `map`: county means of a 1–5 scale as choropleths, one map per question.
 * - `integer`: the distribution of a number ("skriv inn antall") in classes, with mean and median.
 */
export const figureKinds = ['bars', 'stacked', 'roles', 'breakdown', 'trend', 'map', 'integer'] as const;

const figureSchema = z
  .object({
    id: id.optional(),
    kind: z.enum(figureKinds),
    questions: z.array(questionRefSchema).min(1),
    /** Caption text; defaults to the (first) question's text. */
    title: z.string().min(1).optional(),
    /** Who answered, in the caption ("Integreringsansvarlige"); defaults to the roles' plural names. */
    who: z.string().min(1).optional(),
    /** Options counted as the share (roles per matrix item: "Ja"; trend: the options followed). */
    codes: z.array(z.number().int()).min(1).optional(),
    /** Options left out of the chart (still in N). */
    exclude: z.array(z.number().int()).optional(),
    /** Scales: leave "Vet ikke"/"Ikke relevant" out (N shrinks) instead of showing them apart. */
    excludeExtras: z.boolean().optional(),
    /** breakdown: the grouping key (or `fylke`), or several: their tests form one family (Holm). */
    by: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** breakdown and map: fewer answers than this in a category or county show "for få svar" (default 5, or the report's). */
    minN: z.number().int().min(0).optional(),
    /** Weighted shares and intervals (bars, stacked, roles, breakdown); default the report's `weighted`. */
    weighted: z.boolean().optional(),
    /** trend: first and last year, as offsets from the round's year ([-4, 0]) or as years ([2015, 2019]). */
    years: z.tuple([z.number().int(), z.number().int()]).optional(),
    /** integer: upper bounds of the classes ([0, 2, 5, 10] → 0, 1–2, 3–5, 6–10, over 10). */
    classes: z.array(z.number().int()).min(1).optional(),
    /** A sentence under the chart. */
    note: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    const need = (cond: boolean, field: string, problem: Message) => {
      if (!cond) ctx.addIssue({ code: 'custom', path: [field], ...issue(problem) });
    };
    if (f.kind === 'breakdown') need(f.by !== undefined, 'by', msg('report.breakdown_needs_by'));
    if (f.kind === 'trend') {
      need(f.codes !== undefined, 'codes', msg('report.trend_needs_codes'));
      need(f.years !== undefined, 'years', msg('report.trend_needs_years'));
    }
    if (f.kind === 'roles') need(f.questions.length >= 2, 'questions', msg('report.roles_need_two'));
    if (f.kind === 'bars' || f.kind === 'breakdown' || f.kind === 'trend' || f.kind === 'integer')
      need(f.questions.length === 1, 'questions', msg('report.one_question', { kind: f.kind }));
  });
export type FigureSpec = z.infer<typeof figureSchema>;

export const tableKinds = ['representativeness', 'response-rates'] as const;

const tableSchema = z
  .object({
    id: id.optional(),
    kind: z.enum(tableKinds),
    title: z.string().min(1),
    /** representativeness: grouping keys (defaults to the report's four). */
    groupings: z.array(z.string().min(1)).optional(),
    /** representativeness: add the respondents' distribution after weighting (default the report's `weighted`). */
    weighted: z.boolean().optional(),
    note: z.string().min(1).optional(),
  })
  .strict();
export type TableSpec = z.infer<typeof tableSchema>;

const blockSchema = z.union([
  /** `when`: only in a weighted (or an unweighted) report, e.g. the paragraph on the weights. */
  z.object({ text: z.string(), when: z.enum(['weighted', 'unweighted']).optional() }).strict(),
  z.object({ figure: figureSchema }).strict(),
  z.object({ table: tableSchema }).strict(),
]);
export type BlockSpec = z.infer<typeof blockSchema>;

const chapterSchema = z
  .object({
    id: id.optional(),
    title: z.string().min(1),
    blocks: z.array(blockSchema),
  })
  .strict();

export const reportDefinitionSchema = z
  .object({
    title: z.string().min(1),
    subtitle: z.string().optional(),
    /** Who publishes it (title page and PDF footer). */
    publisher: z.string().optional(),
    /** Default minimum N per category of a breakdown and per county of a map (5 when not given). */
    minN: z.number().int().min(0).optional(),
    /** `questionnaires`: the round's questionnaires as a printable appendix after the chapters. */
    appendix: z.enum(['questionnaires']).optional(),
    /**
     * Weighted shares and design-based intervals in figures, placeholders and Table 1: `true` rakes
     * each role's respondents to Table 1's four groupings with weights capped at 5 × the mean, or
     * name the groupings and the cap (null: none). See analysis/weights.ts.
     */
    weighted: z
      .union([
        z.boolean(),
        z.object({ groupings: z.array(z.string().min(1)).min(1).optional(), cap: z.number().gt(1).nullable().optional() }).strict(),
      ])
      .optional(),
    chapters: z.array(chapterSchema).min(1),
  })
  .strict()
  .superRefine((d, ctx) => {
    const seen = new Map<string, string>();
    d.chapters.forEach((c, ci) => {
      c.blocks.forEach((b, bi) => {
        const thing = 'figure' in b ? b.figure : 'table' in b ? b.table : undefined;
        if (!thing?.id) return;
        const here = `chapters[${ci}].blocks[${bi}]`;
        const other = seen.get(thing.id);
        if (other)
          ctx.addIssue({
            code: 'custom',
            path: ['chapters', ci, 'blocks', bi, 'figure' in b ? 'figure' : 'table', 'id'],
            ...issue(msg('report.id_used', { id: thing.id, other })),
          });
        else seen.set(thing.id, here);
      });
    });
  });
export type ReportDefinition = z.infer<typeof reportDefinitionSchema>;

/** Reads a definition from YAML or JSON text (bytes must be UTF-8); errors name the path of the bad field. */
export function parseReportDefinition(input: string | Uint8Array, fileName = 'report definition'): ReportDefinition {
  return parseOrThrow(reportDefinitionSchema, readStructured(input, fileName), '', fileName);
}

const builtinDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'definitions');

/** Built-in definitions by name (the file name without .yaml). */
export function builtinDefinitions(): string[] {
  return fs
    .readdirSync(builtinDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort();
}

/** A built-in definition by name, or a definition file by path. */
export function loadReportDefinition(nameOrPath: string): ReportDefinition {
  const builtin = path.join(builtinDir, `${nameOrPath}.yaml`);
  const file = builtinDefinitions().includes(nameOrPath) ? builtin : nameOrPath;
  let text: Buffer;
  try {
    text = fs.readFileSync(file);
  } catch {
    throw invalid(msg('report.no_definition', { name: nameOrPath, builtin: builtinDefinitions().join(', ') }));
  }
  return parseReportDefinition(text, path.basename(file));
}

/** The built-in definition for a round made from a template (the 2019 one for its copies). */
export function defaultDefinitionFor(template: string): string {
  const names = builtinDefinitions();
  return names.includes(template) ? template : (names.at(-1) ?? template);
}
