import { describe, expect, it } from 'vitest';
import { Pacer } from '../../src/inventory/sources/aws/pacer.js';

describe('Pacer', () => {
  it('doubles until throttled, then backs off below the observed rate and grows slowly', async () => {
    let clock = 0;
    const pacer = new Pacer(() => clock);
    const start = pacer.requestsPerSecond;
    for (let index = 0; index < start; index += 1) pacer.succeeded();
    expect(pacer.requestsPerSecond).toBe(start * 2);
    for (let index = 0; index < 40; index += 1) {
      clock += 1000 / pacer.requestsPerSecond;
      await pacer.acquire();
    }
    pacer.throttled();
    const afterThrottle = pacer.requestsPerSecond;
    expect(afterThrottle).toBeLessThanOrEqual(40 * 0.8);
    pacer.throttled(); // the same burst: one signal
    expect(pacer.requestsPerSecond).toBe(afterThrottle);
    for (let index = 0; index < 32; index += 1) pacer.succeeded();
    expect(pacer.requestsPerSecond).toBeGreaterThan(afterThrottle);
    expect(pacer.requestsPerSecond).toBeLessThan(afterThrottle + 12);
    const grown = pacer.requestsPerSecond;
    clock += 2_000;
    pacer.throttled();
    expect(pacer.requestsPerSecond).toBeLessThan(grown * 0.85);
  });
});
