import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { scanExample, scanHostile } from './support.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** Where the screenshots go: DEMARC_SCREENSHOT_DIR to keep them, a temporary folder otherwise. */
const screenshotDir = process.env['DEMARC_SCREENSHOT_DIR'];

// Skipped only on a machine without Chromium; in CI (.ci/run installs Debian's chromium package) it must run.
if (!existsSync(CHROMIUM)) console.warn(`${CHROMIUM} is missing: ${process.env['CI'] ? 'the browser test will fail' : 'skipping the browser test'} (apt-get install -y chromium)`);

describe.skipIf(!existsSync(CHROMIUM) && !process.env['CI'])('html report in headless Chromium', () => {
  let browser: BrowserContext;
  let directory: string;
  let profile: string;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'demarc-html-'));
    profile = await mkdtemp(join(tmpdir(), 'demarc-chromium-profile-'));
    // A fresh profile folder each run (playwright passes it to Chromium as --user-data-dir).
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1280, height: 900 } });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await rm(profile, { recursive: true, force: true });
    await rm(directory, { recursive: true, force: true });
  });

  async function open(name: string, html: string) {
    const file = join(directory, `${name}.html`);
    await writeFile(file, html);
    const page = await browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') errors.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      errors.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (!request.url().startsWith('file:')) requests.push(request.url());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  it('renders the responsibility picture of the bundled example with no script error', async () => {
    const { page, errors, requests } = await open('example', renderHtml(await scanExample()));
    const layers = page.locator('.picture .layer');
    expect(await layers.count()).toBe(14);
    for (let index = 0; index < 14; index += 1) {
      const box = await layers.nth(index).boundingBox();
      expect(box?.width ?? 0).toBeGreaterThan(600);
      expect(box?.height ?? 0).toBeGreaterThan(30);
    }
    // Customer layers above AWS's: the picture reads from customer data down to facilities.
    const order = await layers.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-layer')));
    expect(order[0]).toBe('logging-monitoring');
    expect(order[13]).toBe('facilities');
    const facilities = page.locator('.layer[data-layer="facilities"]');
    expect(await facilities.getAttribute('data-owner')).toBe('provider');
    const segment = await facilities.locator('.seg').first().boundingBox();
    expect(segment?.width ?? 0).toBeGreaterThan(100);
    const failColour = await page.locator('.layer .chip.s-fail').first().evaluate((element) => element.ownerDocument.defaultView?.getComputedStyle(element).backgroundColor);
    expect(failColour).toBe('rgb(207, 34, 46)');
    const matrixBox = await page.locator('table.matrix').boundingBox();
    expect(matrixBox?.height ?? 0).toBeGreaterThan(200);
    await page.locator('#picture').screenshot({ path: join(screenshotDir ?? directory, 'example-picture.png') });
    await page.locator('#matrix').screenshot({ path: join(screenshotDir ?? directory, 'example-matrix.png') });
    await page.screenshot({ path: join(screenshotDir ?? directory, 'example-top.png') });
    await page.screenshot({ path: join(screenshotDir ?? directory, 'example-full.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);

  it('filters findings in the page', async () => {
    const { page, errors } = await open('filter', renderHtml(await scanExample()));
    const visible = () => page.locator('tr.finding:not([hidden])').count();
    const actionable = await visible();
    expect(actionable).toBeGreaterThan(5);
    await page.selectOption('#f-status', 'all');
    expect(await visible()).toBeGreaterThan(actionable);
    await page.selectOption('#f-status', 'fail');
    await page.selectOption('#f-severity', 'critical');
    const critical = await visible();
    expect(critical).toBeGreaterThan(0);
    expect(critical).toBeLessThan(actionable);
    await page.fill('#f-text', 'PublicAssetsBucket');
    expect(await page.locator('tr.finding:not([hidden])').allTextContents()).not.toHaveLength(0);
    for (const text of await page.locator('tr.finding:not([hidden])').allTextContents()) expect(text).toContain('PublicAssetsBucket');
    expect(await page.locator('#f-count').textContent()).toMatch(/^\d+ of \d+ findings shown$/);
    await page.locator('tr.finding:not([hidden]) details summary').first().click();
    expect(await page.locator('tr.finding:not([hidden]) details[open] dd').first().isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows scanned strings as text, never as markup', async () => {
    const { page, errors } = await open('hostile', renderHtml(await scanHostile()));
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('b:text-is("bug")').count()).toBe(0);
    await page.selectOption('#f-status', 'all');
    const xss = page.locator('td.res small', { hasText: '<img src=x onerror=alert(1)>' });
    expect(await xss.count()).toBeGreaterThan(0);
    expect(await page.locator('td.msg', { hasText: 'simulated <b>bug</b>' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(screenshotDir ?? directory, 'hostile-full.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
