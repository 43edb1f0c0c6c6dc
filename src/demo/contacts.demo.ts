/**
 * Fictitious contact persons for the demo: one per unit and role, with Norwegian-sounding names,
 * e-mail addresses at `example.org` (reserved for documentation: no one receives its mail) and
 * made-up mobile numbers.
 */
import { roles } from '../questionnaire/model.ts';
import type { Unit } from '../registry/registry.types.ts';
import { csvLine } from '../shared/csv.ts';
import { createRandom } from './random.ts';

const given = [
  'Kari',
  'Ola',
  'Ingrid',
  'Per',
  'Silje',
  'Lars',
  'Nora',
  'Jonas',
  'Hanne',
  'Erik',
  'Marit',
  'Anders',
  'Sofie',
  'Knut',
  'Ida',
  'Tor',
  'Aisha',
  'Ahmed',
  'Maja',
  'Emil',
];
const family = [
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Andersen',
  'Pedersen',
  'Nilsen',
  'Berg',
  'Haugen',
  'Hagen',
  'Bakke',
  'Moen',
  'Lie',
  'Dahl',
  'Solberg',
  'Strand',
  'Ali',
  'Khan',
  'Nguyen',
  'Lund',
];

/** The reserved domain of every demo address. */
export const demoMailDomain = 'example.org';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    // Sámi and other accented letters (á, č, ŋ …) without their marks.
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A contacts CSV (`kommunenummer,rolle,navn,epost,telefon`) for the units and roles given. */
export function demoContactsCsv(units: readonly Unit[], roundUnits: ReadonlyMap<string, ReadonlySet<string>>, seed: number): string {
  const rng = createRandom(seed, 'contacts');
  const lines = [csvLine(['kommunenummer', 'rolle', 'navn', 'epost', 'telefon'])];
  for (const role of roles) {
    const taking = roundUnits.get(role);
    for (const u of units) {
      if (!taking?.has(u.number)) continue;
      const first = rng.pick(given);
      const last = rng.pick(family);
      const phone = `+47 ${rng.int(400, 999)} ${String(rng.int(0, 99)).padStart(2, '0')} ${String(rng.int(0, 999)).padStart(3, '0')}`;
      lines.push(csvLine([u.number, role, `${first} ${last}`, `${slug(first)}.${slug(last)}.${slug(u.name)}@${demoMailDomain}`, phone]));
    }
  }
  return `${lines.join('\n')}\n`;
}
