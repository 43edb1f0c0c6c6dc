import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AppError } from '../shared/errors.ts';
import { describeStores } from '../store/testing.ts';
import { builtinGroupings } from './grouping.builtin.ts';
import { getGrouping, importGroupings, listGroupings } from './grouping.service.ts';
import { categories, classify, type Grouping } from './grouping.ts';

const g = (key: string) => builtinGroupings.find((x) => x.key === key) as Grouping;
const unit = (attributes: Record<string, number>) => ({ attributes, countyNumber: '46', countyName: 'Vestland' });
const label = (key: string, attributes: Record<string, number>) => classify(g(key), unit(attributes))?.label ?? null;

describe('built-in groupings', () => {
  it('has exactly the keys and labels of the 2019 report', () => {
    assert.deepEqual(
      builtinGroupings.map((x) => x.key),
      ['storrelse', 'storrelse3', 'sentralitet', 'innvandrerandel', 'ar_med_bosetting', 'bosatt_alle_fem', 'fylke'],
    );
    assert.deepEqual(
      categories(g('storrelse')).map((c) => c.label),
      ['Under 2 000', '2 000 - 4 999', '5 000 - 9 999', '10 000 - 19 999', '20 000 - 49 999', 'Over 50 000'],
    );
    assert.deepEqual(
      categories(g('storrelse3')).map((c) => c.label),
      ['Små (under 5 000)', 'Mellomstore (5 000 - 19 999)', 'Store (20 000 og over)'],
    );
    assert.deepEqual(
      categories(g('sentralitet')).map((c) => c.label),
      ['1', '2', '3', '4', '5', '6'],
    );
    assert.deepEqual(
      categories(g('ar_med_bosetting')).map((c) => c.label),
      ['0', '1', '2', '3', '4', '5'],
    );
    assert.deepEqual(
      categories(g('innvandrerandel')).map((c) => c.label),
      ['Under 5', '5 - 9,9', '10 - 14,9', 'Over 15'],
    );
    assert.deepEqual(
      categories(g('bosatt_alle_fem')).map((c) => c.label),
      ['Ja', 'Nei'],
    );
  });

  it('puts a cut point in the upper class (lower bound inclusive)', () => {
    assert.equal(label('storrelse', { folketall: 1999 }), 'Under 2 000');
    assert.equal(label('storrelse', { folketall: 2000 }), '2 000 - 4 999');
    assert.equal(label('storrelse', { folketall: 50000 }), 'Over 50 000');
    assert.equal(label('storrelse3', { folketall: 20000 }), 'Store (20 000 og over)');
    assert.equal(label('innvandrerandel', { innvandrerandel: 4.99 }), 'Under 5');
    assert.equal(label('innvandrerandel', { innvandrerandel: 5.0 }), '5 - 9,9');
    assert.equal(label('innvandrerandel', { innvandrerandel: 15 }), 'Over 15');
  });

  it('says Ja for settled all five years and Nei otherwise', () => {
    assert.equal(label('bosatt_alle_fem', { ar_med_bosetting: 5 }), 'Ja');
    assert.equal(label('bosatt_alle_fem', { ar_med_bosetting: 0 }), 'Nei');
    assert.equal(label('bosatt_alle_fem', {}), null);
  });

  it('leaves a unit without the attribute unclassified', () => {
    assert.equal(label('storrelse', {}), null);
    assert.equal(label('sentralitet', { sentralitet: 7 }), null);
  });

  it('labels the county grouping with the county name, ordered by number', () => {
    assert.deepEqual(classify(g('fylke'), unit({})), { index: 46, label: 'Vestland' });
    const cats = categories(g('fylke'), [
      { countyNumber: '46', countyName: 'Vestland' },
      { countyNumber: '03', countyName: 'Oslo' },
      { countyNumber: '46', countyName: 'Vestland' },
    ]);
    assert.deepEqual(
      cats.map((c) => c.label),
      ['Oslo', 'Vestland'],
    );
  });
});

describeStores('groupings from a file', (test) => {
  test('adds a grouping from YAML with no code change and classifies by it', async (store) => {
    await importGroupings(
      store,
      'groupings:\n  - key: intro_storrelse\n    kind: cuts\n    label: Deltakere i introprogram\n    attribute: deltakere_intro\n    cuts: [1, 20]\n    labels: ["Ingen", "1 - 19", "20 og flere"]\n',
      'extra.yaml',
    );
    const keys = (await listGroupings(store)).map((x) => x.grouping.key);
    assert.ok(keys.includes('intro_storrelse'));
    const grouping = await getGrouping(store, 'intro_storrelse');
    assert.equal(classify(grouping, unit({ deltakere_intro: 20 }))?.label, '20 og flere');
    assert.equal(classify(grouping, unit({ deltakere_intro: 0 }))?.label, 'Ingen');
  });

  test('rejects a bad grouping file with the path of the bad field and stores nothing', async (store) => {
    const bad = JSON.stringify({
      groupings: [
        { key: 'ok_one', kind: 'values', label: 'OK', attribute: 'sentralitet', categories: [{ label: 'A', values: [1] }] },
        { key: 'bad', kind: 'cuts', label: 'Bad', attribute: 'folketall', cuts: [10, 5], labels: ['a', 'b', 'c'] },
      ],
    });
    await assert.rejects(importGroupings(store, bad, 'extra.json'), (e: AppError) => {
      assert.equal(e.message, 'extra.json: groupings[1].cuts[1]: cut points must increase');
      assert.equal(e.text('nb'), 'extra.json: groupings[1].cuts[1]: grensene må være stigende');
      return true;
    });
    assert.equal(
      (await listGroupings(store)).some((x) => x.grouping.key === 'ok_one'),
      false,
    );
  });

  test('refuses to shadow a built-in grouping', async (store) => {
    const text = 'groupings:\n  - {key: storrelse, kind: county, label: X}\n';
    await assert.rejects(importGroupings(store, text, 'extra.yaml'), /"storrelse" is a built-in grouping/);
  });
});
