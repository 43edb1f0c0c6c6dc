import { importResponses } from '../src/collect/response-import.ts';
import { importRegistry } from '../src/registry/registry.service.ts';
import { createRound, roundQuestionnaire } from '../src/round/round.service.ts';
import { openBenchStore } from './store.ts';
import { syntheticRegistry, syntheticResponses } from './synthetic.ts';

const [dialect = 'sqlite', sizeArg = '422'] = process.argv.slice(2);
const units = Number(sizeArg);
const role = 'integreringsansvarlig';

const { store, dispose } = await openBenchStore(dialect, 'import');
try {
  const registry = syntheticRegistry(units);
  let t = performance.now();
  await importRegistry(store, 2019, registry.csv, 'registry.csv');
  const registryMs = performance.now() - t;

  await createRound(store, { year: 2019, template: 'kommuneundersokelse-2019' });
  const qn = await roundQuestionnaire(store, 2019, role);
  const csv = syntheticResponses(qn, registry.numbers);
  t = performance.now();
  const r = await importResponses(store, { year: 2019, role, text: csv, file: 'responses.csv' });
  const responsesMs = performance.now() - t;

  process.stdout.write(
    `${JSON.stringify({
      dialect,
      units,
      registry_ms: Math.round(registryMs),
      registry_rows_per_s: Math.round(units / (registryMs / 1000)),
      responses: r.responses,
      answers: r.answers,
      responses_ms: Math.round(responsesMs),
      responses_rows_per_s: Math.round(r.responses / (responsesMs / 1000)),
      answers_per_s: Math.round(r.answers / (responsesMs / 1000)),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    })}\n`,
  );
} finally {
  await dispose();
}
