/**
 * One benchmark run in its own process (so peak memory is this run's): imports a synthetic
 * registry and then integreringsansvarlig responses for every unit, on one dialect, and prints
 * one JSON line with times, throughput and peak RSS.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importResponses } from '../src/collect/response-import.ts';
import { testPostgresUrl } from '../src/config/config.ts';
import { importRegistry } from '../src/registry/registry.service.ts';
import { createRound, roundQuestionnaire } from '../src/round/round.service.ts';
import { dropSchema, openStore } from '../src/store/store.ts';
import { syntheticRegistry, syntheticResponses } from './synthetic.ts';

const [dialect = 'sqlite', sizeArg = '422'] = process.argv.slice(2);
const units = Number(sizeArg);
const role = 'integreringsansvarlig';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-bench-'));
const schema = `kp_bench_${randomBytes(4).toString('hex')}`;
const url = dialect === 'postgres' ? testPostgresUrl() : path.join(dir, 'bench.sqlite');
const store = await openStore(url, dialect === 'postgres' ? { schema } : {});
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
  await store.close();
  if (dialect === 'postgres') await dropSchema(testPostgresUrl(), schema);
  fs.rmSync(dir, { recursive: true, force: true });
}
