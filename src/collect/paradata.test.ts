import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { type FormContext, openForm, rememberSection, saveSection, submit } from './form.service.ts';
import { ensureLinks } from './link.service.ts';
import { medianOfCounts, paradata } from './paradata.ts';

const template = writeMiniTemplate();

describe('median from counts', () => {
  it('takes the middle value of an odd total and the mean of the two middle values of an even one', () => {
    assert.equal(medianOfCounts([]), null);
    assert.equal(medianOfCounts([{ value: 7, count: 1 }]), 7);
    assert.equal(
      medianOfCounts([
        { value: 30, count: 1 },
        { value: 60, count: 1 },
      ]),
      45,
    );
    // 10, 10, 10, 20, 90 → 10; 10, 10, 20, 90 → 15
    assert.equal(
      medianOfCounts([
        { value: 90, count: 1 },
        { value: 10, count: 3 },
        { value: 20, count: 1 },
      ]),
      10,
    );
    assert.equal(
      medianOfCounts([
        { value: 90, count: 1 },
        { value: 10, count: 2 },
        { value: 20, count: 1 },
      ]),
      15,
    );
  });
});

async function forms(store: Store): Promise<Map<string, FormContext>> {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  const out = new Map<string, FormContext>();
  for (const link of await ensureLinks(store, 2019, 'kommunedirektor')) {
    const ctx = await openForm(store, link.token);
    assert.ok(ctx);
    out.set(link.unitNumber, ctx);
  }
  return out;
}

const t = (seconds: number) => new Date(Date.UTC(2020, 0, 10, 9, 0, seconds));

describeStores('paradata of the form', (test) => {
  test('counts who was shown each page, who stopped there and the median time to save it', async (store) => {
    const f = await forms(store);
    const [a, b, c] = ['0301', '0302', '0303'].map((n) => f.get(n) as FormContext) as [FormContext, FormContext, FormContext];
    // A: both pages, an invalid save on the second, then submits.
    await rememberSection(store, a, 'om_deg', t(0));
    await saveSection(store, a, 'om_deg', { 'q.rolle': 'Rådmann' }, t(30));
    await rememberSection(store, a, 'tema', t(40));
    await saveSection(store, a, 'tema', { 'q.har_oversikt': '1', 'q.antall': 'mange' }, t(100));
    await saveSection(store, a, 'tema', { 'q.har_oversikt': '1', 'q.antall': '3' }, t(130));
    await submit(store, a, t(140));
    // B: the first page, then stops on the second.
    await rememberSection(store, b, 'om_deg', t(0));
    await saveSection(store, b, 'om_deg', { 'q.rolle': 'Kommunedirektør' }, t(60));
    await rememberSection(store, b, 'tema', t(70));
    // C: looks at the first page and goes.
    await rememberSection(store, c, 'om_deg', t(5));

    const pages = await paradata(store, 2019, 'kommunedirektor', t(3600));
    assert.deepEqual(
      pages.map((p) => [p.section, p.started, p.leftFrom, p.saves, p.medianSeconds]),
      [
        ['om_deg', 3, 1, 2, 45],
        ['tema', 2, 1, 1, 60],
      ],
    );
    // As of before A submitted, A had stopped on "tema" too; what happened later is not counted.
    const earlier = await paradata(store, 2019, 'kommunedirektor', t(135));
    assert.deepEqual(
      earlier.map((p) => [p.section, p.started, p.leftFrom]),
      [
        ['om_deg', 3, 1],
        ['tema', 2, 2],
      ],
    );
    const before = await paradata(store, 2019, 'kommunedirektor', t(20));
    assert.deepEqual(
      before.map((p) => [p.section, p.started, p.leftFrom, p.saves, p.medianSeconds]),
      [
        ['om_deg', 3, 3, 0, null],
        ['tema', 0, 0, 0, null],
      ],
    );
  });
});
