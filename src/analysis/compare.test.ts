import assert from 'node:assert/strict';
import { describeStores } from '../store/testing.ts';
import { wilsonInterval } from './breakdown.ts';
import { secretOther, secretRole, setUpCompare } from './compare.fixtures.ts';
import { type ComparedQuestion, type CompareTable, compare, type Distribution } from './compare.ts';
import { frequencies } from './frequencies.ts';

function question(qs: readonly ComparedQuestion[], key: string): ComparedQuestion {
  const q = qs.find((x) => x.key === key);
  assert.ok(q, `question ${key} is on the page`);
  return q;
}

function tableOf(qs: readonly ComparedQuestion[], key: string): CompareTable {
  const q = question(qs, key);
  assert.equal(q.kind, 'choice');
  return q.table;
}

function shown(d: Distribution | null): Extract<Distribution, { shown: true }> {
  assert.ok(d?.shown, 'the column is shown');
  return d;
}

describeStores('compare yourself', (test) => {
  test('gives national shares equal to frequencies(...) for every kind of question', async (store) => {
    await setUpCompare(store);
    const c = await compare(store, 2019, 'kommunedirektor', '1101');
    for (const key of ['samarbeid', 'samarbeid_med', 'utfordring', 'har_oversikt', 'intro_maal']) {
      const f = await frequencies(store, 2019, 'kommunedirektor', key, wilsonInterval);
      const t = tableOf(c.questions, key);
      const national = shown(t.national);
      assert.equal(national.n, f.n, `${key}: N`);
      const expected = new Map([...f.options, ...f.apart].map((o) => [o.code, o.share]));
      assert.deepEqual(
        t.options.map((o, i) => [o.code, national.shares[i]]),
        t.options.map((o) => [o.code, expected.get(o.code)]),
        `${key}: shares`,
      );
      if (key === 'utfordring') assert.equal(national.mean, f.scale?.mean);
    }
    const f = await frequencies(store, 2019, 'kommunedirektor', 'kjennskap', wilsonInterval);
    const m = question(c.questions, 'kjennskap');
    assert.equal(m.kind, 'matrix');
    for (const item of m.items) {
      const fi = f.items?.find((i) => i.key === item.key);
      assert.ok(fi);
      const national = shown(item.table.national);
      assert.equal(national.n, fi.n);
      assert.deepEqual(
        national.shares,
        item.table.options.map((o) => fi.options.find((x) => x.code === o.code)?.share),
      );
    }
  });

  test('shows the unit its own answers in words, only for the questions it was asked', async (store) => {
    await setUpCompare(store);
    const c = await compare(store, 2019, 'kommunedirektor', '1101');
    assert.equal(c.status, 'submitted');
    assert.deepEqual(question(c.questions, 'samarbeid').own, ['Ja']);
    assert.deepEqual(question(c.questions, 'samarbeid_med').own, ['Politi', 'Annet (spesifiser): Vår egen annet-tekst']);
    assert.deepEqual(question(c.questions, 'rolle').own, ['Vår egen rolle']);
    assert.deepEqual(
      tableOf(c.questions, 'samarbeid').options.map((o) => [o.label, o.chosen]),
      [
        ['Ja', true],
        ['Nei', false],
        ['Vet ikke', false],
      ],
    );
    const matrix = question(c.questions, 'kjennskap');
    assert.ok(matrix.kind === 'matrix');
    assert.deepEqual(
      matrix.items.map((i) => [i.label, i.own]),
      [
        ['nettstedet', 'Ja'],
        ['statistikken', 'Nei'],
      ],
    );
    const antall = question(c.questions, 'antall');
    assert.ok(antall.kind === 'integer');
    assert.equal(antall.value, 12);

    // 1104 answered "Nei": the follow-up was not asked of it; 1102 has no introduction programme.
    const nei = await compare(store, 2019, 'kommunedirektor', '1104');
    assert.ok(!nei.questions.some((q) => q.key === 'samarbeid_med'));
    const noIntro = await compare(store, 2019, 'kommunedirektor', '1102');
    assert.ok(!noIntro.questions.some((q) => q.key === 'intro_maal'));
    // A unit that did not submit sees the distributions but no answers of its own.
    const unsent = await compare(store, 2019, 'kommunedirektor', '1202');
    assert.equal(unsent.status, 'in_progress');
    assert.ok(unsent.questions.every((q) => q.own.length === 0));
  });

  test('gives the size class column with N when at least 5 in the class answered, and suppresses it below', async (store) => {
    await setUpCompare(store);
    const c = await compare(store, 2019, 'kommunedirektor', '1101');
    assert.equal(c.sizeClass?.label, '5 000 - 9 999');
    // samarbeid in 5 000 - 9 999: 1101 Ja, 1102 Ja, 1103 Ja, 1104 Nei, 1105 Vet ikke, 1106 Ja.
    const cls = shown(tableOf(c.questions, 'samarbeid').sizeClass);
    assert.equal(cls.n, 6);
    assert.deepEqual(cls.shares, [4 / 6, 1 / 6, 1 / 6]);
    // The follow-up was answered by 4 in the class (7 nationally): the class is too small.
    const follow = tableOf(c.questions, 'samarbeid_med');
    assert.deepEqual(follow.sizeClass, { shown: false });
    assert.equal(shown(follow.national).n, 7);
    // 2 000 - 4 999 has three units: nothing of the class is shown, not even N.
    const small = await compare(store, 2019, 'kommunedirektor', '1301');
    assert.equal(small.sizeClass?.label, '2 000 - 4 999');
    for (const q of small.questions) {
      if (q.kind === 'choice') assert.deepEqual(q.table.sizeClass, { shown: false }, q.key);
      if (q.kind === 'matrix') for (const i of q.items) assert.deepEqual(i.table.sizeClass, { shown: false });
      if (q.kind === 'integer') assert.deepEqual(q.sizeClass, { shown: false });
    }
    assert.ok(!JSON.stringify(small).includes('"n":3'), 'the class N is not given either');
  });

  test('gives integers as median and mean of the group only when 5 or more answered', async (store) => {
    await setUpCompare(store);
    const c = await compare(store, 2019, 'kommunedirektor', '1101');
    const q = question(c.questions, 'antall');
    assert.ok(q.kind === 'integer');
    // Class: 12, 20, 30, 40, 50, 60; all municipalities: 1, 2, 3, 5, 12, 20, 30, 40, 50, 60, 400.
    assert.deepEqual(q.sizeClass, { shown: true, n: 6, median: 35, mean: 212 / 6 });
    assert.deepEqual(q.national, { shown: true, n: 11, median: 20, mean: 623 / 11 });
    const districts = await compare(store, 2019, 'kommunedirektor', '030101');
    const d = question(districts.questions, 'antall');
    assert.ok(d.kind === 'integer');
    assert.deepEqual(d.national, { shown: false }, 'three districts answered');
  });

  test('never puts another unit’s free text in the output', async (store) => {
    await setUpCompare(store);
    for (const unit of ['1101', '1103', '1301', '0301', '030101']) {
      const out = JSON.stringify(await compare(store, 2019, 'kommunedirektor', unit));
      assert.ok(!out.includes(secretRole), `${unit} sees 1102's role text`);
      assert.ok(!out.includes(secretOther), `${unit} sees 1102's "annet" text`);
      assert.deepEqual(
        out.match(/Rådmann i \d+/g) ?? [],
        unit === '1101' ? [] : [`Rådmann i ${unit}`],
        `${unit} sees only its own role text`,
      );
    }
    const own = JSON.stringify(await compare(store, 2019, 'kommunedirektor', '1102'));
    assert.ok(own.includes(secretRole) && own.includes(secretOther), 'a unit sees its own free text');
  });

  test('compares a city district with the districts only, without a size class column', async (store) => {
    await setUpCompare(store);
    const c = await compare(store, 2019, 'kommunedirektor', '030101');
    assert.equal(c.comparedWith, 'bydel');
    assert.equal(c.sizeClass, null);
    const t = tableOf(c.questions, 'samarbeid');
    assert.equal(t.sizeClass, null);
    assert.deepEqual(t.national, { shown: false }, 'three districts answered: too few');
    const m = await compare(store, 2019, 'kommunedirektor', '0301');
    assert.equal(m.comparedWith, 'kommune');
    assert.equal(shown(tableOf(m.questions, 'samarbeid').national).n, 11, 'the districts are not among the municipalities');
    await assert.rejects(compare(store, 2019, 'skolesjef', '030101'), /not asked/);
  });
});
