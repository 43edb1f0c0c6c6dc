import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { codes } from '../analysis/compare.fixtures.ts';
import { type ResponseInput, saveResponses } from '../collect/response.service.ts';
import type { Answer } from '../questionnaire/answer.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { formatNumber } from '../shared/numbers.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';

const bin = path.resolve('bin/kommunepuls.mjs');
const template = writeMiniTemplate();
// English unless KOMMUNEPULS_LANG says otherwise: a developer's own setting must not leak in.
const { KOMMUNEPULS_LANG: _, ...baseEnv } = process.env;

function run(db: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...baseEnv, ...env, KOMMUNEPULS_DB: db } });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}
const analyze = (db: string, ...args: string[]) => run(db, ['analyze', ...args, '--year', '2019']);
const json = (db: string, ...args: string[]) => JSON.parse(analyze(db, ...args, '--json'));

const num = (n: number): Answer => ({ kind: 'number', value: n });
const items = (i: Record<string, number>): Answer => ({ kind: 'items', items: i });
const response = (
  unitNumber: string,
  answers: Record<string, Answer>,
  status: 'submitted' | 'in_progress' = 'submitted',
): ResponseInput => ({
  unitNumber,
  status,
  answers: new Map(Object.entries(answers)),
  startedAt: new Date('2020-01-05T08:00:00Z'),
  submittedAt: status === 'submitted' ? new Date('2020-01-06T08:00:00Z') : null,
});

// Sizes (storrelse3): small 0302, 0401; medium 0402, 0403; large 0301, 0303. Districts 030101, 030102.
async function setUp(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template });
  const oversikt = (n: number) => ({ har_oversikt: codes(1), antall: num(n) });
  await saveResponses(store, 2019, 'kommunedirektor', [
    response('0301', {
      samarbeid: codes(1),
      samarbeid_med: { kind: 'codes', codes: [1, 3], text: 'NAV' },
      utfordring: codes(5),
      kjennskap: items({ nettsted: 1, statistikk: 2 }),
      ...oversikt(12),
    }),
    response('0302', { samarbeid: codes(2), utfordring: codes(9), kjennskap: items({ nettsted: 2, statistikk: 2 }), ...oversikt(0) }),
    response('0303', {
      samarbeid: codes(1),
      samarbeid_med: codes(1),
      utfordring: codes(4),
      kjennskap: items({ nettsted: 1, statistikk: 1 }),
      ...oversikt(3),
    }),
    response('0401', {
      samarbeid: codes(1),
      samarbeid_med: codes(2),
      utfordring: codes(2),
      kjennskap: items({ nettsted: 2 }),
      ...oversikt(5),
    }),
    response('0402', {
      samarbeid: codes(1),
      samarbeid_med: codes(1, 2),
      utfordring: codes(1),
      kjennskap: items({ nettsted: 1, statistikk: 2 }),
    }),
    response('0403', { samarbeid: codes(1) }, 'in_progress'),
    response('030101', { samarbeid: codes(2), utfordring: codes(3), ...oversikt(40) }),
    response('030102', { samarbeid: codes(1), samarbeid_med: codes(2), utfordring: codes(9), ...oversikt(7) }),
  ]);
}

const f3 = (x: number) => formatNumber(x, 3);
/** A p in a table cell, and after "p " in a line: "0,123" / "= 0,123", below 0.001 "< 0,001". */
const pCell = (p: number) => (p < 0.001 ? '< 0,001' : formatNumber(p, 3));
const pLine = (p: number) => (p < 0.001 ? '< 0,001' : `= ${formatNumber(p, 3)}`);
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A table row of exactly these cells. */
const row = (...cells: string[]) => new RegExp(`^${cells.map(literal).join('\\s+')}$`, 'm');
/** A table row starting with these cells. */
const rowStart = (...cells: string[]) => new RegExp(`^${cells.map(literal).join('\\s+')}\\s`, 'm');

describeStores(
  'kommunepuls analyze',
  (test) => {
    test('prints a matrix broken down per item: each group, the test of the item and the tests side by side', async (store, { url }) => {
      await setUp(store);
      const args = ['frequencies', '--role', 'kommunedirektor', '--question', 'kjennskap', '--by', 'storrelse3', '--min-n', '0'];
      const out = analyze(url, ...args);
      const data = json(url, ...args);
      assert.match(out, /^kjennskap: Kjenner du til … \(kommunedirektor, 2019; municipalities\)$/m);
      assert.match(out, /^N per item: 4–5$/m);
      // nettstedet: small 0302 and 0401 said no; medium 0402 yes; large 0301 and 0303 yes.
      const nettsted = out.slice(out.indexOf('\nnettstedet (nettsted)\n', out.indexOf('By ')));
      assert.match(nettsted, /^Små \(under 5 000\) N=2\n.*\n.*\nJa\s+0\s+0,0 %.*\nNei\s+2\s+100,0 %/m);
      assert.match(nettsted, /^Store \(20 000 og over\) N=2\n.*\n.*\nJa\s+2\s+100,0 %/m);
      assert.ok(nettsted.indexOf('statistikken (statistikk)') > 0, 'the second item follows');
      // Every item's test as the JSON has it, on its own line and in the table of tests, with the
      // Holm-adjusted p over the two items that decides "significant".
      assert.equal(data.item_tests.length, 2);
      type Item = { key: string; test: { statistic: number; df: number; p: number; p_adjusted: number; significant: boolean } };
      for (const t of data.item_tests as Item[]) {
        assert.ok(out.includes(`Pearson chi-square = ${f3(t.test.statistic)}, df = ${t.test.df}, p ${pLine(t.test.p)}`), t.key);
        assert.ok(out.includes(`adjusted p ${pLine(t.test.p_adjusted)} (Holm, 2 tests)`), t.key);
        const label = t.key === 'nettsted' ? 'nettstedet' : 'statistikken';
        const cells = [label, f3(t.test.statistic), String(t.test.df), pCell(t.test.p)];
        assert.match(
          out,
          new RegExp(`${rowStart(...cells).source}.*\\s${pCell(t.test.p_adjusted)}\\s+${t.test.significant ? 'yes' : 'no'}$`, 'm'),
        );
      }
      assert.match(out, /^Test per item:\np adjusted with Holm's method over the 2 tests; significant means adjusted p below 0\.05\.$/m);
      // By default a group with fewer than 5 answers shows its counts but no shares.
      const withheld = analyze(url, ...args.slice(0, -2));
      assert.match(withheld, /^Groups with fewer than 5 answers are shown as "too few answers"\.$/m);
      assert.match(withheld, /^Små \(under 5 000\) N=2 \(too few answers\)\n.*\n.*\nJa\s+0\s+–\s+–\nNei\s+2\s+–\s+–$/m);
    });

    test('prints multiple choice per group and a test per option', async (store, { url }) => {
      await setUp(store);
      const args = ['frequencies', '--role', 'kommunedirektor', '--question', 'samarbeid_med', '--by', 'storrelse3', '--min-n', '1'];
      const out = analyze(url, ...args);
      const data = json(url, ...args);
      // Asked of those who cooperate: 0301, 0303, 0401, 0402 (0401 small; 0402 medium; 0301, 0303 large).
      assert.match(out, /^All N=4$/m);
      assert.match(out, /^Politi\s+3\s+75,0 %/m);
      assert.match(out, /^Store \(20 000 og over\) N=2\n.*\n.*\nPoliti\s+2\s+100,0 %/m);
      assert.match(out, /^Test per option \(chosen or not, by group\):$/m);
      const tests = data.option_tests as { code: number; test: { statistic: number; df: number } | null; no_test?: string }[];
      assert.equal(tests.length, 4);
      const labels = ['Politi', 'Skole', 'Annet (spesifiser)'];
      for (const [i, label] of labels.entries()) {
        const t = tests.find((x) => x.code === i + 1)?.test;
        assert.ok(t, label);
        assert.match(out, rowStart(label, f3(t.statistic), String(t.df)), label);
      }
      // Nobody chose "Ingen av disse": no test, and the row says why.
      assert.equal(tests.find((t) => t.code === 4)?.no_test, 'all_same');
      assert.match(out, /^Ingen av disse\s+–\s+–\s+–\s+–\s+–\s+no test: everyone gave the same answer$/m);
    });

    test('prints a scale with its mean, "Vet ikke" apart and Kruskal–Wallis beside chi-square', async (store, { url }) => {
      await setUp(store);
      const plain = analyze(url, 'frequencies', '--role', 'kommunedirektor', '--question', 'utfordring');
      // Municipalities: 5, 9 (Vet ikke), 4, 2, 1.
      assert.match(plain, /^All N=5$/m);
      assert.match(plain, /^Outside the scale \(share of all who answered\):\n.*\n.*\nVet ikke\s+1\s+20,0 %/m);
      assert.match(plain, /^Scale: N=4 \(answers outside the scale left out\), mean 3,00, top two 50,0 %, bottom two 50,0 %$/m);
      const args = ['frequencies', '--role', 'kommunedirektor', '--question', 'utfordring', '--by', 'storrelse3'];
      const out = analyze(url, ...args);
      const kw = json(url, ...args).test.kruskal_wallis as { statistic: number; df: number; p: number; p_exact: number };
      assert.equal(kw.df, 2);
      // Groups of one and two units: the permutation p beside the χ² approximation.
      assert.ok(
        out.includes(
          `Kruskal–Wallis H = ${f3(kw.statistic)}, df = 2, p ${pLine(kw.p)}; exact p ${pLine(kw.p_exact)} (exact permutation test); `,
        ),
        out,
      );
      assert.match(out, /^Pearson chi-square = .*(not )?significant$/m);
      // Norwegian when asked for.
      const nb = run(url, ['analyze', ...args, '--year', '2019'], { KOMMUNEPULS_LANG: 'nb' });
      assert.match(nb, /^svar\s+antall\s+andel\s+95 % KI$/m);
      assert.match(nb, /^Utenfor skalaen \(andel av alle som svarte\):$/m);
      assert.match(nb, /^Skala: N=4 \(uten svar utenfor skalaen\), snitt 3,00/m);
    });

    test('summarises a number question: N, mean, median, quartiles, sum, extremes and classes', async (store, { url }) => {
      await setUp(store);
      const args = ['frequencies', '--role', 'kommunedirektor', '--question', 'antall'];
      // Municipalities 12, 0, 3, 5; R: quantile(c(0, 3, 5, 12), c(.25, .5, .75)) = 2.25 4.00 6.75.
      const out = analyze(url, ...args);
      for (const [label, value] of <[string, string][]>[
        ['N (answered)', '4'],
        ['mean', '5'],
        ['median', '4'],
        ['quartiles (25 % – 75 %)', '2,25 – 6,75'],
        ['sum', '20'],
        ['minimum', '0'],
        ['maximum', '12'],
      ])
        assert.match(out, row(label, value), label);
      assert.match(out, row('0', '1', '25,0 %'));
      assert.match(out, row('3–5', '2', '50,0 %'));
      assert.match(out, row('Over 10', '1', '25,0 %'));
      const data = json(url, ...args);
      assert.deepEqual(
        [data.type, data.n, data.mean, data.median, data.quartiles, data.sum, data.min, data.max],
        ['integer', 4, 5, 4, [2.25, 6.75], 20, 0, 12],
      );
      assert.deepEqual(
        data.classes.map((c: { label: string; count: number }) => [c.label, c.count]),
        [
          ['0', 1],
          ['1–2', 0],
          ['3–5', 2],
          ['6–10', 0],
          ['Over 10', 1],
        ],
      );
      // The districts alone: 40 and 7 (R: 15.25 23.50 31.75); other classes with --classes.
      const districts = json(url, ...args, '--districts', '--classes', '10,50');
      assert.deepEqual([districts.units, districts.n, districts.median, districts.quartiles], ['bydel', 2, 23.5, [15.25, 31.75]]);
      assert.deepEqual(
        districts.classes.map((c: { label: string; count: number }) => [c.label, c.count]),
        [
          ['10', 1],
          ['11–50', 1],
          ['Over 50', 0],
        ],
      );
      const refused = spawnSync(process.execPath, [bin, 'analyze', ...args, '--year', '2019', '--by', 'storrelse3'], {
        encoding: 'utf8',
        env: { ...baseEnv, KOMMUNEPULS_DB: url },
      });
      assert.equal(refused.status, 1);
      assert.equal(refused.stderr, 'error: --by: "antall" is a number question; it is not broken down by group\n');
    });

    test('takes --districts in every analysis, municipalities by default', async (store, { url }) => {
      await setUp(store);
      const kommuner = json(url, 'frequencies', '--role', 'kommunedirektor', '--question', 'samarbeid');
      const bydeler = json(url, 'frequencies', '--role', 'kommunedirektor', '--question', 'samarbeid', '--districts');
      assert.deepEqual([kommuner.units, kommuner.n], ['kommune', 5]);
      assert.deepEqual([bydeler.units, bydeler.n], ['bydel', 2]);
      // Table 1 of the districts: both are over 50 000 (50 000 and 60 000); the groupings no district has a value for are left out.
      const t1 = json(url, 'representativeness', '--districts');
      assert.equal(t1.units, 'bydel');
      assert.equal(t1.population, 2);
      assert.deepEqual(t1.respondents, { kommunedirektor: 2 });
      assert.deepEqual(
        t1.groupings.map((g: { key: string; categories: { label: string; population: number }[] }) => [
          g.key,
          g.categories.map((c) => [c.label, c.population]),
        ]),
        [['storrelse', [['Over 50 000', 2]]]],
      );
      const text = analyze(url, 'representativeness', '--districts');
      assert.match(text, /^Table 1, 2019: the capital's districts and respondents per category and role$/m);
      assert.match(text, row('Over 50 000', '2', '100,0', '2', '100,0', '0,0'));
      // County means and associations of the districts: all in the capital's county; one answer is
      // too few for a mean unless asked otherwise.
      const means = json(url, 'county-means', '--role', 'kommunedirektor', '--question', 'utfordring', '--districts', '--min-n', '0');
      assert.deepEqual(means.counties, [{ county_number: '03', county: 'Sentrum', n: 1, mean: 3 }]);
      const few = run(url, [
        'analyze',
        'county-means',
        '--year',
        '2019',
        '--role',
        'kommunedirektor',
        '--question',
        'utfordring',
        '--districts',
      ]);
      assert.match(few, row('Sentrum', '1', 'too few answers'));
      const assoc = json(url, 'association', '--role', 'kommunedirektor', '--questions', 'samarbeid,utfordring', '--districts');
      assert.deepEqual([assoc.units, assoc.n], ['bydel', 2]);
    });

    test('prints an association with its tests as the JSON has them', async (store, { url }) => {
      await setUp(store);
      const args = ['association', '--role', 'kommunedirektor', '--questions', 'samarbeid,kjennskap.nettsted'];
      const data = json(url, ...args);
      const out = analyze(url, ...args);
      // 0301, 0303, 0402 cooperate and know the site; 0401 cooperates and does not; 0302 neither.
      assert.deepEqual(
        [data.units, data.n, data.table],
        [
          'kommune',
          5,
          [
            [3, 1],
            [0, 1],
            [0, 0],
          ],
        ],
      );
      assert.match(out, /^Samarbeider kommunen\? × Kjenner du til …: nettstedet \(N=5; municipalities\)$/m);
      assert.match(out, row('Ja', '3', '1'));
      // By hand, the empty "Vet ikke" row left out: expected [[2.4, 1.6], [0.6, 0.4]], so χ² = 0.36 ×
      // (1/2.4 + 1/1.6 + 1/0.6 + 1/0.4) = 1.875 on 1 df, p = 0.1709 (R: pchisq(1.875, 1, lower.tail = FALSE));
      // Fisher: the only other table with these margins, [[2, 2], [1, 0]], has probability 0.6, more
      // than the observed C(4,3)C(1,0)/C(5,3) = 0.4, so p = 0.4 (R: fisher.test(matrix(c(3, 0, 1, 1), 2))$p.value).
      const chi = data.chi_square as { statistic: number; df: number; p: number; p_exact: number; exact_method: string };
      assert.equal(chi.exact_method, 'fisher');
      assert.ok(Math.abs(chi.statistic - 1.875) < 1e-12 && Math.abs(chi.p - 0.1709035) < 1e-6 && Math.abs(chi.p_exact - 0.4) < 1e-12);
      assert.match(out, /^Pearson chi-square = 1,875, df = 1, p = 0,171; exact p = 0,400 \(Fisher\); not significant$/m);
    });
  },
  { file: true },
);
