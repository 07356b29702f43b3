import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// Unit tests: pure domain code, repositories and the rune classes of src/lib/state on fake-indexeddb,
// the deck compiler, the content checks and the folder boundaries the linter keeps. The browser suite
// has its own config (vitest.e2e.config.ts).
export default defineConfig({
  // Compiles the runes of *.svelte.ts as the browser gets them: tests run in Node, which would
  // otherwise get the server build, where $state and $derived are not reactive.
  plugins: [svelte({ dynamicCompileOptions: () => ({ generate: 'client' }) })],
  resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'content/**/*.test.ts', 'tests/*.test.ts'],
    environment: 'node',
    // Some tests work through 200,000 rows or every deck: a loaded machine must not fail them by the
    // clock (speed is measured by `npm run bench`, never asserted); a hang still fails.
    testTimeout: 60_000
  }
});
