import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { renderJson } from '../../src/report/json.js';
import { renderSarif } from '../../src/report/sarif.js';
import { scanExample } from './support.js';

function memoryIo(env: Record<string, string> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text), stdoutIsTty: true, stderrIsTty: false, columns: 100, env, cwd: process.cwd() };
}

describe('demarc report', () => {
  let directory: string;
  let saved: string;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'demarc-report-'));
    saved = join(directory, 'result.json');
    await writeFile(saved, renderJson(await scanExample()));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('re-renders a saved result in other formats, to files and to stdout', async () => {
    const io = memoryIo({ NO_COLOR: '1' });
    const sarif = join(directory, 'out.sarif');
    const code = await main(['node', 'demarc', 'report', saved, '--format', 'sarif', '--output', sarif, '--format', 'text'], io);
    expect(io.err.join('')).toContain(`wrote sarif to ${sarif}`);
    expect(code).toBe(0);
    const result = JSON.parse(await readFile(saved, 'utf8'));
    expect(await readFile(sarif, 'utf8')).toBe(renderSarif(result));
    expect(io.out.join('')).toContain('Responsibility matrix');
    expect(io.out.join('')).not.toContain('\u001b[');
  });

  it('honours --fail-on', async () => {
    const io = memoryIo();
    expect(await main(['node', 'demarc', 'report', saved, '--format', 'json', '--fail-on', 'high'], io)).toBe(1);
  });

  it('refuses a file that is not a demarc result, naming it', async () => {
    const sarif = join(directory, 'not-a-result.json');
    await writeFile(sarif, JSON.stringify({ version: '2.1.0', runs: [] }));
    const io = memoryIo();
    expect(await main(['node', 'demarc', 'report', sarif], io)).toBe(2);
    expect(io.err.join('')).toMatch(new RegExp(`demarc: ${sarif.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a demarc scan result: `));

    const broken = join(directory, 'broken.json');
    await writeFile(broken, '{"schemaVersion": ');
    const brokenIo = memoryIo();
    expect(await main(['node', 'demarc', 'report', broken], brokenIo)).toBe(2);
    expect(brokenIo.err.join('')).toContain(`${broken} is not JSON`);

    const missingIo = memoryIo();
    expect(await main(['node', 'demarc', 'report', join(directory, 'nope.json')], missingIo)).toBe(2);
    expect(missingIo.err.join('')).toContain('nope.json: no such file');
  });

  it('rejects an unknown format with the list of formats', async () => {
    const io = memoryIo();
    expect(await main(['node', 'demarc', 'report', saved, '--format', 'pdf'], io)).toBe(2);
    expect(io.err.join('')).toContain('unknown format pdf (one of text, json, sarif, html, oscal, crm, csv, markdown, junit, asff)');
  });
});
