import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Check } from '../../src/checks/types.js';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import type { Finding } from '../../src/engine/result.js';
import type { CollectionGap } from '../../src/inventory/resource.js';
import { REPO_ROOT, fixtureSource, listFixtures, type CheckFixture } from './fixtures.js';
import { readLiveFixture } from './live-fixture-file.js';
import { startFrontProxy, type FrontProxy, type RecordedReply } from './live-proxy.js';
import { seed } from './live-seed.js';
import { globMatches } from './live-wire.js';

const run = promisify(execFile);

export const EMULATOR_DIR = resolve(REPO_ROOT, '..', 'shared', 'tools', 'aws-emulator');

/** One line of calls.jsonl, or a call the front proxy answered from a fixture's `replies`. */
export interface EmulatorCall {
  t: number;
  service: string;
  action: string;
  status: number;
  denied: boolean;
  replied: boolean;
}

export interface Emulator {
  /** The endpoint to point the SDK at (a proxy in front of the emulator; transparent unless replies are set). */
  url: string;
  stateDir: string;
  /** Empties every service, clears denials and replies; ids are repeatable after each reset. */
  reset(): Promise<void>;
  /** Calls since the last reset, in order, once every forwarded call is in the emulator's log. */
  calls(): Promise<EmulatorCall[]>;
  /** Replaces the denied `service:Action` glob patterns (the emulator's faults.txt). */
  deny(patterns: readonly string[]): Promise<void>;
  reply(replies: readonly RecordedReply[]): void;
  stop(): Promise<void>;
}

export interface LiveRun {
  /** The CLI's exit code: 0 with `--fail-on none`, 2 when nothing could be read (e.g. STS denied). */
  code: number;
  stderr: string;
  findings: Finding[];
  gaps: CollectionGap[];
  /** The calls the scan made (not the seeding). */
  calls: EmulatorCall[];
}

export function liveFixtures(check: Check): CheckFixture[] {
  return listFixtures(check).filter((fixture) => fixtureSource(fixture) === 'live');
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function portIsFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

/** A free port whose successor is free too: the emulator's proxy listens on PORT, moto itself on PORT+1. */
async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = await new Promise<number>((done, fail) => {
      const probe = createServer();
      probe.once('error', fail);
      probe.listen(0, '127.0.0.1', () => {
        const address = probe.address();
        const found = address !== null && typeof address !== 'string' ? address.port : 0;
        probe.close(() => done(found));
      });
    });
    if (port > 0 && port < 65535 && (await portIsFree(port + 1))) return port;
  }
  throw new Error('no two consecutive free loopback ports');
}

function parseCalls(text: string): Array<Omit<EmulatorCall, 'replied'>> {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const entry: unknown = JSON.parse(line);
      if (!isRecord(entry)) throw new Error(`calls.jsonl: not an object: ${line}`);
      const { t, service, action, status, denied } = entry;
      return { t: Number(t), service: String(service), action: String(action), status: Number(status), denied: denied === true };
    });
}

async function postToMoto(base: string, path: string): Promise<void> {
  const response = await fetch(new URL(path, base), { method: 'POST' });
  if (!response.ok) throw new Error(`emulator ${path}: HTTP ${response.status}`);
}

// calls.jsonl stamps each call in seconds, to the millisecond.
const nowSeconds = (): number => Date.now() / 1000;

/** Starts a private emulator on free loopback ports, behind a front proxy for recorded replies. */
export async function startEmulator(): Promise<Emulator> {
  const start = join(EMULATOR_DIR, 'start');
  const stopScript = join(EMULATOR_DIR, 'stop');
  if (!existsSync(start)) throw new Error(`the AWS emulator is missing: expected ${start} (../shared/tools/aws-emulator beside the repository); live fixtures cannot run without it`);
  const stateDir = await mkdtemp(join(tmpdir(), 'demarc-live-'));
  const port = await freePortPair();
  const { stdout } = await run(start, [String(port), stateDir], { timeout: 600_000 });
  const line = /AWS_ENDPOINT_URL=(\S+)/.exec(stdout);
  if (line?.[1] === undefined) throw new Error(`the emulator did not say where it listens: ${stdout}`);
  const upstream = new URL(line[1]);
  // Administrative calls go to moto itself (PORT+1) so that they stay out of calls.jsonl.
  const moto = `http://127.0.0.1:${port + 1}`;
  const callsFile = join(stateDir, 'calls.jsonl');
  const faultsFile = join(stateDir, 'faults.txt');
  let denied: readonly string[] = [];
  let front: FrontProxy;
  try {
    front = await startFrontProxy(upstream, (call) => denied.some((pattern) => globMatches(pattern, call)));
  } catch (error) {
    await run(stopScript, [stateDir]);
    throw error;
  }
  let mark = nowSeconds();
  let forwardedAtMark = front.forwarded();
  // Calls since the mark are the log's lines past this count: timestamps are too coarse to tell them apart.
  let linesAtMark = parseCalls(readFileSync(callsFile, 'utf8')).length;

  const emulator: Emulator = {
    url: front.url,
    stateDir,
    async reset() {
      await emulator.deny([]);
      front.setReplies([]);
      // Moto draws ids from one generator, and a reset recreates the defaults (such as the default VPC) of every
      // backend already in use: seeding before and after makes ids repeat once the same backends are in use.
      await postToMoto(moto, '/moto-api/seed?a=1');
      await postToMoto(moto, '/moto-api/reset');
      await postToMoto(moto, '/moto-api/seed?a=1');
      mark = nowSeconds();
      forwardedAtMark = front.forwarded();
      linesAtMark = parseCalls(readFileSync(callsFile, 'utf8')).length;
    },
    async calls() {
      // The emulator logs a call just after answering it: wait until every forwarded call has its line.
      const expected = front.forwarded() - forwardedAtMark;
      let logged = parseCalls(readFileSync(callsFile, 'utf8')).slice(linesAtMark);
      for (let waited = 0; logged.length < expected; waited += 10) {
        if (waited > 20_000) throw new Error(`calls.jsonl holds ${logged.length} of ${expected} calls after 20 s`);
        await new Promise((done) => setTimeout(done, 10));
        logged = parseCalls(readFileSync(callsFile, 'utf8')).slice(linesAtMark);
      }
      const replied = front.replied().filter((call) => call.t >= mark).map((call) => ({ ...call, denied: false, replied: true }));
      return [...logged.map((call) => ({ ...call, replied: false })), ...replied].sort((a, b) => a.t - b.t);
    },
    async deny(patterns) {
      denied = [...patterns];
      await writeFile(faultsFile, patterns.map((pattern) => `${pattern}\n`).join(''));
    },
    reply(replies) {
      front.setReplies(replies);
    },
    async stop() {
      await front.close();
      await run(stopScript, [stateDir]);
      await rm(stateDir, { recursive: true, force: true });
    },
  };
  try {
    await emulator.reset();
  } catch (error) {
    await emulator.stop();
    throw error;
  }
  return emulator;
}

const ENV_KEYS = ['AWS_ENDPOINT_URL', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_PROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_EC2_METADATA_DISABLED'];

/** Runs `demarc scan --aws` in-process with the environment of a user pointed at the emulator, then restores it. */
async function scanAccount(endpoint: string, region: string, checkId: string, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const saved = new Map(ENV_KEYS.map((key) => [key, process.env[key]]));
  for (const key of ENV_KEYS) delete process.env[key];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_REGION: region,
    AWS_CONFIG_FILE: '/nonexistent/demarc-live-config',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/demarc-live-credentials',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; }, stdoutIsTty: false, stderrIsTty: false, columns: 120, env: process.env, cwd };
  try {
    const code = await main(['node', 'demarc', 'scan', '--aws', '--quiet', '--region', region, '--check', checkId, '--format', 'json', '--fail-on', 'none'], io);
    return { code, stdout, stderr };
  } finally {
    for (const [key, value] of saved) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function parseResult(stdout: string, path: string): { findings: Finding[]; gaps: CollectionGap[] } {
  const result: unknown = JSON.parse(stdout);
  if (!isRecord(result) || !Array.isArray(result['findings']) || !isRecord(result['coverage']) || !Array.isArray(result['coverage']['gaps'])) {
    throw new Error(`${path}: the scan printed no JSON result with findings and coverage.gaps`);
  }
  // The JSON format is demarc's own result type, validated by its schema tests.
  return { findings: result['findings'] as Finding[], gaps: result['coverage']['gaps'] as CollectionGap[] };
}

/**
 * Runs one live fixture through the path a user takes: reset the emulator, seed the account, then
 * `demarc scan --aws --check <id>` with the fixture's replies and denials (plus `extraDeny`) in force.
 */
export async function runLiveFixture(emulator: Emulator, check: Check, fixture: CheckFixture, extraDeny: readonly string[] = []): Promise<LiveRun> {
  const spec = readLiveFixture(fixture.path);
  await emulator.reset();
  await seed(spec.seed, emulator.url, spec.region);
  const cwd = join(emulator.stateDir, 'cwd');
  mkdirSync(cwd, { recursive: true });
  const scanStart = nowSeconds();
  await emulator.deny([...spec.deny, ...extraDeny]);
  emulator.reply(spec.replies);
  let scan: { code: number; stdout: string; stderr: string };
  try {
    scan = await scanAccount(emulator.url, spec.region, check.id, cwd);
  } finally {
    await emulator.deny([]);
    emulator.reply([]);
  }
  const { findings, gaps } = scan.code === 0 ? parseResult(scan.stdout, fixture.path) : { findings: [], gaps: [] };
  const calls = (await emulator.calls()).filter((call) => call.t >= scanStart);
  return { code: scan.code, stderr: scan.stderr, findings: findings.filter((finding) => finding.checkId === check.id), gaps, calls };
}
