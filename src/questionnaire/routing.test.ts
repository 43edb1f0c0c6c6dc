import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { miniQuestionnaire } from '../round/fixtures.ts';
import { say } from '../shared/i18n/message.ts';
import type { Lang } from '../shared/i18n/types.ts';
import { type Answer, answerProblem, fromRows, toRows } from './answer.ts';
import { askedQuestions, registryConditionHolds, routedAnswers } from './routing.ts';
import { parseQuestionnaire } from './validate.ts';

const qn = parseQuestionnaire(miniQuestionnaire('skolesjef'));
const q = (key: string) => qn.questions.find((x) => x.key === key) as (typeof qn.questions)[number];
/** The answer's problem worded in a language ('' when it fits). */
const problem = (key: string, a: Answer, lang: Lang = 'en') => {
  const m = answerProblem(q(key), a);
  return m === null ? '' : say(m, lang);
};
const keys = (attrs: Record<string, number>, answers: [string, Answer][]) => askedQuestions(qn, attrs, new Map(answers)).map((x) => x.key);

describe('routing', () => {
  it('shows a follow-up only when the earlier answer qualifies', () => {
    assert.ok(!keys({}, []).includes('samarbeid_med'));
    assert.ok(keys({}, [['samarbeid', { kind: 'codes', codes: [1] }]]).includes('samarbeid_med'));
    assert.ok(!keys({}, [['samarbeid', { kind: 'codes', codes: [2] }]]).includes('samarbeid_med'));
  });

  it('never asks a question the unit is not eligible for, and treats a missing attribute as not eligible', () => {
    assert.ok(keys({ deltakere_intro: 3 }, []).includes('intro_maal'));
    assert.ok(!keys({ deltakere_intro: 0 }, []).includes('intro_maal'));
    assert.ok(!keys({}, []).includes('intro_maal'));
  });

  it('drops answers to questions that are no longer asked', () => {
    const routed = routedAnswers(
      qn,
      { deltakere_intro: 0 },
      new Map<string, Answer>([
        ['samarbeid', { kind: 'codes', codes: [2] }],
        ['samarbeid_med', { kind: 'codes', codes: [1] }],
        ['intro_maal', { kind: 'codes', codes: [1] }],
      ]),
    );
    assert.deepEqual([...routed.keys()], ['samarbeid']);
  });

  it('combines registry conditions with all and any', () => {
    const both = {
      all: [
        { attribute: 'bosatt_mottak', op: '>' as const, value: 0 },
        { attribute: 'bosatt_overforing', op: '>' as const, value: 0 },
      ],
    };
    const either = { any: both.all };
    assert.equal(registryConditionHolds(both, { bosatt_mottak: 2, bosatt_overforing: 0 }), false);
    assert.equal(registryConditionHolds(either, { bosatt_mottak: 2, bosatt_overforing: 0 }), true);
    assert.equal(registryConditionHolds({ attribute: 'x', op: '!=', value: 1 }, { x: 1 }), false);
  });
});

describe('answers', () => {
  it('refuses an exclusive option with others, and a specification without its option', () => {
    assert.match(problem('samarbeid_med', { kind: 'codes', codes: [1, 4] }), /cannot be combined/);
    assert.match(problem('samarbeid_med', { kind: 'codes', codes: [1, 4] }, 'nb'), /^«.+» kan ikke kombineres med andre svaralternativer$/);
    assert.match(problem('samarbeid_med', { kind: 'codes', codes: [1, 4] }, 'nn'), /kan ikkje kombinerast/);
    assert.match(problem('samarbeid_med', { kind: 'codes', codes: [1], text: 'x' }), /its option is not chosen/);
    assert.equal(answerProblem(q('samarbeid_med'), { kind: 'codes', codes: [1, 3], text: 'x' }), null);
  });

  it('accepts scale extras outside the scale and refuses codes that do not exist', () => {
    assert.equal(answerProblem(q('utfordring'), { kind: 'codes', codes: [9] }), null);
    assert.match(problem('utfordring', { kind: 'codes', codes: [6] }), /no option with code 6/);
    assert.match(problem('samarbeid', { kind: 'codes', codes: [1, 2] }), /only one option/);
  });

  it('checks integer bounds and text length', () => {
    assert.match(problem('antall', { kind: 'number', value: -1 }), /below the minimum 0/);
    assert.equal(problem('antall', { kind: 'number', value: -1 }, 'nb'), '-1 er mindre enn laveste tillatte verdi (0)');
    assert.match(problem('antall', { kind: 'number', value: 2.5 }), /whole number/);
    assert.match(problem('rolle', { kind: 'text', value: 'x'.repeat(201) }), /longer than 200/);
  });

  it('turns answers into long rows and back', () => {
    const answers = new Map<string, Answer>([
      ['rolle', { kind: 'text', value: 'Rektor <b>' }],
      ['samarbeid_med', { kind: 'codes', codes: [1, 3], text: 'Idrettslag' }],
      ['kjennskap', { kind: 'items', items: { nettsted: 1, statistikk: 2 } }],
      ['antall', { kind: 'number', value: 12 }],
    ]);
    const rows = [...answers].flatMap(([k, a]) => toRows(q(k), a));
    assert.equal(rows.length, 6);
    assert.deepEqual(
      rows.find((r) => r.code === 3),
      { question_key: 'samarbeid_med', item_key: '', code: 3, num: null, text: 'Idrettslag', slot: 3 },
    );
    // One slot per row of a question: a multiple choice by its codes, everything else in slot 0.
    assert.deepEqual(
      rows.map((r) => `${r.question_key}.${r.item_key}.${r.slot}`),
      ['rolle..0', 'samarbeid_med..1', 'samarbeid_med..3', 'kjennskap.nettsted.0', 'kjennskap.statistikk.0', 'antall..0'],
    );
    assert.deepEqual(fromRows(qn.questions, rows), answers);
  });
});
