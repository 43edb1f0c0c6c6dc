import assert from 'node:assert/strict';
import { importRegistry } from '../registry/registry.service.ts';
import { miniRegistryCsv } from '../round/fixtures.ts';
import { createRound } from '../round/round.service.ts';
import { AppError } from '../shared/errors.ts';
import { say } from '../shared/i18n/message.ts';
import type { Store } from '../store/store.ts';
import { describeStores } from '../store/testing.ts';
import type { ReportBlock } from './build.ts';
import { definitionVersion, definitionVersions, restoreVersion, roundDefinition, saveDefinition } from './definition.service.ts';
import { loadReportDefinition, type ReportDefinition } from './definition.ts';
import { buildChapter, definitionFor, makeReportFiles } from './report.service.ts';
import { createRoundWithReport } from './round-copy.ts';

const builtin = () => loadReportDefinition('kommuneundersokelse-2019');

async function round2019(store: Store) {
  await importRegistry(store, 2019, miniRegistryCsv, 'r.csv');
  await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
}

const figures = (blocks: readonly ReportBlock[]) => blocks.filter((b) => b.kind === 'figure');
const strings = (d: ReportDefinition) => JSON.stringify(d);

/** The definition with the first chapter's first text replaced. */
function withText(d: ReportDefinition, text: string): ReportDefinition {
  const [first, ...rest] = d.chapters;
  assert.ok(first);
  return { ...d, chapters: [{ ...first, blocks: [{ text }, ...first.blocks.slice(1)] }, ...rest] };
}

describeStores("a round's report definition", (test) => {
  test('a 2020 round made from 2019 builds a report of 2016–2020 and keeps no 2019 in its definition', async (store) => {
    await round2019(store);
    const made = await createRoundWithReport(
      store,
      { year: 2020, from: 2019, registryYear: 2019, byUser: 'Ada' },
      new Date('2020-06-01T10:00:00Z'),
    );
    assert.deepEqual(made.definition.replaced, [], 'the built-in definition names no year');
    const own = await roundDefinition(store, 2020);
    assert.equal(own.version?.version, 1);
    assert.equal(own.version?.by, 'Ada');
    assert.equal(own.version?.at.toISOString(), '2020-06-01T10:00:00.000Z');
    assert.equal(own.version?.note && say(own.version.note, 'nb'), 'Kopiert fra 2019');
    assert.doesNotMatch(strings(own.definition), /2019/);

    const files = await makeReportFiles(store, 2020, { pdf: false, chromium: '' });
    assert.equal(files.report.title, 'IMDis kommuneundersøkelse 2020');
    const trend = files.report.chapters.flatMap((c) => figures(c.blocks)).find((b) => b.kind === 'figure' && b.id === 'tolk-trend');
    assert.ok(trend?.kind === 'figure' && trend.data.kind === 'trend');
    assert.match(trend.caption, /i perioden 2016 til 2020 på andelen/);
    const years = [...trend.data.series.flatMap((s) => s.points.map((p) => p.year)), ...trend.data.missingYears].sort();
    assert.deepEqual(years, [2016, 2017, 2018, 2019, 2020]);
    assert.match(files.html, /viser utviklingen siden 2016\./);
  });

  test("a 2019 text's own years become placeholders in the 2020 copy and say 2020 there", async (store) => {
    await round2019(store);
    const written = withText(builtin(), 'I 2019 svarte flere enn i 2015. Loven fra 1990 står.');
    await saveDefinition(store, 2019, written, { byUser: 'Ada', now: new Date('2020-02-01T10:00:00Z') });
    const made = await createRoundWithReport(store, { year: 2020, from: 2019, registryYear: 2019 });
    assert.deepEqual(
      made.definition.replaced.map((r) => [r.year, r.placeholder]),
      [
        [2015, '{{year offset=-4}}'],
        [2019, '{{year}}'],
      ],
    );
    const own = await roundDefinition(store, 2020);
    assert.deepEqual(own.definition.chapters[0]?.blocks[0], {
      text: 'I {{year}} svarte flere enn i {{year offset=-4}}. Loven fra 1990 står.',
    });
    assert.equal(
      own.version?.note && say(own.version.note, 'nb'),
      'Kopiert fra 2019; årstall gjort relative: 2015 → {{year offset=-4}}, 2019 → {{year}}',
    );
    const chapter = await buildChapter(store, 2020, 0);
    assert.deepEqual(chapter.problems, []);
    assert.match(chapter.html, /<p>I 2020 svarte flere enn i 2016\. Loven fra 1990 står\.<\/p>/);
    // The 2019 round's own report still says 2019.
    assert.match((await buildChapter(store, 2019, 0)).html, /<p>I 2019 svarte flere enn i 2015\./);
  });

  test('keeps every save as a version with who and when, builds the newest, and restores an old one as a new version', async (store) => {
    await round2019(store);
    assert.equal((await roundDefinition(store, 2019)).version, null, 'the built-in one until a save');
    assert.equal((await definitionFor(store, 2019)).label, 'kommuneundersokelse-2019');
    const first = withText(builtin(), 'Første utkast.');
    const v1 = await saveDefinition(store, 2019, first, { byUser: 'Ada', now: new Date('2020-02-01T10:00:00Z') });
    const v2 = await saveDefinition(store, 2019, withText(builtin(), 'Andre utkast.'), {
      byUser: 'Bo',
      now: new Date('2020-02-02T10:00:00Z'),
    });
    assert.equal(await saveDefinition(store, 2019, withText(builtin(), 'Andre utkast.'), { byUser: 'Bo' }), null, 'nothing changed');
    assert.deepEqual(
      (await definitionVersions(store, 2019)).map((v) => [v.version, v.by, v.at.toISOString()]),
      [
        [1, 'Ada', '2020-02-01T10:00:00.000Z'],
        [2, 'Bo', '2020-02-02T10:00:00.000Z'],
      ],
    );
    assert.equal(v1?.version, 1);
    assert.equal(v2?.version, 2);
    assert.equal((await definitionFor(store, 2019)).label, 'versjon 2');
    assert.match((await makeReportFiles(store, 2019, { pdf: false, chromium: '' })).html, /<p>Andre utkast\.<\/p>/);
    // A named definition still overrides the round's own.
    assert.doesNotMatch(
      (await makeReportFiles(store, 2019, { pdf: false, chromium: '', definition: 'kommuneundersokelse-2019' })).html,
      /Andre utkast/,
    );

    const v3 = await restoreVersion(store, 2019, 1, { byUser: 'Cy', now: new Date('2020-02-03T10:00:00Z') });
    assert.equal(v3?.version, 3);
    assert.equal(v3?.by, 'Cy');
    assert.equal(v3?.note && say(v3.note, 'nb'), 'Gjenopprettet fra versjon 1');
    assert.deepEqual((await roundDefinition(store, 2019)).definition, first);
    assert.deepEqual((await definitionVersion(store, 2019, 2)).definition.chapters[0]?.blocks[0], { text: 'Andre utkast.' });
    await assert.rejects(definitionVersion(store, 2019, 9), (e: unknown) => e instanceof AppError && e.code === 'not_found');
  });

  test('refuses a definition that does not validate, naming the field, and saves nothing', async (store) => {
    await round2019(store);
    const bad = { ...builtin(), chapters: [{ title: '', blocks: [] }] };
    await assert.rejects(
      saveDefinition(store, 2019, bad, { byUser: 'Ada' }),
      (e: unknown) => e instanceof AppError && /chapters\[0\]\.title/.test(e.text('nb')),
    );
    assert.deepEqual(await definitionVersions(store, 2019), []);
  });
});
