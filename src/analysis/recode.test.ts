import assert from 'node:assert/strict';
import { type ResponseInput, saveResponses } from '../collect/response.service.ts';
import type { Answer } from '../questionnaire/answer.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { describeStores } from '../store/testing.ts';
import { frequenciesJson } from './breakdown.ts';
import { recodeAnswer, recodeLog, revertRecode, textAnswers } from './recode.ts';

const template = writeMiniTemplate();
const submitted = (unitNumber: string, answer: Answer): ResponseInput => ({
  unitNumber,
  status: 'submitted',
  // samarbeid_med is a follow-up of samarbeid = Ja
  answers: new Map<string, Answer>([
    ['samarbeid', { kind: 'codes', codes: [1] }],
    ['samarbeid_med', answer],
  ]),
  startedAt: new Date('2020-01-05T08:00:00Z'),
  submittedAt: new Date('2020-01-06T08:00:00Z'),
});
const counts = async (store: Parameters<typeof frequenciesJson>[0]) =>
  (await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid_med', undefined)).options?.map((o) => [o.code, o.count]);

describeStores('free text and recodes', (test) => {
  test('lists "annet" texts, counts a recoded answer as the chosen option, logs it and reverts it', async (store) => {
    await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
    await createRound(store, { year: 2019, template });
    await saveResponses(store, 2019, 'kommunedirektor', [
      submitted('0301', { kind: 'codes', codes: [3], text: 'Politiet i distriktet' }),
      submitted('0302', { kind: 'codes', codes: [1, 3], text: 'lensmannen' }),
      submitted('0303', { kind: 'codes', codes: [2] }),
    ]);
    const texts = await textAnswers(store, 2019, 'kommunedirektor');
    assert.deepEqual(
      texts.map((t) => [t.unitNumber, t.question, t.code, t.text, t.recode]),
      [
        ['0301', 'samarbeid_med', 3, 'Politiet i distriktet', null],
        ['0302', 'samarbeid_med', 3, 'lensmannen', null],
      ],
    );
    assert.deepEqual(await counts(store), [
      [1, 1],
      [2, 1],
      [3, 2],
      [4, 0],
    ]);
    const at = new Date('2020-02-10T10:00:00Z');
    const first = await recodeAnswer(store, 2019, 'kommunedirektor', '0301', 'samarbeid_med', 1, 'Analytiker A', at);
    await recodeAnswer(store, 2019, 'kommunedirektor', '0302', 'samarbeid_med', 1, 'Analytiker A', at);
    // 0302 already had Politi: counted once.
    assert.deepEqual(await counts(store), [
      [1, 2],
      [2, 1],
      [3, 0],
      [4, 0],
    ]);
    assert.equal((await frequenciesJson(store, 2019, 'kommunedirektor', 'samarbeid_med', undefined)).n, 3, 'N is unchanged');
    assert.deepEqual((await textAnswers(store, 2019, 'kommunedirektor'))[0]?.recode, {
      id: first,
      toCode: 1,
      toLabel: 'Politi',
      by: 'Analytiker A',
      at,
    });
    await revertRecode(store, first, 'Analytiker B', new Date('2020-02-11T10:00:00Z'));
    assert.deepEqual((await counts(store))?.[2], [3, 1]);
    const log = await recodeLog(store, 2019, 'kommunedirektor');
    assert.equal(log.length, 2);
    assert.equal(log[0]?.reverted_by, 'Analytiker B');
    assert.equal(log[0]?.text, 'Politiet i distriktet', 'the log keeps the text as it was');
    await assert.rejects(revertRecode(store, first, 'x'), /no active recode/);
    await assert.rejects(recodeAnswer(store, 2019, 'kommunedirektor', '0303', 'samarbeid_med', 1, 'x'), /no "annet, spesifiser" text/);
    await assert.rejects(recodeAnswer(store, 2019, 'kommunedirektor', '0301', 'samarbeid_med', 7, 'x'), /no option 7/);
  });
});
