import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { type ResponseInput, saveResponses } from '../collect/response.service.ts';
import type { Answer } from '../questionnaire/answer.ts';
import { importMapping, importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv, writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { AppError } from '../shared/errors.ts';
import { describeStores } from '../store/testing.ts';
import { wilson } from './stats/index.ts';
import { trend } from './trend.ts';

/** The mini template as it was a year earlier: "samarbeid" had no "Vet ikke" (as tolk_retningslinjer before 2019). */
function earlierTemplate(): string {
  const dir = writeMiniTemplate();
  const file = path.join(dir, 'kommunedirektor.yaml');
  const qn = YAML.parse(fs.readFileSync(file, 'utf8'));
  const q = qn.questions.find((x: { key: string }) => x.key === 'samarbeid');
  q.options = q.options.filter((o: { code: number }) => o.code !== 9);
  fs.writeFileSync(file, YAML.stringify(qn));
  return dir;
}

const answer = (unitNumber: string, code: number): ResponseInput => ({
  unitNumber,
  status: 'submitted',
  answers: new Map<string, Answer>([['samarbeid', { kind: 'codes', codes: [code] }]]),
  startedAt: new Date('2020-01-05T08:00:00Z'),
  submittedAt: new Date('2020-01-06T08:00:00Z'),
});

describeStores('trends', (test) => {
  test('gives the share per year with its interval, leaving out options that did not exist every year', async (store) => {
    await importRegistry(store, 2018, miniRegistryCsv, 'r2018.csv');
    await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    await createRound(store, { year: 2018, template: earlierTemplate() });
    await createRound(store, { year: 2019, template: writeMiniTemplate() });
    await saveResponses(store, 2018, 'kommunedirektor', [answer('0301', 1), answer('0302', 2), answer('0303', 2), answer('0401', 1)]);
    await saveResponses(store, 2019, 'kommunedirektor', [
      answer('0301', 1),
      answer('0302', 1),
      answer('0303', 9),
      answer('0401', 1),
      answer('0402', 2),
    ]);
    const t = await trend(store, 'kommunedirektor', 'samarbeid', [1], 2017, 2019, { fpc: true });
    assert.deepEqual(t.missingYears, [2017]);
    assert.deepEqual(t.excludedOptions, [{ code: 9, label: 'Vet ikke', years: [2019] }]);
    assert.deepEqual(
      t.years.map((y) => [y.year, y.n, y.count, y.share, y.population]),
      [
        [2018, 4, 2, 0.5, 6],
        [2019, 4, 3, 0.75, 6],
      ],
      '2019: the "Vet ikke" answer leaves the base',
    );
    assert.deepEqual(t.years[1]?.ci95, wilson(3, 4, { fpc: { population: 6 } }));
    assert.equal(t.fpc, true);
    assert.deepEqual(t.years[1]?.fpc, { applied: true, population: 6, reason: null }, 'each year says whether its interval has the FPC');
    const plain = await trend(store, 'kommunedirektor', 'samarbeid', [1], 2018, 2019);
    assert.deepEqual(plain.years[1]?.fpc, { applied: false, population: 6, reason: 'not_requested' });
    assert.deepEqual(plain.years[1]?.ci95, wilson(3, 4));
    await assert.rejects(trend(store, 'kommunedirektor', 'samarbeid', [9], 2018, 2019), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.match(e.message, /does not exist every year/);
      assert.match(e.text('nb'), /^svaralternativ 9 i «samarbeid» finnes ikke alle årene \(det gjør [\d, ]+\)$/);
      return true;
    });
  });

  test('breaks a trend down by the newest division’s categories, mapping merged units onto it', async (store) => {
    // 2019: Fjellbygd (0401, 4 000) and Dalbygd (0402, 8 000) merge into Fjelldal (0404, 12 000) in 2020.
    const registry2020 = miniRegistryCsv
      .replace('0401;Fjellbygd;04;Innlandet;4000;\n', '')
      .replace('0402;Dalbygd;04;Innlandet;8000;12', '0404;Fjelldal;04;Innlandet;12000;12');
    await importRegistry(store, 2019, miniRegistryCsv, 'r2019.csv');
    await importRegistry(store, 2020, registry2020, 'r2020.csv');
    await importMapping(store, 2019, 2020, 'fra_nummer,til_nummer\n0401,0404\n0402,0404\n', 'map.csv');
    await createRound(store, { year: 2019, template: writeMiniTemplate() });
    await createRound(store, { year: 2020, template: writeMiniTemplate(), registryYear: 2020 });
    await saveResponses(store, 2019, 'kommunedirektor', [answer('0401', 1), answer('0402', 2), answer('0302', 1)]);
    await saveResponses(store, 2020, 'kommunedirektor', [answer('0404', 1), answer('0302', 2)]);
    const t = await trend(store, 'kommunedirektor', 'samarbeid', [1], 2019, 2020, { by: 'storrelse3' });
    assert.deepEqual(t.by, { key: 'storrelse3', label: t.by?.label, registryYear: 2020 });
    const small = (y: number) => t.years.find((x) => x.year === y)?.groups?.map((g) => [g.label, g.n, g.count]);
    // In 2019 the two small municipalities count as the medium-sized Fjelldal they became.
    assert.deepEqual(small(2019), [
      ['Små (under 5 000)', 1, 1],
      ['Mellomstore (5 000 - 19 999)', 2, 1],
      ['Store (20 000 og over)', 0, 0],
    ]);
    assert.deepEqual(small(2020), [
      ['Små (under 5 000)', 1, 0],
      ['Mellomstore (5 000 - 19 999)', 1, 1],
      ['Store (20 000 og over)', 0, 0],
    ]);
  });
});
