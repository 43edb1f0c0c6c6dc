import assert from 'node:assert/strict';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import { type FormContext, formState, openForm, pages, questionNumbers, saveSection, sectionForm, submit } from './form.service.ts';
import { ensureLinks, reissueLink, resolveToken, revokeLink } from './link.service.ts';

const template = writeMiniTemplate();

async function setUp(store: Store, unit = '0303'): Promise<{ ctx: FormContext; token: string }> {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  const link = (await ensureLinks(store, 2019, 'kommunedirektor')).find((l) => l.unitNumber === unit);
  assert.ok(link);
  const ctx = await openForm(store, link.token);
  assert.ok(ctx);
  return { ctx, token: link.token };
}

describeStores('respondent form', (test) => {
  test('gives every unit and role one unguessable link, and lists the same links again', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    const first = await ensureLinks(store, 2019);
    assert.equal(first.length, 6 + 8 + 8, 'skolesjef 6 municipalities, the others also 2 districts');
    assert.ok(first.every((l) => /^[A-Za-z0-9_-]{43}$/.test(l.token)));
    assert.equal(new Set(first.map((l) => l.token)).size, first.length);
    assert.deepEqual(await ensureLinks(store, 2019), first);
  });

  test('stops a revoked link at once and opens the re-issued one on the same answers', async (store) => {
    const { ctx, token } = await setUp(store);
    await saveSection(store, ctx, 'om_deg', { 'q.rolle': 'Rådmann' });
    const fresh = await reissueLink(store, 2019, 'kommunedirektor', '0303');
    assert.equal(await resolveToken(store, token), null);
    const again = await openForm(store, fresh.token);
    assert.ok(again);
    assert.deepEqual((await formState(store, again)).answers.get('rolle'), { kind: 'text', value: 'Rådmann' });
    assert.equal(await revokeLink(store, 2019, 'kommunedirektor', '0303'), 1);
    assert.equal(await openForm(store, fresh.token), null);
    assert.equal(await openForm(store, 'not a token'), null);
  });

  test('saves a page, remembers where the respondent is, and reveals a follow-up', async (store) => {
    const { ctx } = await setUp(store);
    assert.equal((await formState(store, ctx)).status, 'not_started');
    const saved = await saveSection(store, ctx, 'tema', { 'q.samarbeid': '1', 'q.har_oversikt': '2' });
    assert.deepEqual(saved, { errors: [], revealed: ['samarbeid_med'] });
    const state = await formState(store, ctx);
    assert.equal(state.status, 'in_progress');
    assert.equal(state.currentSection, 'tema');
    assert.deepEqual(state.answers.get('samarbeid'), { kind: 'codes', codes: [1] });
    const form = sectionForm(ctx, state, 'tema');
    assert.ok(form.asked.has('samarbeid_med'));
    assert.ok(!form.asked.has('antall'));
  });

  test('keeps what was typed as a draft when a page has errors, and stores nothing of it', async (store) => {
    const { ctx } = await setUp(store);
    await saveSection(store, ctx, 'tema', { 'q.har_oversikt': '1', 'q.antall': '12' });
    const saved = await saveSection(store, ctx, 'tema', { 'q.har_oversikt': '1', 'q.antall': '12 stk', 'q.samarbeid': '2' });
    assert.deepEqual(
      saved.errors.map((e) => e.problem.code),
      ['not_a_number'],
    );
    const state = await formState(store, ctx);
    assert.deepEqual(state.answers.get('antall'), { kind: 'number', value: 12 }, 'the stored answer stays until the page validates');
    assert.equal(state.answers.get('samarbeid'), undefined);
    const form = sectionForm(ctx, state, 'tema');
    assert.equal(form.raw['q.antall'], '12 stk');
    assert.equal(form.errors[0]?.target, 'f-antall');
    await assert.rejects(submit(store, ctx), /correcting/);
    await saveSection(store, ctx, 'tema', { 'q.har_oversikt': '1', 'q.antall': '13' });
    assert.equal((await formState(store, ctx)).drafts.size, 0);
    await submit(store, ctx);
    assert.equal((await formState(store, ctx)).status, 'submitted');
  });

  test('drops a follow-up answer when the answer it follows changes', async (store) => {
    const { ctx } = await setUp(store);
    await saveSection(store, ctx, 'tema', { 'q.har_oversikt': '1', 'q.antall': '40' });
    assert.deepEqual((await formState(store, ctx)).answers.get('antall'), { kind: 'number', value: 40 });
    await saveSection(store, ctx, 'tema', { 'q.har_oversikt': '2', 'q.antall': '40' });
    assert.equal((await formState(store, ctx)).answers.get('antall'), undefined);
  });

  test('drops a follow-up answer on another page when the answer it follows changes', async (store) => {
    // "antall" follows "har_oversikt" but has a page of its own after "tema".
    const apart = writeMiniTemplate((q) => ({
      ...q,
      sections: [...q.sections, { key: 'detaljer', title: 'Detaljer' }],
      questions: [
        ...q.questions.filter((x) => x.key !== 'antall'),
        ...q.questions.filter((x) => x.key === 'antall').map((x) => ({ ...x, section: 'detaljer' })),
      ],
    }));
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template: apart });
    const link = (await ensureLinks(store, 2019, 'kommunedirektor')).find((l) => l.unitNumber === '0303');
    const ctx = await openForm(store, link?.token ?? '');
    assert.ok(ctx);
    await saveSection(store, ctx, 'tema', { 'q.har_oversikt': '1' });
    await saveSection(store, ctx, 'detaljer', { 'q.antall': '40' });
    assert.deepEqual((await formState(store, ctx)).answers.get('antall'), { kind: 'number', value: 40 });
    await saveSection(store, ctx, 'tema', { 'q.har_oversikt': '2' });
    const state = await formState(store, ctx);
    assert.equal(state.answers.get('antall'), undefined, 'the follow-up on the other page is gone with its reason');
    assert.deepEqual(state.answers.get('har_oversikt'), { kind: 'codes', codes: [2] });
  });

  test('never asks a unit a question its registry figures make it ineligible for', async (store) => {
    const { ctx: none } = await setUp(store, '0302');
    assert.ok(
      !pages(none, new Map())
        .flatMap((p) => p.questions.map((q) => q.key))
        .includes('intro_maal'),
    );
    assert.equal(questionNumbers(none).get('intro_maal'), undefined);
    await saveSection(store, none, 'tema', { 'q.intro_maal': '1' });
    assert.equal((await formState(store, none)).answers.get('intro_maal'), undefined, 'a posted answer to it is ignored');
    const other = await openForm(
      store,
      (await ensureLinks(store, 2019, 'kommunedirektor')).find((l) => l.unitNumber === '0303')?.token ?? '',
    );
    assert.ok(other);
    assert.ok(
      pages(other, new Map())
        .flatMap((p) => p.questions.map((q) => q.key))
        .includes('intro_maal'),
    );
  });

  test('lets the respondent change answers after submitting, keeping the first submission time', async (store) => {
    const { ctx } = await setUp(store);
    await saveSection(store, ctx, 'om_deg', { 'q.rolle': 'Rådmann' }, new Date('2020-01-10T10:00:00Z'));
    await submit(store, ctx, new Date('2020-01-10T10:05:00Z'));
    await saveSection(store, ctx, 'om_deg', { 'q.rolle': 'Kommunedirektør' }, new Date('2020-01-12T08:00:00Z'));
    await submit(store, ctx, new Date('2020-01-12T08:01:00Z'));
    const state = await formState(store, ctx);
    assert.equal(state.status, 'submitted');
    assert.equal(state.submittedAt?.toISOString(), '2020-01-10T10:05:00.000Z');
    assert.equal(state.updatedAt?.toISOString(), '2020-01-12T08:01:00.000Z');
    assert.deepEqual(state.answers.get('rolle'), { kind: 'text', value: 'Kommunedirektør' });
  });
});
