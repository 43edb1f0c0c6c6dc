import assert from 'node:assert/strict';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { AppError } from '../shared/errors.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { getAnswers, listResponses } from './response.service.ts';
import { importResponses } from './response-import.ts';

const template = writeMiniTemplate();
const header =
  'kommunenummer;rolle;samarbeid;samarbeid_med;samarbeid_med.tekst;utfordring;kjennskap.nettsted;kjennskap.statistikk;har_oversikt;antall;intro_maal';

async function setUp(store: Store): Promise<void> {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
}

const load = (store: Store, lines: string[], role = 'skolesjef') =>
  importResponses(store, { year: 2019, role, text: [header, ...lines].join('\r\n'), file: 'svar.csv' }, new Date('2020-02-01T12:00:00Z'));

async function snapshot(store: Store) {
  return {
    responses: await store.db.selectFrom('response').selectAll().orderBy('id').execute(),
    answers: await store.db
      .selectFrom('answer')
      .selectAll()
      .orderBy('response_id')
      .orderBy('question_key')
      .orderBy('item_key')
      .orderBy('code')
      .execute(),
  };
}

describeStores('response import', (test) => {
  test('imports codes, labels, multiple choice, matrix items, "annet" text and integers as submitted', async (store) => {
    await setUp(store);
    const r = await load(store, [
      '0301;Skolesjef;1;"1;Annet (spesifiser)";Frivillige lag;4;Ja;2;1;17;Ja',
      '0302;Rektor;Nei;;;Vet ikke;;;2;;',
      '0303;;;;;;;;;;',
    ]);
    assert.deepEqual(r, { year: 2019, role: 'skolesjef', responses: 3, answers: 14, replaced: 0 });
    const list = await listResponses(store, 2019, 'skolesjef');
    assert.deepEqual(
      list.map((x) => [x.unitNumber, x.status, x.source]),
      [
        ['0301', 'submitted', 'import'],
        ['0302', 'submitted', 'import'],
        ['0303', 'submitted', 'import'],
      ],
    );
    const a = await getAnswers(store, 2019, 'skolesjef', '0301');
    assert.deepEqual(a.get('samarbeid_med'), { kind: 'codes', codes: [1, 3], text: 'Frivillige lag' });
    assert.deepEqual(a.get('kjennskap'), { kind: 'items', items: { nettsted: 1, statistikk: 2 } });
    assert.deepEqual(a.get('antall'), { kind: 'number', value: 17 });
    assert.deepEqual(a.get('rolle'), { kind: 'text', value: 'Skolesjef' });
    assert.deepEqual((await getAnswers(store, 2019, 'skolesjef', '0302')).get('utfordring'), { kind: 'codes', codes: [9] });
  });

  test('rejects an unknown column by name', async (store) => {
    await setUp(store);
    await assert.rejects(
      importResponses(store, { year: 2019, role: 'skolesjef', text: 'kommunenummer,samarbeid,tilfredshet\n0301,1,3\n', file: 'svar.csv' }),
      { message: 'svar.csv line 1, column tilfredshet: unknown column (not a question of the questionnaire)' },
    );
  });

  test('rejects an unknown option with its line and column', async (store) => {
    await setUp(store);
    await assert.rejects(load(store, ['0301;;1;;;;;;;;', '0303;;Kanskje;;;;;;;;']), {
      message: 'svar.csv line 3, column samarbeid: "Kanskje" is not an option of samarbeid',
    });
  });

  test('rejects an integer out of range', async (store) => {
    await setUp(store);
    await assert.rejects(load(store, ['0301;;;;;;;;1;501;']), { message: 'svar.csv line 2, column antall: 501 is above the maximum 500' });
  });

  test('rejects an answer to a question the unit was not eligible for', async (store) => {
    await setUp(store);
    await assert.rejects(load(store, ['0302;;;;;;;;;;1']), {
      message:
        'svar.csv line 2, column intro_maal: 0302 is not asked intro_maal (only units with deltakere_intro > 0 in the 2019 registry)',
    });
  });

  test('rejects an answer to a follow-up whose question did not qualify', async (store) => {
    await setUp(store);
    await assert.rejects(load(store, ['0301;;2;1;;;;;;;']), {
      message: 'svar.csv line 2, column samarbeid_med: samarbeid_med is a follow-up asked only when samarbeid is 1',
    });
  });

  test('rejects an exclusive option combined with others', async (store) => {
    await setUp(store);
    await assert.rejects(
      load(store, ['0301;;1;"1;4";;;;;;;']),
      /line 2, column samarbeid_med: "Ingen av disse" cannot be combined with other options/,
    );
  });

  test('rejects a unit that does not take part in the role, and a unit given twice', async (store) => {
    await setUp(store);
    await assert.rejects(
      load(store, ['030101;;1;;;;;;;;']),
      /line 2, column kommunenummer: 030101 does not take part as skolesjef in the 2019 round/,
    );
    await assert.rejects(
      load(store, ['0301;;1;;;;;;;;', '0301;;2;;;;;;;;']),
      /line 3, column kommunenummer: 0301 already appears on line 2/,
    );
  });

  test('words every problem of an import in Norwegian for the web, with the English kept for the CLI', async (store) => {
    await setUp(store);
    const e = await load(store, ['0302;;Kanskje;;;;;;;;1', '0301;;2;1;;;;;;501;', '0301;;1;;;;;;;;']).catch((x: unknown) => x);
    assert.ok(e instanceof AppError);
    assert.deepEqual(e.texts('nb'), [
      'svar.csv linje 2, kolonne samarbeid: «Kanskje» er ikke et svaralternativ i samarbeid',
      'svar.csv linje 2, kolonne intro_maal: 0302 får ikke spørsmålet intro_maal (bare enheter med deltakere_intro > 0 i registeret for 2019)',
      'svar.csv linje 3, kolonne samarbeid_med: samarbeid_med er et oppfølgingsspørsmål som bare stilles når samarbeid er 1',
      'svar.csv linje 3, kolonne antall: 501 er større enn høyeste tillatte verdi (500)',
      'svar.csv linje 4, kolonne kommunenummer: 0301 står allerede på linje 3',
    ]);
    assert.equal(
      e.texts('nn')[2],
      'svar.csv linje 3, kolonne samarbeid_med: samarbeid_med er eit oppfølgingsspørsmål som berre blir stilt når samarbeid er 1',
    );
    assert.match(e.message, /^svar\.csv line 2, column samarbeid: "Kanskje" is not an option of samarbeid \(and 4 more problems\)$/);
    assert.doesNotMatch(e.texts('nb').join('\n'), /\b(line|column|is not|only when|already appears)\b/);
  });

  test('a bad row leaves the stored responses exactly as before', async (store) => {
    await setUp(store);
    await load(store, ['0301;A;1;2;;3;Ja;Ja;1;4;1', '0302;B;2;;;9;;;;;']);
    const before = await snapshot(store);
    await assert.rejects(load(store, ['0301;C;2;;;1;;;;;', '0303;D;1;7;;;;;;;']), /line 3, column samarbeid_med: "7" is not an option/);
    assert.deepEqual(await snapshot(store), before);
  });

  test('importing a unit again replaces its earlier response', async (store) => {
    await setUp(store);
    await load(store, ['0301;A;1;2;;3;Ja;Ja;1;4;1']);
    const r = await load(store, ['0301;B;2;;;5;;;;;']);
    assert.equal(r.replaced, 1);
    const a = await getAnswers(store, 2019, 'skolesjef', '0301');
    assert.deepEqual([...a.keys()].sort(), ['rolle', 'samarbeid', 'utfordring']);
  });
});
