import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests: pure domain code, repositories on fake-indexeddb, the deck compiler, the content checks
// and the folder boundaries the linter keeps. The browser suite has its own config (vitest.e2e.config.ts).
export default defineConfig({
  resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'content/**/*.test.ts', 'tests/*.test.ts'],
    environment: 'node'
  }
});
