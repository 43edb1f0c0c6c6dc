#!/usr/bin/env node
// Entry point of the `kommunepuls` command: runs the TypeScript sources through tsx, so there is
// no build step between `npm ci` and a working CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
