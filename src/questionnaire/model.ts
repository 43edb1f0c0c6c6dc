/**
 * The questionnaire model. A questionnaire file (YAML or JSON) is checked against this schema;
 * a bad file is rejected with the path of the bad field, e.g.
 * `kommunedirektor.questions[4].options[2].code: duplicate code 3`.
 *
 * Keys of questions, matrix items and sections are stable across rounds; option codes are stable
 * numbers (exports, trends). Conditions are data: a follow-up shows when an earlier question has
 * one of some codes; eligibility compares a registry attribute with a number. Nothing is evaluated
 * as code.
 */
import { z } from 'zod';
import { msg } from '../shared/i18n/message.ts';
import { issue } from '../shared/validation.ts';

export const roles = ['kommunedirektor', 'integreringsansvarlig', 'skolesjef'] as const;
export type Role = (typeof roles)[number];
export const roleSchema = z.enum(roles);

export const languages = ['nb', 'nn', 'en'] as const;
export type Language = (typeof languages)[number];

const keyPattern = /^[a-z][a-z0-9_]*$/;
const keySchema = z.string().refine((s) => keyPattern.test(s), issue(msg('questionnaire.key_format')));
const nonEmpty = z.string().refine((s) => s.length > 0, issue(msg('questionnaire.text_empty')));

/** A text in bokmål, optionally with nynorsk and English. A plain string is bokmål. */
export const textSchema = z.union([
  nonEmpty,
  z.object({ nb: nonEmpty, nn: z.string().min(1).optional(), en: z.string().min(1).optional() }).strict(),
]);
export type TextInput = z.infer<typeof textSchema>;
export interface Text {
  readonly nb: string;
  readonly nn?: string;
  readonly en?: string;
}
export function toText(t: TextInput): Text {
  return typeof t === 'string' ? { nb: t } : t;
}
export function textIn(t: TextInput, lang: Language): string {
  const v = toText(t);
  return v[lang] ?? v.nb;
}

export const optionSchema = z
  .object({
    code: z.number().refine((n) => Number.isSafeInteger(n), issue(msg('questionnaire.code_not_integer'))),
    label: textSchema,
    /** Multiple choice: choosing this option excludes all others ("Nei, ingen resultatmål"). */
    exclusive: z.boolean().optional(),
    /** "Annet, spesifiser": choosing this option asks for a text. */
    specify: z.boolean().optional(),
  })
  .strict();
export type Option = z.infer<typeof optionSchema>;

export const scaleSchema = z
  .object({
    min: z.number().int(),
    max: z.number().int(),
    minLabel: textSchema,
    maxLabel: textSchema,
    /** Answers outside the scale, e.g. 8 "Ikke relevant", 9 "Vet ikke"; their codes lie outside min..max. */
    extra: z.array(optionSchema).optional(),
  })
  .strict();
export type Scale = z.infer<typeof scaleSchema>;

export const comparisonOps = ['>', '>=', '<', '<=', '=', '!='] as const;

export type RegistryCondition =
  | { attribute: string; op: (typeof comparisonOps)[number]; value: number }
  | { all: RegistryCondition[] }
  | { any: RegistryCondition[] };
export const registryConditionSchema: z.ZodType<RegistryCondition> = z.lazy(() =>
  z.union([
    z.object({ attribute: keySchema, op: z.enum(comparisonOps), value: z.number() }).strict(),
    z.object({ all: z.array(registryConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(registryConditionSchema).min(1) }).strict(),
  ]),
);

export type AnswerCondition =
  | { question: string; item?: string; codes: number[] }
  | { all: AnswerCondition[] }
  | { any: AnswerCondition[] };
export const answerConditionSchema: z.ZodType<AnswerCondition> = z.lazy(() =>
  z.union([
    z.object({ question: keySchema, item: keySchema.optional(), codes: z.array(z.number().int()).min(1) }).strict(),
    z.object({ all: z.array(answerConditionSchema).min(1) }).strict(),
    z.object({ any: z.array(answerConditionSchema).min(1) }).strict(),
  ]),
);

const base = {
  key: keySchema,
  text: textSchema,
  help: textSchema.optional(),
  /** Section (page) the question belongs to; the first section when absent. */
  section: keySchema.optional(),
  /** An answer is required when the question is shown. Most survey questions are optional. */
  required: z.boolean().optional(),
  /** Follow-up: shown only when an earlier answer qualifies. */
  showIf: answerConditionSchema.optional(),
  /** Asked only of units whose registry attributes qualify. */
  eligibleIf: registryConditionSchema.optional(),
  /** Short label for tables and charts; defaults to the text. */
  shortLabel: z.string().min(1).optional(),
};

const itemSchema = z.object({ key: keySchema, label: textSchema }).strict();
export type MatrixItem = z.infer<typeof itemSchema>;

export const questionSchema = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('single'), options: z.array(optionSchema).min(2) }).strict(),
  z.object({ ...base, type: z.literal('multi'), options: z.array(optionSchema).min(2) }).strict(),
  z.object({ ...base, type: z.literal('scale'), scale: scaleSchema }).strict(),
  z
    .object({
      ...base,
      type: z.literal('matrix'),
      items: z.array(itemSchema).min(1),
      options: z.array(optionSchema).min(2).optional(),
      scale: scaleSchema.optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('integer'),
      min: z.number().int().optional(),
      max: z.number().int().optional(),
      unit: textSchema.optional(),
    })
    .strict(),
  z
    .object({ ...base, type: z.literal('text'), multiline: z.boolean().optional(), maxLength: z.number().int().positive().optional() })
    .strict(),
]);
export type Question = z.infer<typeof questionSchema>;
export type QuestionType = Question['type'];

export const sectionSchema = z.object({ key: keySchema, title: textSchema, intro: textSchema.optional() }).strict();
export type Section = z.infer<typeof sectionSchema>;

export const questionnaireShape = z
  .object({
    role: roleSchema,
    title: textSchema,
    intro: textSchema.optional(),
    /** Languages the texts are complete in; bokmål always. */
    languages: z.array(z.enum(languages)).optional(),
    sections: z.array(sectionSchema).min(1),
    questions: z.array(questionSchema).min(1),
  })
  .strict();
export type Questionnaire = z.infer<typeof questionnaireShape>;
