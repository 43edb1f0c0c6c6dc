/**
 * Every import refuses every entry of the broken-input corpus (hostile.corpus.ts) the same way on
 * both dialects: an AppError (never a crash, a stack or a driver message), worded in one short
 * line without English in its Norwegian text, and not a byte of the store changed (a digest of
 * every table before and after).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { importResponses } from '../collect/response-import.ts';
import { importContacts } from '../outreach/contact.service.ts';
import { miniContactsCsv, miniRound } from '../outreach/fixtures.ts';
import { importGeometry } from '../registry/geometry.service.ts';
import { importGroupings } from '../registry/grouping.service.ts';
import { importMapping, importRegistry } from '../registry/registry.service.ts';
import { parseReportDefinition } from '../report/definition.ts';
import { miniQuestionnaire, miniRegistryCsv } from '../round/fixtures.ts';
import { saveRoundQuestionnaire } from '../round/round-setup.ts';
import { AppError } from '../shared/errors.ts';
import { readStructured } from '../shared/structured.ts';
import type { Store } from '../store/store.ts';
import { describeStores, digest } from '../store/testing.ts';
import { type Broken, brokenCsvs, brokenGeoJsons, brokenYamls } from './hostile.corpus.ts';

/** Refused cleanly: an AppError, a short one-line message in each language, nothing stored. */
async function refusesCleanly(store: Store, what: string, broken: Broken, run: () => Promise<unknown>): Promise<void> {
  const before = await digest(store);
  const label = `${what}, ${broken.damage}`;
  let error: unknown;
  try {
    await run();
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof AppError, `${label}: refused with an AppError, not ${error === undefined ? 'accepted' : String(error)}`);
  for (const lang of ['nb', 'en'] as const) {
    const text = error.text(lang);
    assert.ok(text.length > 0 && text.length <= 400, `${label}: a short message (${text.length} characters): ${text.slice(0, 200)}`);
    assert.ok(!text.includes('\n    at '), `${label}: no stack in the message`);
  }
  assert.ok(
    !/\b(the|is not|expected|found|invalid)\b/i.test(error.text('nb')),
    `${label}: Norwegian text without English: ${error.text('nb')}`,
  );
  assert.equal(await digest(store), before, `${label}: nothing changed`);
}

const reportDefinition = fs.readFileSync(path.join(import.meta.dirname, '../report/definitions/kommuneundersokelse-2019.yaml'), 'utf8');
const groupingsYaml =
  'groupings:\n  - key: intro_storrelse\n    kind: cuts\n    label: Deltakere i introprogram\n    attribute: deltakere_intro\n    cuts: [1, 20]\n    labels: ["Ingen", "1 - 19", "20 og flere"]\n';
const mappingCsv = [
  'fra;til',
  ...miniRegistryCsv
    .split('\n')
    .slice(1)
    .map((l) => `${l.split(';')[0]};${l.split(';')[0]}`),
].join('\n');
const responsesCsv = [
  'kommunenummer;rolle;samarbeid;samarbeid_med;utfordring;har_oversikt;antall',
  '0301;Skolesjef;1;1;4;1;17',
  '0302;Rektor;Nei;;Vet ikke;2;',
  '0303;Leder;2;;3;2;',
  '0401;Rådgiver;1;2;2;1;3',
].join('\n');

/** Squares for the mini registry's municipalities, as GeoJSON with their numbers and names. */
const geojson = JSON.stringify({
  type: 'FeatureCollection',
  features: miniRegistryCsv
    .split('\n')
    .slice(1)
    .map((l) => l.split(';'))
    .filter(([number]) => (number ?? '').length === 4)
    .map(([number, name], i) => ({
      type: 'Feature',
      properties: { kommunenummer: number, navn: name },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [10 + i, 60],
            [10.5 + i, 60],
            [10.5 + i, 60.5],
            [10 + i, 60.5],
            [10 + i, 60],
          ],
        ],
      },
    })),
});

describeStores('imports refuse broken files and change nothing', (test) => {
  test('registry, mapping, contacts and responses CSV', async (store) => {
    await miniRound(store);
    await importRegistry(store, 2020, miniRegistryCsv, 'registry-2020.csv');
    const contacts = await miniContactsCsv(store, { separator: ';' });
    const at = new Date('2020-01-05T09:00:00Z');
    for (const b of brokenCsvs(miniRegistryCsv)) {
      await refusesCleanly(store, 'registry', b, () => importRegistry(store, 2019, b.bytes, 'registry.csv', { confirm: true }));
    }
    for (const b of brokenCsvs(mappingCsv)) {
      await refusesCleanly(store, 'mapping', b, () => importMapping(store, 2019, 2020, b.bytes, 'kobling.csv'));
    }
    for (const b of brokenCsvs(contacts)) {
      await refusesCleanly(store, 'contacts', b, () => importContacts(store, 2019, b.bytes, 'kontakter.csv', 'test', at));
    }
    for (const b of brokenCsvs(responsesCsv)) {
      await refusesCleanly(store, 'responses', b, () =>
        importResponses(store, { year: 2019, role: 'skolesjef', text: b.bytes, file: 'svar.csv' }, at),
      );
    }
  });

  test('shapes in GeoJSON; questionnaires, groupings and report definitions in YAML', async (store) => {
    await miniRound(store);
    const shapes = (source: string | Buffer) =>
      importGeometry(store, {
        year: 2019,
        level: 'kommune',
        source,
        fileName: 'kommuner.geojson',
        idField: 'kommunenummer',
        nameField: 'navn',
      });
    assert.equal((await shapes(geojson)).matched, 6, 'the valid file is imported');
    for (const b of brokenGeoJsons(geojson)) await refusesCleanly(store, 'shapes', b, () => shapes(b.bytes));
    for (const b of brokenYamls(groupingsYaml)) {
      await refusesCleanly(store, 'groupings', b, () => importGroupings(store, b.bytes, 'grupper.yaml'));
    }
    const questionnaire = YAML.stringify(miniQuestionnaire('skolesjef'));
    for (const b of brokenYamls(questionnaire)) {
      await refusesCleanly(store, 'questionnaire', b, () =>
        saveRoundQuestionnaire(
          store,
          2019,
          'skolesjef',
          readStructured(b.bytes, 'skolesjef.yaml'),
          'test',
          new Date('2019-12-01T10:00:00Z'),
        ),
      );
    }
    for (const b of brokenYamls(reportDefinition)) {
      await refusesCleanly(store, 'report definition', b, async () => parseReportDefinition(b.bytes, 'rapport.yaml'));
    }
  });
});
