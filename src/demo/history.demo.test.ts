import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { textIn } from '../questionnaire/model.ts';
import { loadTemplate } from '../questionnaire/template.ts';
import { earlierQuestionnaire, earlierYears, interpreterGuidelines, trendShares } from './history.demo.ts';

const template = loadTemplate('kommuneundersokelse-2019');
const director = template.questionnaires.get('kommunedirektor');
assert.ok(director);

describe('earlier rounds of the demo', () => {
  it('cuts the 2019 questionnaire to the trend question and the role, without the 2019-only "Vet ikke"', () => {
    const q = earlierQuestionnaire(director, 2019, 2016);
    assert.ok(q);
    assert.deepEqual(
      q.questions.map((x) => x.key),
      ['rolle', 'tolk_retningslinjer'],
    );
    const tolk = q.questions[1];
    assert.ok(tolk?.type === 'single');
    assert.deepEqual(
      tolk.options.map((o) => [o.code, textIn(o.label, 'nb')]),
      [
        [1, 'Ja, der Nasjonalt tolkeregister inngår'],
        [2, 'Ja, men uten at Nasjonalt tolkeregister inngår'],
        [3, 'Nei'],
      ],
    );
    assert.deepEqual(
      q.sections.map((s) => s.key),
      ['om_deg', 'planarbeid'],
    );
    assert.ok(q.intro && textIn(q.intro, 'nb').includes('Spørsmålene gjelder 2016'), 'the introduction names its own year');
    assert.equal(director.questions.find((x) => x.key === 'tolk_retningslinjer')?.type, 'single', 'the source is left alone');
  });

  it('has no earlier questionnaire for roles without a trend question', () => {
    for (const role of ['integreringsansvarlig', 'skolesjef'] as const) {
      const qn = template.questionnaires.get(role);
      assert.ok(qn);
      assert.equal(earlierQuestionnaire(qn, 2019, 2015), null);
    }
  });

  it('aims at shares adding up to one each year, "Vet ikke" only in 2019, steady from 2017', () => {
    for (const year of [...earlierYears, 2019]) {
      const shares = interpreterGuidelines[year] ?? [];
      assert.ok(Math.abs(shares.reduce((s, [, x]) => s + x, 0) - 1) < 1e-9, String(year));
      assert.equal(
        shares.some(([c]) => c === 9),
        year === 2019,
      );
    }
    const yes = (year: number) => {
      const s = interpreterGuidelines[year] ?? [];
      const base = s.filter(([c]) => c !== 9).reduce((t, [, x]) => t + x, 0);
      return s.filter(([c]) => c <= 2).reduce((t, [, x]) => t + x, 0) / base;
    };
    // Figure 4: one in four with the register, as many without, 28 % "vet ikke": 50 of 72.
    assert.ok(Math.abs(yes(2019) - 50 / 72) < 0.005);
    assert.ok(Math.abs(yes(2017) - yes(2019)) < 0.03 && Math.abs(yes(2018) - yes(2019)) < 0.03);
    assert.ok(yes(2015) < yes(2016) && yes(2016) < yes(2017));
    assert.deepEqual(trendShares(2019, 'skolesjef'), {});
    assert.deepEqual(Object.keys(trendShares(2017, 'kommunedirektor')), ['tolk_retningslinjer']);
  });
});
