/**
 * Test fixtures: the mini round (window 3–29 January 2020, reminders on days 7, 14 and 21) with
 * a contact for every unit and role, and instants inside and around its window.
 */
import { roles } from '../questionnaire/model.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound, roundUnits, setRoundReminders } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { importContacts } from './contact.service.ts';

export const baseUrl = 'https://svar.example.no';

/** Instants of the mini round (Oslo is UTC+1 in January). */
export const at = {
  beforeOpening: new Date('2020-01-02T22:59:59Z'),
  opening: new Date('2020-01-02T23:00:00Z'),
  day3: new Date('2020-01-05T09:00:00Z'),
  /** 00:00 Oslo time on 10 January: reminder day 7 is due. */
  day7: new Date('2020-01-09T23:00:00Z'),
  day8: new Date('2020-01-11T09:00:00Z'),
  day15: new Date('2020-01-18T09:00:00Z'),
  closed: new Date('2020-01-29T23:00:00Z'),
};

let template: string | undefined;

/** Registry, round (22 unit-roles: 8 + 8 + 6) and reminder days 7, 14, 21. */
export async function miniRound(store: Store): Promise<void> {
  template ??= writeMiniTemplate();
  await importRegistry(store, 2019, miniRegistryCsv, 'registry.csv');
  await createRound(store, { year: 2019, template });
  await setRoundReminders(store, 2019, [7, 14, 21]);
}

/** `kommunenummer,rolle,navn,epost,telefon` for every unit and role of the mini round. */
export async function miniContactsCsv(store: Store, options: { separator?: ',' | ';' } = {}): Promise<string> {
  const sep = options.separator ?? ',';
  const lines = [['kommunenummer', 'rolle', 'navn', 'epost', 'telefon'].join(sep)];
  for (const role of roles) {
    for (const unit of await roundUnits(store, 2019, role)) {
      lines.push([unit, role, `Kontakt ${role} ${unit}`, `${role}.${unit}@kommune.example.no`, '22 00 00 00'].join(sep));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The mini round with every unit-role's contact imported. */
export async function miniRoundWithContacts(store: Store): Promise<void> {
  await miniRound(store);
  await importContacts(store, 2019, await miniContactsCsv(store), 'kontakter.csv', 'test', at.opening);
}
