/**
 * Reading a contacts CSV, `kommunenummer,rolle,navn,epost,telefon` (telefon may be empty or left
 * out): one named person per unit and role. Every row is checked and each problem is named by
 * line and column; the units are checked against the round they are imported for.
 */
import { type Role, roleSchema, roles } from '../questionnaire/model.ts';
import { normaliseUnitNumber } from '../registry/registry.csv.ts';
import { type CsvTable, location } from '../shared/csv.ts';
import { ProblemList } from '../shared/errors.ts';

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
export function contactProblems(c: { name: string; email: string; phone: string }): [string, string][] {
  const out: [string, string][] = [];
  if (c.name === '') out.push(['navn', 'the name is empty']);
  else if (c.name.length > 200) out.push(['navn', 'the name is longer than 200 characters']);
  if (c.email === '') out.push(['epost', 'the e-mail address is empty']);
  else if (!isEmail(c.email)) out.push(['epost', `"${c.email}" is not an e-mail address`]);
  if (c.phone !== '' && !isPhone(c.phone)) out.push(['telefon', `"${c.phone}" is not a phone number`]);
  return out;
}

export function parseContactsCsv(table: CsvTable, ctx: ContactContext): ContactInput[] {
  const { file } = table;
  const problems = new ProblemList();
  for (const col of required) {
    if (!table.header.includes(col)) problems.add(`${location(file, 1)}: required column "${col}" is missing`);
  }
  for (const h of table.header) {
    if (!(contactColumns as readonly string[]).includes(h)) problems.add(`${location(file, 1)}, column ${h}: unknown column`);
  }
  problems.throwIfAny();

  const out: ContactInput[] = [];
  const lineOf = new Map<string, number>();
  for (const row of table.rows) {
    const cell = (c: string) => row.cells.get(c) ?? '';
    const at = (c: string) => location(file, row.line, c);
    const rawNumber = cell('kommunenummer');
    const number = normaliseUnitNumber(rawNumber);
    const role = roleSchema.safeParse(cell('rolle'));
    if (number === undefined) {
      problems.add(`${at('kommunenummer')}: "${rawNumber}" is not a municipality number (4 digits) or district number (6 digits)`);
    } else if (!ctx.units.has(number)) {
      problems.add(`${at('kommunenummer')}: ${number} is not in the ${ctx.registryYear} registry`);
    }
    if (!role.success) problems.add(`${at('rolle')}: "${cell('rolle')}" is not a role (${roles.join(', ')})`);
    if (number !== undefined && role.success && ctx.units.has(number)) {
      if (!ctx.roundUnits.get(role.data)?.has(number)) {
        problems.add(`${at('rolle')}: ${number} does not take part as ${role.data} in the ${ctx.year} round`);
      }
      const key = `${role.data}:${number}`;
      const seen = lineOf.get(key);
      if (seen !== undefined) problems.add(`${at('kommunenummer')}: ${number} as ${role.data} already appears on line ${seen}`);
      else lineOf.set(key, row.line);
    }
    const fields = { name: cell('navn'), email: cell('epost'), phone: cell('telefon') };
    for (const [column, message] of contactProblems(fields)) problems.add(`${at(column)}: ${message}`);
    if (number === undefined || !role.success) continue;
    out.push({
      unitNumber: number,
      role: role.data,
      name: fields.name,
      email: fields.email,
      phone: fields.phone === '' ? null : fields.phone,
    });
  }
  if (table.rows.length === 0) problems.add(`${file}: the file has a header but no contacts`);
  problems.throwIfAny();
  return out;
}
