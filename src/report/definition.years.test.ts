import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadReportDefinition, parseReportDefinition } from './definition.ts';
import { relativeYears, trendYears } from './definition.years.ts';

const definition = (text: string, years: [number, number] = [2015, 2019]) =>
  parseReportDefinition(
    JSON.stringify({
      title: 'Rapport 2019',
      chapters: [
        {
          id: 'tiltak_2019',
          title: 'Utviklingen 2015–2019',
          blocks: [
            { text },
            {
              figure: {
                id: 'trend-2019',
                kind: 'trend',
                title: 'I perioden 2015 til 2019',
                questions: [{ role: 'kommunedirektor', question: 'tolk_2019' }],
                codes: [1],
                years,
              },
            },
          ],
        },
      ],
    }),
  );

describe('years relative to the round', () => {
  it('turns the round year and the years before it into placeholders in every text field', () => {
    const { definition: d, replaced } = relativeYears(definition('I 2019 (2019-inndeling), mot 2015 og 2018.'), 2019);
    const chapter = d.chapters[0];
    assert.equal(d.title, 'Rapport {{year}}');
    assert.equal(chapter?.title, 'Utviklingen {{year offset=-4}}–{{year}}');
    assert.deepEqual(chapter?.blocks[0], { text: 'I {{year}} ({{year}}-inndeling), mot {{year offset=-4}} og {{year offset=-1}}.' });
    const fig = chapter?.blocks[1];
    assert.ok(fig && 'figure' in fig);
    assert.equal(fig.figure.title, 'I perioden {{year offset=-4}} til {{year}}');
    assert.deepEqual(
      replaced.map((r) => [r.year, r.placeholder, r.count]),
      [
        [2015, '{{year offset=-4}}', 3],
        [2018, '{{year offset=-1}}', 1],
        [2019, '{{year}}', 5],
      ],
    );
  });

  it('leaves names, placeholders, decimals, longer numbers and years far from the round alone', () => {
    const text = 'Loven fra 1990 gjelder til 2030; {{share role=skolesjef question=x codes=2019}} av 12019 og 0,2019 og 2019a.';
    const { definition: d, replaced } = relativeYears(definition(text), 2019);
    assert.deepEqual(d.chapters[0]?.blocks[0], { text });
    assert.equal(d.chapters[0]?.id, 'tiltak_2019');
    const fig = d.chapters[0]?.blocks[1];
    assert.ok(fig && 'figure' in fig);
    assert.equal(fig.figure.id, 'trend-2019');
    assert.equal(fig.figure.questions[0]?.question, 'tolk_2019');
    assert.equal(
      replaced.find((r) => r.year === 1990 || r.year === 2030),
      undefined,
    );
  });

  it("makes a trend's years offsets and keeps offsets that are offsets already", () => {
    const abs = relativeYears(definition('x'), 2019);
    const fig = abs.definition.chapters[0]?.blocks[1];
    assert.ok(fig && 'figure' in fig);
    assert.deepEqual(fig.figure.years, [-4, 0]);
    assert.equal(abs.trends, 1);
    const rel = relativeYears(definition('x', [-4, 0]), 2019);
    const same = rel.definition.chapters[0]?.blocks[1];
    assert.ok(same && 'figure' in same);
    assert.deepEqual(same.figure.years, [-4, 0]);
    assert.equal(rel.trends, 0);
  });

  it('reads offsets from the round and years as years', () => {
    assert.deepEqual(trendYears([-4, 0], 2020), [2016, 2020]);
    assert.deepEqual(trendYears([2015, 2019], 2020), [2015, 2019]);
  });

  it('finds no year written into the built-in definition', () => {
    const builtin = loadReportDefinition('kommuneundersokelse-2019');
    assert.deepEqual(relativeYears(builtin, 2019).replaced, []);
    assert.doesNotMatch(JSON.stringify(builtin), /(?<!\d)(19|20)\d\d(?!\d)/);
  });
});
