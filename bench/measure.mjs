// Helpers shared by the benchmarks (not a benchmark itself: its name does not end in `.bench.mjs`). Each measurement
// runs in a Node process of its own, so that its peak memory is its own and not the generator's or the baseline's.
import { spawnSync } from 'node:child_process';
import { cpuUsage, resourceUsage } from 'node:process';

/** Runs `script` with `args` in a fresh Node process and returns the JSON object its last line of output holds. */
export function measureInChild(script, args) {
  const run = spawnSync(process.execPath, ['--expose-gc', script, ...args], { encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = (run.stdout ?? '').trim().split('\n');
  if (run.status !== 0) throw new Error(`${script} ${args.join(' ')} exited with ${run.status ?? run.signal}: ${lines.join(' ')}`);
  return JSON.parse(lines.at(-1));
}

/** The peak resident memory of this process so far, in bytes. */
export const peakRss = () => resourceUsage().maxRSS * 1024;

/** CPU time (user and system) this process has spent since `since` (a `process.cpuUsage()`), in milliseconds. */
export const cpuMs = (since) => {
  const used = cpuUsage(since);
  return (used.user + used.system) / 1000;
};

export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
