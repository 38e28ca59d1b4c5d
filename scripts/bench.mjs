#!/usr/bin/env node
// Runs every benchmark in bench/ (one file each, `*.bench.mjs`) in its own Node process, so that each one's peak
// memory is its own. Each benchmark prints its figures as ratios against a baseline it measures in the same run.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench');
const only = process.argv.slice(2);
const files = readdirSync(benchDir).filter((file) => file.endsWith('.bench.mjs')).filter((file) => only.length === 0 || only.some((name) => file.includes(name))).sort();
if (files.length === 0) {
  console.error('no benchmark in bench/ matches');
  process.exit(2);
}
let failed = 0;
for (const file of files) {
  console.log(`\n== ${file}`);
  const run = spawnSync(process.execPath, ['--expose-gc', join(benchDir, file)], { stdio: 'inherit' });
  if (run.status !== 0) failed += 1;
}
process.exit(failed > 0 ? 1 : 0);
