/**
 * Test fixture for "compare yourself": the mini template's round on a registry with six
 * municipalities in one size class (5 000 - 9 999), three in another (2 000 - 4 999), a few
 * others, and three of the capital's districts; submitted kommunedirektor responses from most.
 */
import { type ResponseInput, saveResponses } from '../collect/response.service.ts';
import type { Answer } from '../questionnaire/answer.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';

let template: string | undefined;

export const compareRegistryCsv = [
  'kommunenummer;navn;fylkesnummer;fylkesnavn;folketall;deltakere_intro',
  '0301;Hovedstad;03;Sentrum;690000;500',
  '1101;Mellomvik;11;Vestland;6000;10',
  '1102;Mellomdal;11;Vestland;6500;0',
  '1103;Mellomøy;11;Vestland;7000;5',
  '1104;Mellomås;11;Vestland;8000;5',
  '1105;Mellomnes;11;Vestland;9000;5',
  '1106;Mellomstad;11;Vestland;9500;5',
  '1201;Småvik;12;Nordland;1500;0',
  '1202;Småøy;12;Nordland;1600;0',
  '1301;Grendvik;13;Innlandet;3000;2',
  '1302;Grenddal;13;Innlandet;3500;2',
  '1303;Grendøy;13;Innlandet;4000;2',
  '030101;Bydel Nord;03;Sentrum;50000;80',
  '030102;Bydel Sør;03;Sentrum;60000;90',
  '030103;Bydel Vest;03;Sentrum;55000;70',
].join('\n');

export const codes = (...c: number[]): Answer => ({ kind: 'codes', codes: c });
export const text = (value: string): Answer => ({ kind: 'text', value });
export const num = (value: number): Answer => ({ kind: 'number', value });
export const items = (i: Record<string, number>): Answer => ({ kind: 'items', items: i });

export const response = (
  unitNumber: string,
  answers: Record<string, Answer>,
  status: 'submitted' | 'in_progress' = 'submitted',
): ResponseInput => ({
  unitNumber,
  status,
  answers: new Map(Object.entries(answers)),
  startedAt: new Date('2020-01-05T08:00:00Z'),
  submittedAt: status === 'submitted' ? new Date('2020-01-06T08:00:00Z') : null,
});

/** Free text of 1102 that no other unit may ever see. */
export const secretRole = 'Hemmelig rolle fra Mellomdal';
export const secretOther = 'Hemmelig annet-tekst fra Mellomdal';

/** The kommunedirektor responses of the fixture (1101 is the unit the tests look at). */
export function compareResponses(own: Partial<Record<string, Answer>> = {}): ResponseInput[] {
  const mid = (n: string, samarbeid: number, utfordring: number, antall: number, extra: Record<string, Answer> = {}) =>
    response(n, {
      rolle: text(`Rådmann i ${n}`),
      samarbeid: codes(samarbeid),
      ...(samarbeid === 1 ? { samarbeid_med: codes(1, 2) } : {}),
      utfordring: codes(utfordring),
      kjennskap: items({ nettsted: 1, statistikk: samarbeid === 1 ? 1 : 2 }),
      har_oversikt: codes(1),
      antall: num(antall),
      intro_maal: codes(1),
      ...extra,
    });
  const a: Record<string, Answer> = {
    rolle: text('Vår egen rolle'),
    samarbeid: codes(1),
    samarbeid_med: { kind: 'codes', codes: [1, 3], text: 'Vår egen annet-tekst' },
    utfordring: codes(4),
    kjennskap: items({ nettsted: 1, statistikk: 2 }),
    har_oversikt: codes(1),
    antall: num(12),
    intro_maal: codes(2),
  };
  for (const [k, v] of Object.entries(own)) {
    if (v === undefined) delete a[k];
    else a[k] = v;
  }
  return [
    response('1101', a),
    mid('1102', 1, 5, 40, {
      rolle: text(secretRole),
      samarbeid_med: { kind: 'codes', codes: [3], text: secretOther },
    }),
    mid('1103', 1, 3, 20),
    mid('1104', 2, 2, 30),
    mid('1105', 9, 9, 50),
    mid('1106', 1, 4, 60),
    mid('1201', 2, 1, 5),
    mid('1202', 1, 1, 7, {}),
    mid('1301', 1, 5, 1),
    mid('1302', 2, 5, 2),
    mid('1303', 1, 4, 3),
    mid('0301', 1, 3, 400),
    mid('030101', 1, 2, 80),
    mid('030102', 2, 3, 90),
    mid('030103', 1, 4, 70),
  ].map((r) => (r.unitNumber === '1202' ? { ...r, status: 'in_progress', submittedAt: null } : r));
}

/** Registry, round (window 3–29 January 2020) and the responses; `name1101` renames 1101. */
export async function setUpCompare(store: Store, options: { name1101?: string; own?: Partial<Record<string, Answer>> } = {}) {
  template ??= writeMiniTemplate();
  const csv = options.name1101
    ? compareRegistryCsv.replace('1101;Mellomvik', `1101;"${options.name1101.replace(/"/g, '""')}"`)
    : compareRegistryCsv;
  await importRegistry(store, 2019, csv, 'r.csv');
  await createRound(store, { year: 2019, template });
  await saveResponses(store, 2019, 'kommunedirektor', compareResponses(options.own));
}
