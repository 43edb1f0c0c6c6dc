import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { miniQuestionnaire } from '../round/fixtures.ts';
import { keyFromLabel, moveQuestion, nextOptionCode, placeQuestion } from './edit.ts';
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

describe('keyFromLabel', () => {
  it('makes a key of lower-case letters from a Norwegian label and avoids taken keys', () => {
    assert.equal(keyFromLabel('Årsrapport – økonomi', new Set()), 'arsrapport_okonomi');
    assert.equal(keyFromLabel('Nettsted', new Set(['nettsted'])), 'nettsted_2');
  });
});
