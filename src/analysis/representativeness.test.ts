import assert from 'node:assert/strict';
import { type ResponseInput, saveResponses } from '../collect/response.service.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { describeStores } from '../store/testing.ts';
import { representativeness, representativenessJson } from './representativeness.ts';

const template = writeMiniTemplate();

/**
 * 422 municipalities as in Table 1 of the 2019 report: 95 under 2 000 inhabitants, 327 larger;
 * 230 integreringsansvarlig respondents, 45 of them small. Plus two districts that must not count.
 */
// Four-digit numbers start with the county's two digits: 90 municipalities per county 10–14.
// The last one is the capital, 0301, whose districts answer apart.
const countyOf = (i: number) => (i === 421 ? 3 : 10 + Math.floor(i / 90));
const numberOf = (i: number) => (i === 421 ? '0301' : String(countyOf(i) * 100 + (i % 90)));

function table1Registry(): string {
  const lines = ['kommunenummer;navn;fylkesnummer;fylkesnavn;folketall;sentralitet'];
  for (let i = 0; i < 422; i++) {
    const number = numberOf(i);
    const county = [String(countyOf(i)).padStart(2, '0'), `Fylke ${String(countyOf(i)).padStart(2, '0')}`];
    const pop = i < 95 ? 1000 + i : 5000 + i * 10;
    lines.push(`${number};Kommune ${i};${county[0]};${county[1]};${pop};${(i % 6) + 1}`);
  }
  lines.push('030101;Bydel A;03;Fylke 03;40000;1', '030102;Bydel B;03;Fylke 03;40000;1');
  return lines.join('\n');
}

const submitted = (unitNumber: string): ResponseInput => ({
  unitNumber,
  status: 'submitted',
  answers: new Map(),
  startedAt: new Date('2020-01-05T08:00:00Z'),
  submittedAt: new Date('2020-01-06T08:00:00Z'),
});

describeStores('representativeness', (test) => {
  test('compares the respondents with the population per category in percentage points, as Table 1 does', async (store) => {
    await importRegistry(store, 2019, table1Registry(), 'r.csv');
    await createRound(store, { year: 2019, template });
    const small = Array.from({ length: 45 }, (_, i) => numberOf(i));
    const large = Array.from({ length: 185 }, (_, i) => numberOf(95 + i));
    await saveResponses(store, 2019, 'integreringsansvarlig', [...small, ...large, '030101'].map(submitted));
    await saveResponses(store, 2019, 'skolesjef', ['1000', '1200'].map(submitted));
    const r = representativenessJson(await representativeness(store, 2019, ['storrelse', 'fylke']));
    assert.equal(r.population, 422, 'districts are not part of the population');
    assert.deepEqual(r.respondents, { integreringsansvarlig: 230, skolesjef: 2 });
    const size = r.groupings[0];
    assert.equal(size?.key, 'storrelse');
    const under2000 = size?.categories[0];
    assert.equal(under2000?.label, 'Under 2 000');
    assert.equal(under2000?.population, 95);
    assert.equal(under2000?.respondents.integreringsansvarlig, 45);
    // The report: 45/230 − 95/422 = −3 points (unrounded −2.946630949927...: 19.5652 % − 22.5118 %).
    assert.ok(Math.abs((under2000?.diff_pp.integreringsansvarlig ?? 0) - 100 * (45 / 230 - 95 / 422)) < 1e-9);
    assert.ok(Math.abs((under2000?.diff_pp.integreringsansvarlig ?? 0) - -2.9466309499) < 1e-9);
    assert.equal(under2000?.diff_pp.skolesjef, 100 * (1 / 2 - 95 / 422));
    const sum = size?.categories.reduce((s, c) => s + c.population, 0);
    assert.equal(sum, 422);
    const counties = r.groupings[1];
    // Respondents are municipalities 0–44 and 95–279 in order: counties 10 (90), 11 (45+40), 12 (90), 13 (10).
    assert.deepEqual(
      counties?.categories.map((c) => [c.label, c.population, c.respondents.integreringsansvarlig]),
      [
        ['Fylke 03', 1, 0],
        ['Fylke 10', 90, 45],
        ['Fylke 11', 90, 85],
        ['Fylke 12', 90, 90],
        ['Fylke 13', 90, 10],
        ['Fylke 14', 61, 0],
      ],
    );
  });
});
