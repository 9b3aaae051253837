import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The Debian packages the tests need (installed when running as root), then one shared build of
    // the demo county per run, made on first use (test/helpers/dist.ts).
    globalSetup: ['test/setup/system-packages.ts', 'test/setup/demo-build.ts'],
    // Build and browser tests share dist/ and one Chromium; run files one after another.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 600_000,
  },
});
