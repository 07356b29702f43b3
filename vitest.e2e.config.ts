import { defineConfig } from 'vitest/config';

// Browser tests: real headless Chromium (playwright-core) against the production build in build/,
// served by the Factdeck server (tests/e2e/global-setup.ts). `npm run test:e2e` builds first.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    reporters: ['default']
  }
});
