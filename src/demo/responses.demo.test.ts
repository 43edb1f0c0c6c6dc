import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ResponseInput } from '../collect/response.service.ts';
import { answerProblem } from '../questionnaire/answer.ts';
import type { Questionnaire } from '../questionnaire/model.ts';
import { askedQuestions } from '../questionnaire/routing.ts';
import { loadTemplate } from '../questionnaire/template.ts';
import { parseQuestionnaire } from '../questionnaire/validate.ts';
import type { Unit } from '../registry/registry.types.ts';
import { demoRegistry } from './registry.demo.ts';
import { simulateResponses } from './responses.demo.ts';

const jaNei = [
  { code: 1, label: 'Ja' },
  { code: 2, label: 'Nei' },
  { code: 9, label: 'Vet ikke' },
];

/** A small questionnaire with a follow-up, registry eligibility, an exclusive and a specify option. */
const qn: Questionnaire = parseQuestionnaire({
  role: 'integreringsansvarlig',
  title: 'Test',
  sections: [{ key: 'a', title: 'A' }],
  questions: [
    { key: 'rolle', type: 'text', text: 'Rolle', required: true },
    { key: 'samarbeid', type: 'single', text: 'Samarbeid?', options: jaNei },
    {
      key: 'omrader',
      type: 'multi',
      text: 'Hvilke områder?',
      showIf: { question: 'samarbeid', codes: [1] },
      options: [
        { code: 1, label: 'Barn' },
        { code: 2, label: 'Kvalifisering' },
        { code: 3, label: 'Møteplasser' },
        { code: 7, label: 'Annet, spesifiser', specify: true },
      ],
    },
    {
      key: 'resultatmal',
      type: 'multi',
      text: 'Resultatmål?',
      eligibleIf: { attribute: 'deltakere_intro', op: '>', value: 0 },
      options: [
        { code: 1, label: 'Ett år etter' },
        { code: 2, label: 'Tre år etter' },
        { code: 5, label: 'Nei, ingen resultatmål', exclusive: true },
      ],
    },
    {
      key: 'kartlegging',
      type: 'matrix',
      text: 'Kartlegging',
      eligibleIf: {
        all: [
          { attribute: 'bosatt_mottak', op: '>', value: 0 },
          { attribute: 'bosatt_overforing', op: '>', value: 0 },
        ],
      },
      items: [
        { key: 'kompetanse', label: 'Kompetanse' },
        { key: 'helse', label: 'Helse' },
      ],
      scale: { min: 1, max: 5, minLabel: 'I liten grad', maxLabel: 'I stor grad', extra: [{ code: 9, label: 'Vet ikke' }] },
    },
    { key: 'antall', type: 'integer', text: 'Antall', min: 0, max: 40, showIf: { question: 'samarbeid', codes: [1] } },
    {
      key: 'nytte',
      type: 'scale',
      text: 'Nytte',
      scale: { min: 1, max: 5, minLabel: 'Svært dårlig', maxLabel: 'Svært god', extra: [{ code: 9, label: 'Vet ikke' }] },
    },
  ],
});

const units = demoRegistry().filter((u) => u.kind === 'kommune');
const byNumber = new Map(units.map((u) => [u.number, u]));
const window = { opensAt: new Date('2020-01-06T00:00:00Z'), closesAt: new Date('2020-02-02T23:59:59Z') };
const simulate = (rate: number, seed = 1, questionnaire = qn, list: readonly Unit[] = units) =>
  simulateResponses(questionnaire, list, { rate, seed, window });
const responses = simulate(0.55);
const submitted = responses.filter((r) => r.status === 'submitted');

function unitOf(r: ResponseInput): Unit {
  const u = byNumber.get(r.unitNumber);
  assert.ok(u, r.unitNumber);
  return u;
}

function checkRouted(questionnaire: Questionnaire, list: readonly ResponseInput[], unit: (r: ResponseInput) => Unit): void {
  for (const r of list) {
    const asked = new Set(askedQuestions(questionnaire, unit(r).attributes, r.answers).map((q) => q.key));
    for (const [key, a] of r.answers) {
      assert.ok(asked.has(key), `${r.unitNumber} answered ${key}, which it is not asked`);
      const q = questionnaire.questions.find((x) => x.key === key);
      assert.ok(q);
      assert.equal(answerProblem(q, a), null, `${r.unitNumber} ${key}`);
    }
  }
}

describe('simulateResponses', () => {
  it('answers only questions the unit is asked, each with a valid answer', () => {
    checkRouted(qn, responses, unitOf);
    // The routing is exercised both ways, not vacuously.
    assert.ok(submitted.some((r) => r.answers.has('omrader')));
    assert.ok(submitted.some((r) => r.answers.get('samarbeid')?.kind === 'codes' && !r.answers.has('omrader')));
    assert.ok(submitted.some((r) => r.answers.has('kartlegging')));
    assert.ok(submitted.some((r) => unitOf(r).attributes.deltakere_intro === 0));
  });

  it('asks a follow-up only after a qualifying answer', () => {
    for (const r of submitted) {
      const first = r.answers.get('samarbeid');
      const qualifies = first?.kind === 'codes' && first.codes.includes(1);
      if (r.answers.has('omrader') || r.answers.has('antall')) assert.ok(qualifies, r.unitNumber);
    }
  });

  it('responds at roughly the requested rate, plus a few unfinished', () => {
    for (const rate of [0.2, 0.41, 0.55, 0.9]) {
      const list = simulate(rate, 3);
      const done = list.filter((r) => r.status === 'submitted').length;
      assert.ok(Math.abs(done / units.length - rate) < 0.01, `rate ${rate}: ${done}`);
      const open = list.filter((r) => r.status === 'in_progress').length;
      assert.ok(open > 0 && open <= Math.round(0.05 * units.length), `in progress: ${open}`);
      assert.equal(new Set(list.map((r) => r.unitNumber)).size, list.length, 'one response per unit');
    }
    assert.equal(simulate(1).filter((r) => r.status === 'submitted').length, units.length);
    assert.equal(simulate(0).filter((r) => r.status === 'submitted').length, 0);
  });

  it('hears more from larger units and from units that settled every year', () => {
    const share = (list: readonly Unit[], test: (u: Unit) => boolean) => list.filter(test).length / list.length;
    const respondents = submitted.map(unitOf);
    const allFive = (u: Unit) => u.attributes.ar_med_bosetting === 5;
    const smallest = (u: Unit) => (u.attributes.folketall ?? 0) < 2000;
    assert.ok(share(respondents, allFive) > share(units, allFive) + 0.03);
    assert.ok(share(respondents, smallest) < share(units, smallest) - 0.02);
  });

  it('gives the same responses for the same seed and others for another', () => {
    assert.deepEqual(simulate(0.55), responses);
    assert.notDeepEqual(simulate(0.55, 2), responses);
  });

  it('answers most questions shown, keeps exclusive options alone and specifies "Annet"', () => {
    const answered = submitted.filter((r) => r.answers.has('nytte')).length / submitted.length;
    assert.ok(answered > 0.92 && answered < 1, `answered ${answered}`);
    assert.ok(
      submitted.every((r) => r.answers.has('rolle')),
      'a required question is always answered',
    );
    for (const r of submitted) {
      const a = r.answers.get('resultatmal');
      if (a?.kind === 'codes' && a.codes.includes(5)) assert.deepEqual(a.codes, [5]);
      const b = r.answers.get('omrader');
      if (b?.kind === 'codes') assert.equal(b.codes.includes(7), typeof b.text === 'string' && b.text.length > 0);
    }
    assert.ok(submitted.some((r) => r.answers.get('resultatmal')?.kind === 'codes'));
  });

  it('times answers inside the window, bunched at the start and after reminders', () => {
    const dayOf = (d: Date) => Math.floor((d.getTime() - window.opensAt.getTime()) / 86_400_000);
    const perDay = new Array<number>(28).fill(0);
    for (const r of responses) {
      assert.ok(r.startedAt >= window.opensAt && r.startedAt <= window.closesAt);
      if (r.status === 'in_progress') {
        assert.equal(r.submittedAt, null);
        continue;
      }
      assert.ok(r.submittedAt && r.submittedAt >= r.startedAt && r.submittedAt <= window.closesAt);
      perDay[dayOf(r.submittedAt)] = (perDay[dayOf(r.submittedAt)] ?? 0) + 1;
    }
    const days = (from: number, to: number) => perDay.slice(from, to + 1).reduce((s, n) => s + n, 0);
    // The window opens on a Monday: compare weekdays with weekdays.
    assert.ok(days(0, 1) > days(3, 4), `start ${days(0, 1)} vs ${days(3, 4)}`);
    assert.ok(days(7, 8) > days(3, 4), `first reminder ${days(7, 8)} vs ${days(3, 4)}`);
    assert.ok(days(14, 15) > days(10, 11), `second reminder ${days(14, 15)} vs ${days(10, 11)}`);
  });

  it('starts and submits nothing at or after `until`, at the same rate, with the last morning cut at it', () => {
    // Wednesday 15 January at 10:00: nine days of the window, the tenth day's office hours begun.
    const until = new Date('2020-01-15T10:00:00Z');
    const early = simulateResponses(qn, units, { rate: 0.55, seed: 1, window, until });
    assert.equal(early.filter((r) => r.status === 'submitted').length, submitted.length);
    assert.equal(early.length, responses.length);
    for (const r of early) {
      assert.ok(r.startedAt >= window.opensAt && r.startedAt < until, `${r.unitNumber} started ${r.startedAt.toISOString()}`);
      if (r.submittedAt) assert.ok(r.submittedAt >= r.startedAt && r.submittedAt < until, `${r.unitNumber} ${r.submittedAt.toISOString()}`);
    }
    const lastDay = early.filter((r) => (r.submittedAt ?? r.startedAt) >= new Date('2020-01-15T00:00:00Z'));
    assert.ok(
      lastDay.every((r) => (r.submittedAt ?? r.startedAt) >= new Date('2020-01-15T08:00:00Z')),
      'in office hours',
    );
    // The same units answer the same way; only the times move.
    assert.deepEqual(
      early.map((r) => [r.unitNumber, r.status, [...r.answers]]),
      responses.map((r) => [r.unitNumber, r.status, [...r.answers]]),
    );
  });

  it('leaves unfinished responses with fewer answers', () => {
    const open = responses.filter((r) => r.status === 'in_progress');
    const mean = (list: readonly ResponseInput[]) => list.reduce((s, r) => s + r.answers.size, 0) / list.length;
    assert.ok(open.length > 0 && mean(open) < mean(submitted));
  });

  it('answers the built-in 2019 questionnaires by their routing', (t) => {
    let template: ReturnType<typeof loadTemplate>;
    try {
      template = loadTemplate('kommuneundersokelse-2019');
    } catch (e) {
      t.skip(`built-in template not loadable: ${(e as Error).message}`);
      return;
    }
    const all = demoRegistry();
    const unit = new Map(all.map((u) => [u.number, u]));
    for (const [role, questionnaire] of template.questionnaires) {
      const list = simulate(0.5, 7, questionnaire, all);
      assert.ok(list.length > 0, role);
      checkRouted(questionnaire, list, (r) => unit.get(r.unitNumber) as Unit);
    }
  });
});

describe('simulateResponses with fixed shares', () => {
  const withGuidelines = parseQuestionnaire({
    ...qn,
    questions: [
      ...qn.questions,
      {
        key: 'retningslinjer',
        type: 'single',
        text: 'Retningslinjer?',
        options: [
          { code: 1, label: 'Ja, med register' },
          { code: 2, label: 'Ja, uten register' },
          { code: 3, label: 'Nei' },
          { code: 9, label: 'Vet ikke' },
        ],
      },
    ],
  });
  const shares = {
    retningslinjer: [
      [1, 0.3],
      [2, 0.25],
      [3, 0.25],
      [9, 0.2],
    ],
  } as const;
  const fixed = simulateResponses(withGuidelines, units, { rate: 0.5, seed: 1, window, shares });
  const free = simulate(0.5, 1, withGuidelines);

  it('gives the question exactly those shares among submitted responses', () => {
    const codes = fixed
      .filter((r) => r.status === 'submitted')
      .flatMap((r) => {
        const a = r.answers.get('retningslinjer');
        return a?.kind === 'codes' ? a.codes : [];
      });
    const count = (c: number) => codes.filter((x) => x === c).length;
    assert.ok(codes.length > 150);
    for (const [code, share] of shares.retningslinjer)
      assert.ok(Math.abs(count(code) - share * codes.length) <= 1, `${code}: ${count(code)}`);
  });

  it('leaves who answers, when, and every other answer as without them', () => {
    assert.equal(fixed.length, free.length);
    fixed.forEach((r, i) => {
      const f = free[i] as ResponseInput;
      assert.deepEqual([r.unitNumber, r.status, r.startedAt, r.submittedAt], [f.unitNumber, f.status, f.startedAt, f.submittedAt]);
      assert.deepEqual([...r.answers.keys()], [...f.answers.keys()]);
      for (const [key, a] of r.answers) if (key !== 'retningslinjer') assert.deepEqual(a, f.answers.get(key), key);
    });
  });

  it('refuses fixed shares for a question a follow-up depends on', () => {
    assert.throws(
      () => simulateResponses(qn, units, { rate: 0.5, seed: 1, window, shares: { samarbeid: [[1, 1]] } }),
      /a follow-up depends on integreringsansvarlig\.samarbeid/,
    );
  });
});
