import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { builtinGroupings } from '../registry/grouping.builtin.ts';
import { classify, type Grouping } from '../registry/grouping.ts';
import type { Unit } from '../registry/registry.types.ts';
import { demoRegistry, type ReferenceUnit, referenceRegistry, registryForYear } from './registry.demo.ts';

const units = demoRegistry();
const municipalities = units.filter((u) => u.kind === 'kommune');
const districts = units.filter((u) => u.kind === 'bydel');
const attr = (u: Unit, key: string): number => u.attributes[key] ?? Number.NaN;
const sum = (xs: readonly Unit[], key: string) => xs.reduce((s, u) => s + attr(u, key), 0);

/** The "Alle kommuner" column of the 2019 report's Table 1, by grouping key, in category order. */
const table1: Record<string, number[]> = {
  storrelse: [95, 125, 89, 54, 43, 16],
  sentralitet: [8, 26, 63, 105, 119, 101],
  innvandrerandel: [4, 192, 176, 50],
  ar_med_bosetting: [15, 20, 51, 103, 32, 201],
};

function countBy(g: Grouping, list: readonly Unit[]): number[] {
  const out: number[] = [];
  for (const u of list) {
    const c = classify(g, u);
    assert.ok(c, `${u.number} has no ${g.key} category`);
    out[c.index] = (out[c.index] ?? 0) + 1;
  }
  return Array.from(out, (n) => n ?? 0);
}

describe('demoRegistry', () => {
  it('makes 422 municipalities in 18 counties and 15 districts of the capital', () => {
    assert.equal(municipalities.length, 422);
    assert.equal(new Set(municipalities.map((u) => u.countyNumber)).size, 18);
    assert.equal(new Set(municipalities.map((u) => u.countyName)).size, 18);
    assert.equal(districts.length, 15);
    assert.deepEqual(
      districts.map((u) => u.number),
      Array.from({ length: 15 }, (_, k) => `0301${String(k + 1).padStart(2, '0')}`),
    );
    const capital = municipalities.find((u) => u.number === '0301');
    assert.ok(capital);
    for (const d of districts) {
      assert.equal(d.parentNumber, '0301');
      assert.equal(d.countyNumber, capital.countyNumber);
      assert.equal(d.countyName, capital.countyName);
    }
  });

  it('numbers municipalities with four digits starting with their county number, each once', () => {
    for (const u of municipalities) {
      assert.match(u.number, /^\d{4}$/);
      assert.equal(u.number.slice(0, 2), u.countyNumber);
      assert.equal(u.parentNumber, null);
    }
    assert.equal(new Set(units.map((u) => u.number)).size, units.length);
    assert.equal(new Set(units.map((u) => u.name)).size, units.length, 'names are unique');
  });

  for (const seed of [2019, 7, 424242]) {
    it(`matches the Alle kommuner column of Table 1 for every grouping (seed ${seed})`, () => {
      const list = demoRegistry(seed).filter((u) => u.kind === 'kommune');
      for (const [key, expected] of Object.entries(table1)) {
        const g = builtinGroupings.find((x) => x.key === key);
        assert.ok(g, key);
        assert.deepEqual(countBy(g, list), expected, key);
      }
    });
  }

  it('gives the same registry for the same seed and another for another seed', () => {
    assert.deepEqual(demoRegistry(2019), units);
    assert.notDeepEqual(demoRegistry(2020), units);
  });

  it('makes the capital the largest, most central municipality in a country of about 5.3 million', () => {
    const capital = municipalities.find((u) => u.number === '0301') as Unit;
    assert.ok(attr(capital, 'folketall') >= 650_000 && attr(capital, 'folketall') <= 730_000);
    assert.equal(attr(capital, 'sentralitet'), 1);
    assert.equal(Math.max(...municipalities.map((u) => attr(u, 'folketall'))), attr(capital, 'folketall'));
    const total = sum(municipalities, 'folketall');
    assert.ok(Math.abs(total - 5_300_000) < 200_000, `total ${total}`);
    const inDistricts = sum(districts, 'folketall');
    assert.ok(Math.abs(inDistricts / attr(capital, 'folketall') - 1) < 0.1, `districts ${inDistricts}`);
  });

  it('makes larger municipalities more central and likelier to settle every year', () => {
    const small = municipalities.filter((u) => attr(u, 'folketall') < 2000);
    const large = municipalities.filter((u) => attr(u, 'folketall') >= 20_000);
    const mean = (xs: Unit[], key: string) => sum(xs, key) / xs.length;
    assert.ok(mean(large, 'sentralitet') < mean(small, 'sentralitet') - 1.5);
    assert.equal(small.filter((u) => attr(u, 'ar_med_bosetting') === 5).length, 3, 'of the 95 smallest only 3 settled all five years');
    assert.ok(large.filter((u) => attr(u, 'ar_med_bosetting') === 5).length > large.length * 0.8);
  });

  it('settles refugees in 2019 consistently with the years with settlement', () => {
    const settled = (u: Unit) => attr(u, 'bosatt_mottak') + attr(u, 'bosatt_overforing') > 0;
    for (const u of municipalities) {
      if (attr(u, 'ar_med_bosetting') === 5) assert.ok(settled(u), `${u.number} settled every year, so in 2019 too`);
      if (attr(u, 'ar_med_bosetting') === 0) assert.ok(!settled(u), `${u.number} never settled`);
    }
    const share = municipalities.filter(settled).length / municipalities.length;
    assert.ok(share > 0.45 && share < 0.6, `settled in 2019: ${share}`);
    assert.equal(municipalities.filter((u) => attr(u, 'ar_med_bosetting') === 3 && settled(u)).length, 5);
    assert.ok(municipalities.some((u) => attr(u, 'bosatt_mottak') > 0 && attr(u, 'bosatt_overforing') > 0));
  });

  it('gives about a fifth, mostly small ones, no introduction-programme participants', () => {
    const none = municipalities.filter((u) => attr(u, 'deltakere_intro') === 0);
    assert.ok(Math.abs(none.length / municipalities.length - 0.2) < 0.02);
    assert.ok(none.filter((u) => attr(u, 'folketall') < 5000).length > none.length * 0.7);
    for (const u of municipalities) {
      const settledNow = attr(u, 'bosatt_mottak') + attr(u, 'bosatt_overforing');
      assert.ok(Number.isInteger(attr(u, 'deltakere_intro')) && attr(u, 'deltakere_intro') >= (settledNow > 0 ? 1 : 0));
    }
  });

  it('gives whole-number attributes, shares with one decimal and immigrants to match', () => {
    for (const u of units) {
      for (const key of ['folketall', 'innvandrere', 'deltakere_intro', 'bosatt_mottak', 'bosatt_overforing', 'sentralitet']) {
        assert.ok(Number.isInteger(attr(u, key)) && attr(u, key) >= 0, `${u.number} ${key}`);
      }
      const share = attr(u, 'innvandrerandel');
      assert.equal(Math.round(share * 10) / 10, share);
      assert.equal(attr(u, 'innvandrere'), Math.round((attr(u, 'folketall') * share) / 100));
    }
  });

  it('gives districts 20 000–60 000 people, 15–50 % immigrants and the top centrality', () => {
    for (const d of districts) {
      assert.ok(attr(d, 'folketall') >= 20_000 && attr(d, 'folketall') <= 60_000);
      assert.ok(attr(d, 'innvandrerandel') >= 15 && attr(d, 'innvandrerandel') <= 50);
      assert.equal(attr(d, 'sentralitet'), 1);
    }
  });

  it('uses no real municipality, county or district names', (t) => {
    const geo = (year: string, file: string) => path.resolve('..', 'shared', 'reference', 'geo', year, file);
    if (!fs.existsSync(geo('2019', 'kommune.geojson'))) {
      t.skip('reference data absent: ../shared/reference');
      return;
    }
    const real = new Set<string>();
    for (const year of ['2019', '2020', '2024']) {
      for (const [file, keys] of [
        ['kommune.geojson', ['kommune_name', 'fylke_name']],
        ['bydel.geojson', ['bydel_name']],
      ] as const) {
        if (!fs.existsSync(geo(year, file))) continue;
        const features = (JSON.parse(fs.readFileSync(geo(year, file), 'utf8')) as { features: { properties: Record<string, unknown> }[] })
          .features;
        for (const f of features) {
          for (const key of keys) {
            const name = f.properties[key];
            // Multilingual names ("Trondheim - Tråante") count in full and by each part.
            if (typeof name === 'string') for (const part of [name, ...name.split(' - ')]) real.add(part.trim().toLowerCase());
          }
        }
      }
    }
    assert.ok(real.size > 400, 'the reference names were read');
    for (const seed of [2019, 7, 424242]) {
      for (const u of demoRegistry(seed)) {
        for (const name of [u.name, u.countyName, u.countyName.replace(/ fylke$/, '')]) {
          assert.ok(!real.has(name.toLowerCase()), `"${name}" is a real name`);
        }
      }
    }
  });
});

describe('referenceRegistry', () => {
  // A stand-in for a real division: the demo's own numbers and populations under other names.
  const real: ReferenceUnit[] = municipalities.map((u) => ({
    number: u.number,
    name: `Ekte ${u.number}`,
    countyNumber: u.countyNumber,
    countyName: `Fylke ${u.countyNumber}`,
    population: attr(u, 'folketall'),
  }));
  const parts: ReferenceUnit[] = districts.map((d) => ({ ...d, name: `Del ${d.number}`, population: attr(d, 'folketall') }));
  const made = referenceRegistry(real, parts, 2019, '0301');

  it('keeps the real numbers, names, counties and populations, with the districts under the capital', () => {
    assert.equal(made.length, 437);
    for (const r of real) {
      const u = made.find((x) => x.number === r.number);
      assert.ok(u, r.number);
      assert.deepEqual(
        [u.name, u.countyNumber, u.countyName, u.kind, u.parentNumber],
        [r.name, r.countyNumber, r.countyName, 'kommune', null],
      );
      assert.equal(attr(u, 'folketall'), r.population);
    }
    const made15 = made.filter((u) => u.kind === 'bydel');
    assert.equal(made15.length, 15);
    assert.ok(made15.every((d) => d.parentNumber === '0301' && d.countyName === 'Fylke 03' && d.name.startsWith('Del ')));
  });

  it("draws the attributes the reference lacks by rank, matching Table 1's counts", () => {
    const list = made.filter((u) => u.kind === 'kommune');
    for (const [key, expected] of Object.entries(table1)) {
      const g = builtinGroupings.find((x) => x.key === key);
      assert.ok(g, key);
      assert.deepEqual(countBy(g, list), expected, key);
    }
    assert.equal(attr(made.find((u) => u.number === '0301') as Unit, 'sentralitet'), 1, 'the capital is the most central');
    assert.deepEqual(referenceRegistry(real, parts, 2019, '0301'), made, 'deterministic');
  });

  it('scales the class counts for a division of another size', () => {
    const fewer = referenceRegistry(real.slice(0, 356), [], 7, '0301').filter((u) => u.kind === 'kommune');
    assert.equal(fewer.length, 356);
    const g = builtinGroupings.find((x) => x.key === 'sentralitet') as Grouping;
    assert.equal(
      countBy(g, fewer).reduce((s, n) => s + n, 0),
      356,
    );
  });
});

describe('registryForYear', () => {
  it('keeps the division and lowers populations a little the further back, the same each time', () => {
    const y2015 = registryForYear(units, 2019, 2015);
    const y2018 = registryForYear(units, 2019, 2018);
    assert.deepEqual(
      y2015.map((u) => [u.number, u.name, u.kind]),
      units.map((u) => [u.number, u.name, u.kind]),
    );
    const total = (list: readonly Unit[]) =>
      sum(
        list.filter((u) => u.kind === 'kommune'),
        'folketall',
      );
    assert.ok(total(y2015) < total(y2018) && total(y2018) < total(municipalities));
    assert.ok(total(y2015) > 0.94 * total(municipalities), `${total(y2015)}`);
    for (const u of y2015) assert.equal(attr(u, 'innvandrere'), Math.round((attr(u, 'folketall') * attr(u, 'innvandrerandel')) / 100));
    assert.deepEqual(registryForYear(units, 2019, 2015), y2015);
    assert.deepEqual(registryForYear(units, 2019, 2019), units);
  });
});
