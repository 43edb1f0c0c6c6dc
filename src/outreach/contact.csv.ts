/**
 * Reading a contacts CSV, `kommunenummer,rolle,navn,epost,telefon` (telefon may be empty or left
 * out): one named person per unit and role. Every row is checked and each problem is named by
 * line and column; the units are checked against the round they are imported for.
 */
import { type Role, roleSchema, roles } from '../questionnaire/model.ts';
import { normaliseUnitNumber } from '../registry/registry.csv.ts';
import { type CsvTable, location, problemAt } from '../shared/csv.ts';
import { ProblemList } from '../shared/errors.ts';
import { type Message, msg } from '../shared/i18n/message.ts';

export const contactColumns = ['kommunenummer', 'rolle', 'navn', 'epost', 'telefon'] as const;
const required = ['kommunenummer', 'rolle', 'navn', 'epost'] as const;

export interface ContactInput {
  readonly unitNumber: string;
  readonly role: Role;
  readonly name: string;
  readonly email: string;
  readonly phone: string | null;
}

/**
 * A practical e-mail check, not RFC 5322: a local part of the usual characters without leading,
 * trailing or double dots, and a domain of at least two labels with a top-level domain of letters.
 * Letters outside ASCII are allowed in the domain (IDN: nodemailer sends them as punycode).
 */
const emailPattern =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([\p{L}\p{N}]([\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,63}$/u;

export function isEmail(s: string): boolean {
  return s.length <= 254 && emailPattern.test(s);
}

/** Digits with spaces, +, -, parentheses or dots between; 5 to 15 digits. */
export function isPhone(s: string): boolean {
  const digits = s.replace(/\D/g, '').length;
  return /^\+?[\d ().-]+$/.test(s) && digits >= 5 && digits <= 15;
}

export interface ContactContext {
  readonly year: number;
  readonly registryYear: number;
  /** Unit numbers of the round's registry year. */
  readonly units: ReadonlySet<string>;
  /** Unit numbers taking part per role in the round. */
  readonly roundUnits: ReadonlyMap<Role, ReadonlySet<string>>;
}

/** Checks one contact's fields; returns the problems as [column, message] pairs. */
export function contactProblems(c: { name: string; email: string; phone: string }): [string, Message][] {
  const out: [string, Message][] = [];
  if (c.name === '') out.push(['navn', msg('outreach.name_empty')]);
  else if (c.name.length > 200) out.push(['navn', msg('outreach.name_too_long')]);
  if (c.email === '') out.push(['epost', msg('outreach.email_empty')]);
  else if (!isEmail(c.email)) out.push(['epost', msg('outreach.not_email', { email: c.email })]);
  if (c.phone !== '' && !isPhone(c.phone)) out.push(['telefon', msg('outreach.not_phone', { phone: c.phone })]);
  return out;
}

export function parseContactsCsv(table: CsvTable, ctx: ContactContext): ContactInput[] {
  const { file } = table;
  const problems = new ProblemList();
  for (const col of required) {
    if (!table.header.includes(col)) problems.add(problemAt(location(file, 1), msg('csv.required_column_missing', { column: col })));
  }
  for (const h of table.header) {
    if (!(contactColumns as readonly string[]).includes(h)) problems.add(problemAt(location(file, 1, h), msg('csv.unknown_column')));
  }
  problems.throwIfAny();

  const out: ContactInput[] = [];
  const lineOf = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (c: string) => row.cells.get(c) ?? '';
    const at = (c: string, what: Message) => problems.add(problemAt(location(file, row.line, c), what));
    const rawNumber = cell('kommunenummer');
    const number = normaliseUnitNumber(rawNumber);
    const role = roleSchema.safeParse(cell('rolle'));
    if (number === undefined) {
      at('kommunenummer', msg('outreach.not_unit_number', { raw: rawNumber }));
    } else if (!ctx.units.has(number)) {
      at('kommunenummer', msg('outreach.not_in_registry', { number, year: ctx.registryYear }));
    }
    if (!role.success) at('rolle', msg('outreach.not_a_role', { raw: cell('rolle'), roles: roles.join(', ') }));
    if (number !== undefined && role.success && ctx.units.has(number)) {
      if (!ctx.roundUnits.get(role.data)?.has(number)) {
        at('rolle', msg('outreach.not_in_round', { number, role: role.data, year: ctx.year }));
      }
      const key = `${role.data}:${number}`;
      const seen = lineOf.get(key);
      if (seen !== undefined) at('kommunenummer', msg('outreach.duplicate', { number, role: role.data, line: seen }));
      else lineOf.set(key, row.line);
    }
    const fields = { name: cell('navn'), email: cell('epost'), phone: cell('telefon') };
    for (const [column, problem] of contactProblems(fields)) at(column, problem);
    if (number === undefined || !role.success) continue;
    out.push({
      unitNumber: number,
      role: role.data,
      name: fields.name,
      email: fields.email,
      phone: fields.phone === '' ? null : fields.phone,
    });
  }
  if (table.rows.length === 0) problems.add(problemAt(file, msg('outreach.no_contacts')));
  problems.throwIfAny();
  return out;
}
