import assert from 'node:assert/strict';
import { type ResponseInput, saveResponses } from '../collect/response.service.ts';
import { importRegistry } from '../registry/registry.service.ts';
import { writeMiniTemplate } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { describeStores } from '../store/testing.ts';
import { representativeness, representativenessJson } from './representativeness.ts';

const template = writeMiniTemplate();

// Four municipalities and the capital's four districts. Districts have size and immigrant share
// but, as in the demo, no years with settlement and one centrality.
const registry = [
  'kommunenummer;navn;fylkesnummer;fylkesnavn;folketall;sentralitet;innvandrerandel;ar_med_bosetting',
  '0301;Hovedstad;03;Sentrum;160000;1;25;5',
  '0302;Lillevik;03;Sentrum;1500;6;4;0',
  '0401;Fjellbygd;04;Innlandet;4000;5;6;2',
  '0402;Dalbygd;04;Innlandet;8000;4;12;5',
  '030101;Bydel Nord;03;Sentrum;30000;1;18;',
  '030102;Bydel Sør;03;Sentrum;45000;1;31;',
  '030103;Bydel Øst;03;Sentrum;52000;1;40;',
  '030104;Bydel Vest;03;Sentrum;33000;1;9;',
].join('\n');

const submitted = (unitNumber: string): ResponseInput => ({
  unitNumber,
  status: 'submitted',
  answers: new Map(),
  startedAt: new Date('2020-01-05T08:00:00Z'),
  submittedAt: new Date('2020-01-06T08:00:00Z'),
});

describeStores("representativeness of the capital's districts", (test) => {
  test("compares the districts' respondents with the districts, leaving out what no district has", async (store) => {
    await importRegistry(store, 2019, registry, 'r.csv');
    await createRound(store, { year: 2019, template });
    await saveResponses(store, 2019, 'kommunedirektor', ['0301', '0402', '030101', '030102', '030103'].map(submitted));
    const r = representativenessJson(await representativeness(store, 2019, undefined, { kind: 'bydel' }));
    assert.equal(r.units, 'bydel');
    assert.equal(r.population, 4, 'the four districts, not the municipalities');
    assert.deepEqual(r.respondents, { kommunedirektor: 3 });
    // Years with settlement: no district has a value, so the grouping is left out; the size classes
    // and immigrant shares without a district are left out too.
    assert.deepEqual(
      r.groupings.map((g) => [g.key, g.categories.map((c) => [c.label, c.population, c.respondents.kommunedirektor])]),
      [
        [
          'storrelse',
          [
            ['20 000 - 49 999', 3, 2],
            ['Over 50 000', 1, 1],
          ],
        ],
        ['sentralitet', [['1', 4, 3]]],
        [
          'innvandrerandel',
          [
            ['5 - 9,9', 1, 0],
            ['Over 15', 3, 3],
          ],
        ],
      ],
    );
    // 2 of 3 respondents against 3 of 4 districts: −8.3 points.
    assert.equal(r.groupings[0]?.categories[0]?.diff_pp.kommunedirektor, 100 * (2 / 3 - 3 / 4));
    // Asked for by name, a grouping without district values is shown, with all districts lacking it.
    const named = representativenessJson(await representativeness(store, 2019, ['ar_med_bosetting'], { kind: 'bydel' }));
    assert.deepEqual(
      named.groupings.map((g) => [g.key, g.units_without_value, g.categories.length]),
      [['ar_med_bosetting', 4, 0]],
    );
    // The municipalities' Table 1 is as before: every category, districts not counted.
    const m = representativenessJson(await representativeness(store, 2019));
    assert.equal(m.units, 'kommune');
    assert.equal(m.population, 4);
    assert.deepEqual(m.respondents, { kommunedirektor: 2 });
    assert.equal(m.groupings.find((g) => g.key === 'storrelse')?.categories.length, 6);
    assert.equal(m.groupings.find((g) => g.key === 'ar_med_bosetting')?.categories.length, 6);
  });
});
