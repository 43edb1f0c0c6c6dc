/**
 * Mail templates: the subject and body of invitations and reminders, per round, role and kind,
 * with merge fields in braces. The defaults are polite bokmål texts; a round may save its own.
 * Pure functions only; storage is in mail-template.service.ts.
 */
import type { Role } from '../questionnaire/model.ts';
import { invalid } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';

export const mailKinds = ['invitation', 'reminder'] as const;
export type MailKind = (typeof mailKinds)[number];

/** The merge fields a template may use, and what each becomes. */
export const mergeFields = {
  navn: 'the contact person’s name',
  kommune: 'the unit’s name (municipality or city district)',
  lenke: 'the personal link to the questionnaire',
  frist: 'the last day of the window, e.g. "29. januar 2020"',
  rolle: 'the role, e.g. "kommunedirektør"',
} as const;
export type MergeField = keyof typeof mergeFields;
export type MergeValues = Readonly<Record<MergeField, string>>;

export interface MailText {
  readonly subject: string;
  readonly body: string;
}

/** How the roles are named in a letter; a city district's director is a bydelsdirektør. */
export function roleLabel(role: Role, unitKind: 'kommune' | 'bydel' = 'kommune'): string {
  if (role === 'kommunedirektor') return unitKind === 'bydel' ? 'bydelsdirektør' : 'kommunedirektør';
  return role;
}

const invitation: MailText = {
  subject: 'Invitasjon til kommuneundersøkelsen – {kommune}',
  body: `Hei, {navn}

{kommune} inviteres til å delta i årets kommuneundersøkelse. Vi ber deg som {rolle} om å svare på spørreskjemaet innen {frist}.

Du svarer ved å åpne denne personlige lenken:
{lenke}

Lenken gjelder bare for {kommune}, så vi ber deg om ikke å dele den med andre enn den som eventuelt skal svare på vegne av kommunen. Svarene lagres underveis, og du kan når som helst ta en pause og fortsette der du slapp ved å åpne lenken på nytt.

Undersøkelsen gir et viktig kunnskapsgrunnlag om arbeidet i kommunene, og vi setter stor pris på at du tar deg tid til å svare.

Med vennlig hilsen
Kommunepuls`,
};

const reminder: MailText = {
  subject: 'Påminnelse: kommuneundersøkelsen – {kommune}',
  body: `Hei, {navn}

Vi har ennå ikke mottatt svar fra {kommune} på årets kommuneundersøkelse, og minner derfor om spørreskjemaet til deg som {rolle}. Fristen er {frist}.

Du svarer ved å åpne denne personlige lenken:
{lenke}

Har du allerede begynt, fortsetter du der du slapp. Har du sendt inn svaret i løpet av de siste dagene, kan du se bort fra denne påminnelsen.

Takk for hjelpen!

Med vennlig hilsen
Kommunepuls`,
};

/** The built-in text of a kind; the same for every role (the role comes in through {rolle}). */
export function defaultMailText(kind: MailKind): MailText {
  return kind === 'invitation' ? invitation : reminder;
}

const field = /\{([^{}]*)\}/g;

/** The merge fields a text uses, in order of first use. */
export function fieldsIn(text: string): string[] {
  return [...new Set([...text.matchAll(field)].map((m) => m[1] ?? ''))];
}

const known = Object.keys(mergeFields).map((f) => `{${f}}`);

/**
 * Checks a template before it is saved: no unknown merge field, a one-line subject, and the
 * personal link in the body (a letter without it cannot be answered).
 */
export function checkMailText(text: MailText): MailText {
  const subject = text.subject.trim();
  const body = text.body.replace(/\r\n?/g, '\n').trim();
  if (subject === '') throw invalid(msg('outreach.subject_empty'));
  if (/[\r\n]/.test(subject)) throw invalid(msg('outreach.subject_lines'));
  if (subject.length > 250) throw invalid(msg('outreach.subject_too_long'));
  if (body === '') throw invalid(msg('outreach.body_empty'));
  if (body.length > 20_000) throw invalid(msg('outreach.body_too_long'));
  for (const [part, value] of [
    ['subject', subject],
    ['body', body],
  ] as const) {
    for (const f of fieldsIn(value)) {
      if (!(f in mergeFields)) throw invalid(msg('outreach.unknown_field', { part, field: f, known: known.join(', ') }));
    }
  }
  if (!fieldsIn(body).includes('lenke')) throw invalid(msg('outreach.body_needs_link'));
  return { subject, body };
}

/** Fills in the merge fields. */
export function renderMail(text: MailText, values: MergeValues): MailText {
  const fill = (s: string) => s.replace(field, (whole, name: string) => (name in mergeFields ? values[name as MergeField] : whole));
  return { subject: fill(text.subject), body: fill(text.body) };
}
