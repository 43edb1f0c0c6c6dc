import assert from 'node:assert/strict';
import { importRegistry } from '../registry/registry.service.ts';
import { AppError } from '../shared/errors.ts';
import { describeStores } from '../store/testing.ts';
import { miniRegistryCsv, writeMiniTemplate } from './fixtures.ts';
import { createRound, getRound, isOpen, listRounds, roundQuestionnaire, roundUnits, setRoundReminders } from './round.service.ts';

const template = writeMiniTemplate();

describeStores('rounds', (test) => {
  test('creates a round with its questionnaires, window and units per role', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    const { round, units } = await createRound(store, { year: 2019, template });
    assert.deepEqual(units, { kommunedirektor: 8, integreringsansvarlig: 8, skolesjef: 6 });
    assert.deepEqual(round.window, { opens: '2020-01-03', closes: '2020-01-29' });
    // 00:00 on 3 January and 24:00 on 29 January, Oslo time (UTC+1 in winter)
    assert.equal(round.opensAt.toISOString(), '2020-01-02T23:00:00.000Z');
    assert.equal(round.closesAt.toISOString(), '2020-01-29T23:00:00.000Z');
    assert.equal(isOpen(round, new Date('2020-01-29T22:59:59Z')), true);
    assert.equal(isOpen(round, new Date('2020-01-29T23:00:00Z')), false);
    assert.equal(isOpen(round, new Date('2020-01-02T22:59:59Z')), false);
    assert.deepEqual(await roundUnits(store, 2019, 'skolesjef'), ['0301', '0302', '0303', '0401', '0402', '0403']);
    assert.ok((await roundUnits(store, 2019, 'kommunedirektor')).includes('030101'));
    const q = await roundQuestionnaire(store, 2019, 'skolesjef');
    assert.equal(q.questions[0]?.key, 'rolle');
  });

  test('keeps the template’s reminder days, and lets them be changed', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    const { round } = await createRound(store, { year: 2019, template });
    assert.deepEqual(round.reminders, [7]);
    assert.deepEqual((await setRoundReminders(store, 2019, [21, 7, 14, 7])).reminders, [7, 14, 21]);
    assert.deepEqual((await getRound(store, 2019)).reminders, [7, 14, 21]);
    await assert.rejects(setRoundReminders(store, 2019, [0]), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.match(e.message, /"0" is not a reminder day/);
      assert.equal(e.text('nb'), '«0» er ikke en purredag (et helt antall dager etter åpning, 1–366)');
      return true;
    });
  });

  test('shifts the template window to the round year and takes a given registry year', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    const { round } = await createRound(store, { year: 2020, template, registryYear: 2019 });
    assert.deepEqual(round.window, { opens: '2021-01-03', closes: '2021-01-29' });
    assert.equal(round.registryYear, 2019);
    assert.deepEqual(
      (await listRounds(store)).map((r) => r.year),
      [2020],
    );
  });

  test('refuses a second round for the same year and leaves the first as it was', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template, opens: '2020-01-06', closes: '2020-02-01' });
    await assert.rejects(createRound(store, { year: 2019, template }), /a round for 2019 exists already/);
    assert.deepEqual((await getRound(store, 2019)).window, { opens: '2020-01-06', closes: '2020-02-01' });
  });

  test('refuses a round on a registry year that was never imported', async (store) => {
    await assert.rejects(createRound(store, { year: 2019, template }), /no registry for 2019/);
  });

  test('refuses a window that closes before it opens', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await assert.rejects(
      createRound(store, { year: 2019, template, opens: '2020-02-01', closes: '2020-01-01' }),
      /closes \(2020-01-01\) before it opens/,
    );
  });
});
