import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Build and browser tests share dist/ and one Chromium; run files one after another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 600_000,
    globalSetup: ['test/setup/system-packages.ts'],
  },
});
