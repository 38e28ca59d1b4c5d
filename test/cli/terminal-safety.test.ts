import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { safeStderrText } from '../../src/cli/io.js';
import { plain } from '../../src/report/terminal-style.js';
import { runCli, type CliRun } from '../support/cli.js';

/** What a hostile input carries: a title change (OSC), a screen clear, a bell, and two GitHub workflow commands. */
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\n::error file=ci.yaml,line=1::injected\r\n::add-mask::secret\u202e';

// Any control character but the line feed, or a character that reorders or breaks lines.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** No character that drives a terminal, and no line a CI runner would read as a workflow command. */
function expectSafe(text: string, where: string): void {
  expect(text, where).not.toMatch(UNSAFE);
  for (const line of text.split('\n')) expect(line.trimStart().startsWith('::'), `${where}: a line starts a workflow command: ${line}`).toBe(false);
}

function expectRunSafe(run: CliRun, where: string): void {
  expectSafe(run.stdout, `${where} (stdout)`);
  expectSafe(run.stderr, `${where} (stderr)`);
}

let folder: string;
let infra: string;
const BAD_NAME = 'broken\n::error file=x::boom.yaml';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarc-terminal-'));
  infra = join(folder, 'infra');
  await mkdir(infra);
  // A file name that breaks the line, in a template that cannot be parsed: its name is quoted in a problem line.
  await writeFile(join(infra, BAD_NAME), "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  X: [unclosed\n");
  const quoted = JSON.stringify(HOSTILE);
  await writeFile(join(infra, 'hostile.yaml'), [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    `  ${JSON.stringify(`Bucket${HOSTILE}`)}:`,
    '    Type: AWS::S3::Bucket',
    '    Properties:',
    `      BucketName: ${quoted}`,
    '      VersioningConfiguration:',
    `        Status: ${quoted}`,
    `  ${JSON.stringify(`Thing${HOSTILE}`)}:`,
    `    Type: ${JSON.stringify(`Custom::Thing${HOSTILE}`)}`,
    '',
  ].join('\n'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('plain: the one sanitiser', () => {
  it('shows control characters escaped and leaves other text as it is', () => {
    expect(plain('a\u001b[2Jb\u0007c\nd\re\tf\u007fg\u009bh\u2028i\u202ej')).toBe('a\\x1b[2Jb\\x07c\\nd\\re\\tf\\x7fg\\x9bh\\u2028i\\u202ej');
    expect(plain('logical-id · ok ✓ 日本')).toBe('logical-id · ok ✓ 日本');
    expectSafe(plain(HOSTILE), 'plain');
  });

  it('keeps a stderr write to one line, with only the redraw prefix and line breaks around it', () => {
    expect(safeStderrText(`demarc: warning: ${HOSTILE}\n`)).toBe(`demarc: warning: ${plain(HOSTILE)}\n`);
    expect(safeStderrText('\r\u001b[Kdemarc: reading file 3: x.yaml')).toBe('\r\u001b[Kdemarc: reading file 3: x.yaml');
    expect(safeStderrText('\nThe example is misconfigured on purpose.\n')).toBe('\nThe example is misconfigured on purpose.\n');
  });
});

describe('scan', () => {
  it('prints hostile file names, logical ids, types and values escaped: text, stderr problem lines', async () => {
    const run = await runCli(['scan', infra, '--fail-on', 'none']);
    expect(run.code).toBe(0);
    expectRunSafe(run, 'scan text');
    expect(run.stderr).toContain(`demarc: error: ${join(infra, 'broken\\n::error file=x::boom.yaml')}:`);
    expect(run.stdout).toContain('Bucket\\x1b]0;pwned\\x07');
    expect(run.stdout).toContain('Custom::Thing\\x1b]0;pwned');
  });

  it('escapes them in Markdown, in JSON-carried text and in the terminal progress line', async () => {
    expectRunSafe(await runCli(['scan', infra, '--fail-on', 'none', '-f', 'markdown']), 'scan markdown');
    const tty = await runCli(['scan', infra, '--fail-on', 'none'], { stderrIsTty: true, stdoutIsTty: true, env: { NO_COLOR: '1' } });
    // On a terminal the progress line is redrawn with `\r\x1b[K`: that and nothing else.
    expectRunSafe({ ...tty, stderr: tty.stderr.split('\r\u001b[K').join('') }, 'scan on a terminal');
    for (const format of ['json', 'sarif', 'asff', 'oscal', 'html', 'junit']) { const run = await runCli(['scan', infra, '--fail-on', 'none', '--asff-account', '111122223333', '-f', format]); expect(run.code, format).toBe(0); expectRunSafe(run, `scan ${format}`); }
  });

  it('escapes check ids, patterns and messages quoted in usage errors and commander errors', async () => {
    for (const args of [
      ['scan', infra, '--check', `s3-${HOSTILE}`],
      ['scan', infra, '--service', HOSTILE],
      ['scan', infra, '--framework', HOSTILE],
      ['scan', infra, '-f', HOSTILE],
      ['scan', infra, `--bogus${HOSTILE}`],
      ['scan', infra, '--fail-on', HOSTILE],
      ['explain', HOSTILE],
      [HOSTILE],
    ]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expectRunSafe(run, args.join(' '));
    }
  });

  it('escapes warnings written by other parts of demarc (configuration issues) through the same stderr', async () => {
    const config = join(folder, 'demarc.config.yaml');
    await writeFile(config, `${JSON.stringify(HOSTILE)}: 1\nsuppressions:\n  - check: ${JSON.stringify(`s3-${HOSTILE}`)}\n    reason: ${JSON.stringify(HOSTILE)}\n`);
    const run = await runCli(['scan', infra, '--config', config, '--fail-on', 'none']);
    expect(run.stderr).toContain('pwned');
    expectRunSafe(run, 'scan --config');
  });
});

/** Every free-text string of a result made hostile; enumerations stay valid, so the schema still accepts it. */
function poison(value: unknown, key = '', parent = ''): unknown {
  const ENUMS = new Set(['status', 'severity', 'layer', 'owner', 'kind', 'model', 'schemaVersion', 'generatedAt']);
  if (typeof value === 'string') return ENUMS.has(key) || (parent === 'tool' && key === 'name') ? value : `${value}${HOSTILE}`;
  if (Array.isArray(value)) return value.map((item) => poison(item, key, parent));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, member]) => [name, poison(member, name, key)]));
  return value;
}

describe('report and diff of a hostile saved result', () => {
  let clean: string;
  let hostile: string;
  beforeAll(async () => {
    clean = join(folder, 'clean.json');
    hostile = join(folder, 'hostile.json');
    expect((await runCli(['scan', 'examples/three-tier-app.yaml', '--fail-on', 'none', '--framework', 'cis-aws-v5', '-o', clean])).code).toBe(0);
    const scan = await runCli(['scan', 'examples/three-tier-app.yaml', '--fail-on', 'none', '--framework', 'cis-aws-v5', '-f', 'json']);
    await writeFile(hostile, JSON.stringify(poison(JSON.parse(scan.stdout))));
  });

  it('renders text and Markdown with every value escaped', async () => {
    for (const format of ['text', 'markdown']) {
      const run = await runCli(['report', hostile, '-f', format]);
      expect(run.stderr, format).toBe('');
      expect(run.code, format).toBe(0);
      expectRunSafe(run, `report ${format}`);
      expect(run.stdout, format).toContain('pwned');
    }
  });

  it('diffs with every value escaped', async () => {
    for (const format of ['text', 'markdown', 'json']) {
      const run = await runCli(['diff', clean, hostile, '-f', format]);
      expect(run.code, format).toBe(0);
      expectRunSafe(run, `diff ${format}`);
      expect(run.stdout, format).toContain('pwned');
    }
  });
});
