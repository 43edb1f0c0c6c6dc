import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { miniQuestionnaire } from '../round/fixtures.ts';
import {
  followUpsBeforeTrigger,
  keyFromLabel,
  moveQuestion,
  moveSection,
  nextOptionCode,
  placeQuestion,
  questionsIn,
  removeSection,
  updateSection,
} from './edit.ts';
import type { Question } from './model.ts';
import { parseQuestionnaire } from './validate.ts';

const qn = parseQuestionnaire(miniQuestionnaire('skolesjef'), 'skolesjef');
const keys = (q: typeof qn) => q.questions.map((x) => `${x.section}:${x.key}`);

describe('nextOptionCode', () => {
  it('takes the highest code + 1, leaving 8 and 9 to "Ikke relevant" and "Vet ikke"', () => {
    assert.equal(nextOptionCode('Delvis', new Set([1, 2, 9]), []), 3);
    assert.equal(nextOptionCode('Sju', new Set([1, 2, 3, 4, 5, 6, 7]), []), 10);
    assert.equal(nextOptionCode('Vet ikke', new Set([1, 2]), []), 9);
    assert.equal(nextOptionCode('Ikke relevant', new Set([1, 2, 9]), []), 8);
  });

  it('never reuses a code an earlier round had for another label, and gives an old label its old code back', () => {
    const earlier = [
      { code: 3, label: 'Delvis' },
      { code: 4, label: { nb: 'Av og til' } },
    ];
    assert.equal(nextOptionCode('Kanskje', new Set([1, 2, 9]), earlier), 5);
    assert.equal(nextOptionCode('delvis', new Set([1, 2, 9]), earlier), 3);
  });

  it('keeps new scale extras outside the scale', () => {
    assert.equal(nextOptionCode('Annet', new Set([9]), [], new Set([1, 2, 3, 4, 5])), 6);
  });
});

describe('moving questions', () => {
  it('swaps within a section and crosses into the neighbouring section at its edge', () => {
    assert.deepEqual(keys(moveQuestion(qn, 'utfordring', 'up')).slice(2, 4), ['tema:utfordring', 'tema:samarbeid_med']);
    assert.equal(keys(moveQuestion(qn, 'rolle', 'down'))[0], 'tema:rolle');
    assert.equal(keys(moveQuestion(qn, 'samarbeid', 'up'))[1], 'om_deg:samarbeid');
    assert.equal(moveQuestion(qn, 'rolle', 'up'), qn);
  });

  it('places a new question last in its section', () => {
    const q: Question = { key: 'ny', type: 'text', text: 'Ny', section: 'om_deg' };
    assert.deepEqual(keys(placeQuestion(qn, q)).slice(0, 2), ['om_deg:rolle', 'om_deg:ny']);
  });
});

describe('sections', () => {
  const three = { ...qn, sections: [...qn.sections, { key: 'slutt', title: 'Slutt' }] };

  it('moves a section with its questions, which keep their order within it', () => {
    const moved = moveSection(three, 'tema', 'up');
    assert.deepEqual(
      moved.sections.map((s) => s.key),
      ['tema', 'om_deg', 'slutt'],
    );
    assert.deepEqual(keys(moved), [...keys(qn).slice(1), 'om_deg:rolle']);
    assert.equal(parseQuestionnaire(moved, 'skolesjef').questions.length, qn.questions.length, 'still valid');
    assert.equal(moveSection(three, 'om_deg', 'up'), three, 'the first cannot go further up');
    assert.equal(moveSection(three, 'slutt', 'down'), three, 'the last cannot go further down');
  });

  it('gives questions without a section their section when another section comes first', () => {
    const implicit = { ...three, questions: three.questions.map((q) => (q.key === 'rolle' ? { ...q, section: undefined } : q)) };
    const moved = moveSection(implicit, 'om_deg', 'down');
    assert.equal(moved.questions.find((q) => q.key === 'rolle')?.section, 'om_deg');
    assert.equal(moved.questions.at(-1)?.key, 'rolle');
  });

  it('renames a section in place, lists its questions and removes it', () => {
    const renamed = updateSection(three, { key: 'tema', title: { nb: 'Temaer', nn: 'Tema', en: 'Topics' } });
    assert.deepEqual(renamed.sections[1], { key: 'tema', title: { nb: 'Temaer', nn: 'Tema', en: 'Topics' } });
    assert.deepEqual(
      questionsIn(three, 'om_deg').map((q) => q.key),
      ['rolle'],
    );
    assert.deepEqual(questionsIn(three, 'slutt'), []);
    assert.deepEqual(
      removeSection(three, 'slutt').sections.map((s) => s.key),
      ['om_deg', 'tema'],
    );
  });

  it('names follow-ups that a move would put before the question they depend on', () => {
    assert.deepEqual(followUpsBeforeTrigger(qn), []);
    assert.deepEqual(followUpsBeforeTrigger(moveQuestion(qn, 'antall', 'up')), [{ question: 'antall', trigger: 'har_oversikt' }]);
    const compound = {
      ...qn,
      questions: qn.questions.map((q) =>
        q.key === 'samarbeid_med'
          ? {
              ...q,
              showIf: {
                any: [
                  { question: 'samarbeid', codes: [1] },
                  { question: 'har_oversikt', codes: [1] },
                ],
              },
            }
          : q,
      ),
    };
    assert.deepEqual(followUpsBeforeTrigger(compound), [{ question: 'samarbeid_med', trigger: 'har_oversikt' }]);
  });
});

describe('keyFromLabel', () => {
  it('makes a key of lower-case letters from a Norwegian label and avoids taken keys', () => {
    assert.equal(keyFromLabel('Årsrapport – økonomi', new Set()), 'arsrapport_okonomi');
    assert.equal(keyFromLabel('Nettsted', new Set(['nettsted'])), 'nettsted_2');
  });
});
