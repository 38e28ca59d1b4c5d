import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // The live suites wait on emulators more than on the CPU: let their shards run side by side on small machines.
    maxWorkers: 4,
    // Every scan in the suite fails a check that resolves onto a type it does not declare (see checks/types.ts reads).
    env: { DEMARC_STRICT_READS: '1' },
  },
});
