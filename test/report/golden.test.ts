import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScanResult } from '../../src/engine/result.js';
import { outputFormats } from '../../src/report/formats.js';
import { GOLDEN_DIR, scanExample } from './support.js';

// Goldens of every format on the bundled example, scanned at a fixed instant: nothing in them varies between runs.
// When a check or the example changes on purpose, refresh them with `npx vitest run test/report -u` and review the diff.
describe('golden outputs on the bundled example', () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await scanExample();
  });

  it.each(outputFormats.map((format) => [format.id, format] as const))('%s', async (id, format) => {
    // A template scan names no account: ASFF is written for the one given (as `--asff-account` gives it).
    const options = { color: false, width: 100, account: '111122223333', region: 'eu-west-1' };
    const first = format.render(result, options);
    const second = format.render(result, options);
    expect(second).toEqual(first);
    const text = typeof first === 'string' ? first : Buffer.from(first).toString('utf8');
    await expect(text).toMatchFileSnapshot(join(GOLDEN_DIR, `three-tier-app.${format.extension}`));
    expect(id).toBe(format.id);
  });
});
