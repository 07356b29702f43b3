import { defineConfig } from 'vitest/config';

// Server tests: the Fastify app on PGlite and, with TEST_DATABASE_URL, on a real PostgreSQL
// (server/test/global-setup.ts). Each file opens its databases once; they are slow to start.
export default defineConfig({
  test: {
    include: ['server/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 240_000
  }
});
