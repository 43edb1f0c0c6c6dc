/**
 * `npm run bench`: each scenario runs in a child process (so its peak memory is its own) and the
 * figures are printed as a table. BENCH_SIZES (e.g. "422,10000") and BENCH_DIALECTS narrow a run.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sizes = (process.env.BENCH_SIZES ?? '422,100000').split(',').map(Number);
const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',');

interface Row {
  dialect: string;
  units: number;
  registry_ms: number;
  registry_rows_per_s: number;
  answers: number;
  responses_ms: number;
  responses_rows_per_s: number;
  answers_per_s: number;
  peak_rss_mb: number;
}

const rows: Row[] = [];
console.log('Import benchmark: registry CSV, then integreringsansvarlig responses for every unit (all questions answered)\n');
for (const dialect of dialects) {
  for (const size of sizes) {
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'import.bench.ts'), dialect, String(size)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) {
      console.log(`${dialect} ${size}: failed\n${r.stderr}`);
      continue;
    }
    const row = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Row;
    rows.push(row);
    console.log(
      `${dialect.padEnd(8)} ${String(size).padStart(7)} units | registry ${String(row.registry_ms).padStart(6)} ms ${String(row.registry_rows_per_s).padStart(7)} rows/s | ` +
        `responses ${String(row.responses_ms).padStart(7)} ms ${String(row.responses_rows_per_s).padStart(6)} rows/s (${row.answers} answers, ${row.answers_per_s} answers/s) | peak ${row.peak_rss_mb} MB`,
    );
  }
}
