/**
 * Reading a stored questionnaire change log. Entries are saved as `QuestionnaireChange`s with a
 * catalogue message; logs written before the message catalogue hold the English description
 * instead (`option 9 added`), which is read back into the same message here so old and new
 * entries are worded alike in every language.
 */
import { isMessage, type Message, msg } from '../shared/i18n/message.ts';
import type { QuestionnaireChange } from './diff.ts';

const fixed: Readonly<Record<string, Message>> = {
  'now required': msg('questionnaire.change_required'),
  'no longer required': msg('questionnaire.change_not_required'),
  'follow-up condition changed': msg('questionnaire.change_show_if'),
  'eligibility changed': msg('questionnaire.change_eligible_if'),
  'question text changed': msg('questionnaire.change_text'),
  'help text changed': msg('questionnaire.change_help'),
  'short label changed': msg('questionnaire.change_short_label'),
  'options reordered': msg('questionnaire.change_options_order'),
  'limits changed': msg('questionnaire.change_limits'),
  'title changed': msg('questionnaire.change_title'),
  'introduction changed': msg('questionnaire.change_intro'),
  'sections reordered': msg('questionnaire.change_sections_order'),
  'questions reordered': msg('questionnaire.change_questions_order'),
};

const patterns: readonly [RegExp, (m: RegExpMatchArray) => Message][] = [
  [/^type (\w+) → (\w+)$/, (m) => msg('questionnaire.change_type', { from: m[1] as string, to: m[2] as string })],
  [/^moved to section (.+)$/, (m) => msg('questionnaire.change_section', m[1] === '(first)' ? {} : { section: m[1] as string })],
  [/^option (-?\d+) removed$/, (m) => msg('questionnaire.change_option_removed', { code: Number(m[1]) })],
  [/^option (-?\d+) added$/, (m) => msg('questionnaire.change_option_added', { code: Number(m[1]) })],
  [/^label of option (-?\d+) changed$/, (m) => msg('questionnaire.change_option_label', { code: Number(m[1]) })],
  [/^option (-?\d+) behaves differently$/, (m) => msg('questionnaire.change_option_behaviour', { code: Number(m[1]) })],
  [/^item (\w+) removed$/, (m) => msg('questionnaire.change_item_removed', { key: m[1] as string })],
  [/^item (\w+) added$/, (m) => msg('questionnaire.change_item_added', { key: m[1] as string })],
  [/^label of item (\w+) changed$/, (m) => msg('questionnaire.change_item_label', { key: m[1] as string })],
  [/^section (\w+) removed$/, (m) => msg('questionnaire.change_section_removed', { key: m[1] as string })],
  [/^section (\w+) added$/, (m) => msg('questionnaire.change_section_added', { key: m[1] as string })],
  [/^section (\w+) texts changed$/, (m) => msg('questionnaire.change_section_texts', { key: m[1] as string })],
  [/^question (\w+) removed$/, (m) => msg('questionnaire.change_question_removed', { key: m[1] as string })],
  [/^question (\w+) added$/, (m) => msg('questionnaire.change_question_added', { key: m[1] as string })],
];

/** The message for an English description from an old log (kept as it was if it is not one diff.ts wrote). */
export function legacyChangeMessage(what: string): Message {
  const known = fixed[what];
  if (known) return known;
  for (const [re, toMessage] of patterns) {
    const m = what.match(re);
    if (m) return toMessage(m);
  }
  return msg('questionnaire.change_unrecognised', { text: what });
}

/** The changes of one stored log entry (the JSON of a list of changes, old or new). */
export function readChanges(json: string): QuestionnaireChange[] {
  const stored = JSON.parse(json) as { kind: QuestionnaireChange['kind']; path: string; what: unknown }[];
  return stored.map((c) => ({
    kind: c.kind,
    path: c.path,
    what:
      typeof c.what === 'string'
        ? legacyChangeMessage(c.what)
        : isMessage(c.what)
          ? c.what
          : msg('questionnaire.change_unrecognised', { text: JSON.stringify(c.what) }),
  }));
}
