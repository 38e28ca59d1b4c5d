import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

const TEMPLATE = 'test/cli/fixtures/unversioned-bucket.yaml';
const SCAN = ['scan', TEMPLATE, '--fail-on', 'none'];
const FORMAT_LIST = 'text, json, sarif, html, oscal, crm, csv, markdown, junit, asff';

let folder: string;
let saved: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'demarc-outputs-'));
  saved = join(folder, 'saved.json');
  expect((await runCli([...SCAN, '-o', saved])).code).toBe(0);
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const at = (name: string): string => join(folder, name);
const read = (name: string): Promise<string> => readFile(at(name), 'utf8');

/** What each kind of file holds, told from its content. */
const looksLike: Record<string, (text: string) => boolean> = {
  text: (text) => text.startsWith('Responsibility matrix'),
  json: (text) => JSON.parse(text).schemaVersion === '1.0',
  sarif: (text) => JSON.parse(text).version === '2.1.0',
  oscal: (text) => 'system-security-plan' in JSON.parse(text),
  asff: (text) => JSON.parse(text)[0]?.SchemaVersion === '2018-10-08',
  html: (text) => text.startsWith('<!doctype html>') || text.startsWith('<!DOCTYPE html>'),
  csv: (text) => text.startsWith('status,severity,check_id'),
  crm: (text) => text.startsWith('Control ID,'),
  markdown: (text) => text.startsWith('## demarc'),
  junit: (text) => text.startsWith('<?xml') && text.includes('<testsuites'),
};

describe('scan: the format of an output comes from its name', () => {
  it('writes SARIF to results.sarif and text to stdout, whatever the order of -f (the reported case)', async () => {
    for (const args of [['-f', 'text', '-f', 'sarif', '-o', at('results.sarif')], ['-f', 'sarif', '-f', 'text', '-o', at('results.sarif')], ['-o', at('results.sarif'), '-f', 'text', '-f', 'sarif']]) {
      const run = await runCli([...SCAN, ...args]);
      expect(run.code, args.join(' ')).toBe(0);
      expect(looksLike['sarif']?.(await read('results.sarif')), args.join(' ')).toBe(true);
      expect(looksLike['text']?.(run.stdout), args.join(' ')).toBe(true);
      expect(run.stderr).toBe(`wrote sarif to ${at('results.sarif')}\n`);
    }
  });

  it('takes every format from its extension, with nothing on stdout', async () => {
    const names: Record<string, string> = { json: 'r.json', sarif: 'r.sarif', html: 'r.html', csv: 'r.csv', markdown: 'r.md', junit: 'junit.xml', text: 'r.txt' };
    const run = await runCli([...SCAN, ...Object.values(names).flatMap((name) => ['-o', at(name)])]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    for (const [format, name] of Object.entries(names)) expect(looksLike[format]?.(await read(name)), name).toBe(true);
  });

  it('writes OSCAL, ASFF and the CRM only when asked for, to the output whose extension fits', async () => {
    const run = await runCli([...SCAN, '-f', 'oscal', '-o', at('ssp.json'), '-f', 'crm', '-o', at('crm.csv'), '-o', at('findings.csv'), '-f', 'asff', '--asff-account', '111122223333', '-o', at('hub.json'), '-o', at('result.json')]);
    expect(run.code).toBe(0);
    expect(looksLike['oscal']?.(await read('ssp.json'))).toBe(true);
    expect(looksLike['crm']?.(await read('crm.csv'))).toBe(true);
    expect(looksLike['csv']?.(await read('findings.csv'))).toBe(true);
    expect(looksLike['asff']?.(await read('hub.json'))).toBe(true);
    expect(looksLike['json']?.(await read('result.json'))).toBe(true);
    // Among outputs of one extension, a name ending in the format's own suffix is that format's.
    expect((await runCli([...SCAN, '-f', 'json', '-f', 'oscal', '-o', at('first.json'), '-o', at('second.oscal.json')])).code).toBe(0);
    expect(looksLike['oscal']?.(await read('second.oscal.json'))).toBe(true);
    expect(looksLike['json']?.(await read('first.json'))).toBe(true);
    // Without --format, plain.oscal.json is a .json file: the JSON result.
    expect((await runCli([...SCAN, '-o', at('plain.oscal.json')])).code).toBe(0);
    expect(looksLike['json']?.(await read('plain.oscal.json'))).toBe(true);
  });

  it('prints text and writes the file when --format text comes with an output of another format', async () => {
    const run = await runCli([...SCAN, '-f', 'text', '-o', at('alone.sarif')]);
    expect(run.code).toBe(0);
    expect(looksLike['text']?.(run.stdout)).toBe(true);
    expect(looksLike['sarif']?.(await read('alone.sarif'))).toBe(true);
  });

  it('refuses a format that does not fit the extension, writing nothing', async () => {
    const before = await readdir(folder);
    const run = await runCli([...SCAN, '-f', 'sarif', '-o', at('wrong.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`demarc: --format sarif does not match ${at('wrong.json')}: a .json file is written as json, oscal or asff; name the file with .sarif for sarif, or leave out --format sarif\n`);
    expect((await runCli([...SCAN, '-f', 'html', '-o', at('wrong.md')])).stderr).toContain('--format html does not match');
    expect(await readdir(folder)).toEqual(before);
  });

  it('takes `-o -` as stdout, and a name without a known extension only with one --format', async () => {
    const dash = await runCli([...SCAN, '-f', 'json', '-o', '-']);
    expect(looksLike['json']?.(dash.stdout)).toBe(true);
    expect(looksLike['text']?.((await runCli([...SCAN, '-o', '-'])).stdout)).toBe(true);
    const both = await runCli([...SCAN, '-f', 'sarif', '-o', '-', '-o', at('both.json')]);
    expect(looksLike['sarif']?.(both.stdout)).toBe(true);
    expect(looksLike['json']?.(await read('both.json'))).toBe(true);

    expect((await runCli([...SCAN, '-f', 'junit', '-o', at('ci-report')])).code).toBe(0);
    expect(looksLike['junit']?.(await read('ci-report'))).toBe(true);
    const unknown = await runCli([...SCAN, '-o', at('report.log')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`cannot tell the format of ${at('report.log')} from its name`);
  });

  it('refuses the same path twice, two formats on stdout, and an option taken as a file name', async () => {
    const twice = await runCli([...SCAN, '-o', at('same.json'), '-f', 'oscal', '-o', join(folder, '.', 'same.json')]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('is given twice');
    expect((await runCli([...SCAN, '-o', '-', '-o', '-'])).stderr).toContain('--output - (standard output) is given twice');
    const stdout = await runCli([...SCAN, '-f', 'json', '-f', 'sarif']);
    expect(stdout.code).toBe(2);
    expect(stdout.stderr).toContain('more than one format goes to standard output (json, sarif)');
    const option = await runCli(['scan', TEMPLATE, '-f', 'json', '-o', '--fail-on', 'none']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('--output --fail-on looks like an option');
  });

  it('rejects an unknown --format with the list of formats, before scanning anything', async () => {
    const run = await runCli(['scan', 'no/such/folder', '-f', 'pdf']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`demarc: unknown format pdf (one of ${FORMAT_LIST})\n`);
  });
});

describe('report: the same rules', () => {
  it('writes by extension, pairs explicit formats with fitting outputs, and refuses conflicts', async () => {
    const run = await runCli(['report', saved, '-f', 'text', '-f', 'sarif', '-o', at('again.sarif')]);
    expect(run.code).toBe(0);
    expect(looksLike['sarif']?.(await read('again.sarif'))).toBe(true);
    expect(looksLike['text']?.(run.stdout)).toBe(true);
    expect((await runCli(['report', saved, '-f', 'oscal', '-o', at('again-ssp.json')])).code).toBe(0);
    expect(looksLike['oscal']?.(await read('again-ssp.json'))).toBe(true);
    expect((await runCli(['report', saved, '-o', at('again.md')])).code).toBe(0);
    expect(looksLike['markdown']?.(await read('again.md'))).toBe(true);
    expect((await runCli(['report', saved, '-f', 'html', '-o', at('again.csv')])).code).toBe(2);
    const unknown = await runCli(['report', at('missing.json'), '-f', 'pdf']);
    expect(unknown.stderr).toBe(`demarc: unknown format pdf (one of ${FORMAT_LIST})\n`);
  });
});

describe('diff: the format from the output name too', () => {
  it('writes Markdown to a .md file and JSON to a .json file, and refuses a mismatch', async () => {
    expect((await runCli(['diff', saved, saved, '-o', at('changes.md')])).code).toBe(0);
    expect(await read('changes.md')).toMatch(/^## demarc: changes from/);
    expect((await runCli(['diff', saved, saved, '-o', at('changes.json')])).code).toBe(0);
    expect(JSON.parse(await read('changes.json'))).toHaveProperty('findings');
    const mismatch = await runCli(['diff', saved, saved, '-f', 'json', '-o', at('changes2.md')]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('--format json does not match');
  });
});
