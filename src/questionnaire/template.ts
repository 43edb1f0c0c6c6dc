/**
 * Round templates: a folder with `template.yaml` (title, default collection window, reminder
 * days, the questionnaire files) and one questionnaire file per role. Built-in templates live in
 * `templates/`; any folder with the same layout can be given by path instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { invalid, notFound } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { readStructured } from '../shared/structured.ts';
import { issue, parseOrThrow } from '../shared/validation.ts';
import { type Questionnaire, type Role, roles, textSchema } from './model.ts';
import { parseQuestionnaire } from './validate.ts';

const builtinDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

const isoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), issue(msg('questionnaire.date_format')));

const templateSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    title: textSchema,
    /** The survey year the window below belongs to; a round of another year shifts it. */
    year: z.number().int(),
    window: z.object({ opens: isoDate, closes: isoDate }).strict(),
    /** Days after the window opens on which reminders go to those who have not submitted. */
    reminders: z.array(z.number().int().positive()).default([]),
    questionnaires: z.array(z.string().min(1)).min(1),
  })
  .strict();

export interface Template {
  readonly key: string;
  readonly title: string;
  readonly year: number;
  readonly window: { readonly opens: string; readonly closes: string };
  readonly reminders: readonly number[];
  readonly questionnaires: ReadonlyMap<Role, Questionnaire>;
}

export function builtinTemplates(): string[] {
  return fs
    .readdirSync(builtinDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(builtinDir, d.name, 'template.yaml')))
    .map((d) => d.name)
    .sort();
}

function readYaml(file: string, label: string): unknown {
  return readStructured(fs.readFileSync(file), label);
}

/** Reads and validates one questionnaire file (YAML or JSON). */
export function loadQuestionnaireFile(file: string): Questionnaire {
  if (!fs.existsSync(file)) throw notFound(msg('questionnaire.no_such_file', { file }));
  return parseQuestionnaire(readYaml(file, path.basename(file)));
}

/** Loads a template by built-in name or by path to its folder. */
export function loadTemplate(nameOrPath: string): Template {
  const dir = /[\\/]/.test(nameOrPath) || fs.existsSync(nameOrPath) ? path.resolve(nameOrPath) : path.join(builtinDir, nameOrPath);
  const metaFile = path.join(dir, 'template.yaml');
  if (!fs.existsSync(metaFile)) {
    throw notFound(msg('questionnaire.unknown_template', { name: nameOrPath, builtin: builtinTemplates().join(', ') }));
  }
  const meta = parseOrThrow(templateSchema, readYaml(metaFile, 'template.yaml'), '', 'template.yaml');
  const questionnaires = new Map<Role, Questionnaire>();
  for (const f of meta.questionnaires) {
    const q = loadQuestionnaireFile(path.join(dir, f));
    if (questionnaires.has(q.role))
      throw invalid(msg('validation.in_file', { file: 'template.yaml', what: msg('questionnaire.template_role_twice', { role: q.role }) }));
    questionnaires.set(q.role, q);
  }
  return {
    key: meta.key,
    title: typeof meta.title === 'string' ? meta.title : meta.title.nb,
    year: meta.year,
    window: meta.window,
    reminders: meta.reminders,
    questionnaires,
  };
}

export function templateRoles(t: Template): Role[] {
  return roles.filter((r) => t.questionnaires.has(r));
}
