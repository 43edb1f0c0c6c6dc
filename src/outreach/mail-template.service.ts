/**
 * A round's mail templates: read (the round's own text, or the built-in default), save (checked:
 * unknown merge fields are refused), reset to the default, and preview with a unit's values.
 */
import type { Role } from '../questionnaire/model.ts';
import { getUnit } from '../registry/registry.service.ts';
import { getRound, type Round, roundQuestionnaires } from '../round/round.service.ts';
import { notFound } from '../shared/errors.ts';
import { msg } from '../shared/i18n/message.ts';
import { formatOsloDate } from '../shared/time.ts';
import type { Store } from '../store/store.ts';
import * as contacts from './contact.repository.ts';
import * as repo from './mail-template.repository.ts';
import {
  checkMailText,
  defaultMailText,
  type MailKind,
  type MailText,
  type MergeValues,
  mailKinds,
  renderMail,
  roleLabel,
} from './mail-template.ts';

export interface MailTemplate extends MailText {
  readonly year: number;
  readonly role: Role;
  readonly kind: MailKind;
  /** True when the round has no text of its own and the built-in one applies. */
  readonly isDefault: boolean;
  readonly updatedAt: Date | null;
}

function toTemplate(year: number, role: Role, kind: MailKind, row: repo.MailTemplateRow | undefined): MailTemplate {
  const text = row ?? defaultMailText(kind);
  return { year, role, kind, subject: text.subject, body: text.body, isDefault: !row, updatedAt: row ? new Date(row.updated_at) : null };
}

/** The last day to answer, as a letter writes it: "29. januar 2020". */
export function deadlineText(round: Round): string {
  return formatOsloDate(new Date(round.closesAt.getTime() - 1));
}

export async function getMailTemplate(store: Store, year: number, role: Role, kind: MailKind): Promise<MailTemplate> {
  await getRound(store, year);
  return toTemplate(year, role, kind, await repo.findTemplate(store.db, year, role, kind));
}

/** Every role's invitation and reminder of a round. */
export async function listMailTemplates(store: Store, year: number): Promise<MailTemplate[]> {
  await getRound(store, year);
  const rows = await repo.listTemplates(store.db, year);
  const out: MailTemplate[] = [];
  for (const role of (await roundQuestionnaires(store, year)).keys()) {
    for (const kind of mailKinds)
      out.push(
        toTemplate(
          year,
          role,
          kind,
          rows.find((r) => r.role === role && r.kind === kind),
        ),
      );
  }
  return out;
}

/** Saves a round's own text for a role and kind; refuses unknown merge fields and a body without {lenke}. */
export async function saveMailTemplate(
  store: Store,
  year: number,
  role: Role,
  kind: MailKind,
  text: MailText,
  now = new Date(),
): Promise<MailTemplate> {
  const checked = checkMailText(text);
  if (!(await roundQuestionnaires(store, year)).has(role)) throw notFound(msg('outreach.no_questionnaire', { year, role }));
  await repo.saveTemplate(store.db, { round_year: year, role, kind, ...checked, updated_at: now.toISOString() });
  return getMailTemplate(store, year, role, kind);
}

/** Goes back to the built-in text. */
export async function resetMailTemplate(store: Store, year: number, role: Role, kind: MailKind): Promise<MailTemplate> {
  await repo.deleteTemplate(store.db, year, role, kind);
  return getMailTemplate(store, year, role, kind);
}

export interface PreviewOptions {
  /** Base of the links, as in the configuration. */
  readonly baseUrl: string;
  /** A unit whose name and current contact fill the fields; sample values otherwise. */
  readonly unitNumber?: string;
  /** An unsaved text to preview (checked like a save); the stored one otherwise. */
  readonly text?: MailText;
}

/** A template filled in as a letter would be, with a placeholder instead of a real link. */
export async function previewMail(store: Store, year: number, role: Role, kind: MailKind, options: PreviewOptions): Promise<MailText> {
  const round = await getRound(store, year);
  const text = options.text ? checkMailText(options.text) : await getMailTemplate(store, year, role, kind);
  let values: MergeValues = {
    navn: 'Kari Nordmann',
    kommune: 'Eksempel kommune',
    lenke: `${options.baseUrl}/s/(personlig-lenke)`,
    frist: deadlineText(round),
    rolle: roleLabel(role),
  };
  if (options.unitNumber !== undefined) {
    const unit = await getUnit(store, round.registryYear, options.unitNumber);
    const [contact] = await contacts.currentContacts(store.db, { role, unitNumber: unit.number });
    values = { ...values, kommune: unit.name, rolle: roleLabel(role, unit.kind), navn: contact?.name ?? values.navn };
  }
  return renderMail(text, values);
}
