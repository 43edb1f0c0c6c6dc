// Runs every test file (src/**/*.test.ts) with node's test runner through tsx. Node 20 has no
// glob support in `node --test`, so the files are listed here. Extra arguments narrow the run:
// `node scripts/run-tests.mjs src/registry` runs only the tests under that folder.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function find(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' ? [] : find(p);
    return d.name.endsWith('.test.ts') ? [p] : [];
  });
}

const roots = process.argv.slice(2);
const files = (roots.length > 0 ? roots : ['src']).flatMap((r) => (fs.statSync(r).isDirectory() ? find(r) : [r])).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
const concurrency = process.env.KOMMUNEPULS_TEST_CONCURRENCY ?? '2';
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit' },
);
process.exit(result.status ?? 1);
