/**
 * Round templates: a folder with `template.yaml` (title, default collection window, reminder
 * days, the questionnaire files) and one questionnaire file per role. Built-in templates live in
 * `templates/`; any folder with the same layout can be given by path instead.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { z } from 'zod';
import { invalid, notFound } from '../shared/errors.ts';
import { readUtf8 } from '../shared/text.ts';
import { parseOrThrow } from '../shared/validation.ts';
import { type Questionnaire, type Role, roles, textSchema } from './model.ts';
import { parseQuestionnaire } from './validate.ts';

const builtinDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'templates');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD');

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
  const text = readUtf8(fs.readFileSync(file), label);
  try {
    return YAML.parse(text);
  } catch (e) {
    throw invalid(`${label}: not valid YAML/JSON: ${(e as Error).message.split('\n')[0]}`);
  }
}

/** Reads and validates one questionnaire file (YAML or JSON). */
export function loadQuestionnaireFile(file: string): Questionnaire {
  if (!fs.existsSync(file)) throw notFound(`no such file: ${file}`);
  return parseQuestionnaire(readYaml(file, path.basename(file)));
}

/** Loads a template by built-in name or by path to its folder. */
export function loadTemplate(nameOrPath: string): Template {
  const dir = /[\\/]/.test(nameOrPath) || fs.existsSync(nameOrPath) ? path.resolve(nameOrPath) : path.join(builtinDir, nameOrPath);
  const metaFile = path.join(dir, 'template.yaml');
  if (!fs.existsSync(metaFile)) {
    throw notFound(`unknown template "${nameOrPath}" (built in: ${builtinTemplates().join(', ')}; or give a folder with template.yaml)`);
  }
  const meta = parseOrThrow(templateSchema, readYaml(metaFile, 'template.yaml'), '', 'template.yaml');
  const questionnaires = new Map<Role, Questionnaire>();
  for (const f of meta.questionnaires) {
    const q = loadQuestionnaireFile(path.join(dir, f));
    if (questionnaires.has(q.role)) throw invalid(`template.yaml: two questionnaires for role ${q.role}`);
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
