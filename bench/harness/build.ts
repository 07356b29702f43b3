/** Bundles the harness (the app's own modules plus the seed) for the browser, outside build/. */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

export async function buildHarness(root: string, outDir: string): Promise<void> {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    resolve: { alias: { $lib: path.join(root, 'src/lib') } },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      target: 'es2022',
      lib: { entry: path.join(root, 'bench/harness/harness.ts'), formats: ['es'], fileName: () => 'harness.js' }
    }
  });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path.join(outDir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Factdeck benchmark harness</title>' +
      '<script type="module" src="./harness.js"></script></head><body></body></html>\n'
  );
}
