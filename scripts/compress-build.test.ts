import { existsSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, expect, test } from 'vitest';
import { compressBuild } from './compress-build';

const dir = mkdtempSync(join(tmpdir(), 'factdeck-compress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('text files get brotli and gzip copies that decompress to the same bytes; tiny and binary files none', async () => {
  const page = '<!doctype html><p>' + 'Capital cities of the world. '.repeat(200) + '</p>';
  mkdirSync(join(dir, '_app/immutable'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), page);
  writeFileSync(join(dir, '_app/immutable/app.js'), 'export const x = 1;\n'.repeat(300));
  writeFileSync(join(dir, 'tiny.css'), 'p{color:red}');
  writeFileSync(join(dir, 'icon.png'), Buffer.alloc(4096, 7));

  const result = await compressBuild(dir);
  expect(result.files).toBe(2);
  expect(brotliDecompressSync(readFileSync(join(dir, 'index.html.br'))).toString()).toBe(page);
  expect(gunzipSync(readFileSync(join(dir, 'index.html.gz'))).toString()).toBe(page);
  expect(readFileSync(join(dir, 'index.html.br')).length).toBeLessThan(page.length / 10);
  expect(existsSync(join(dir, '_app/immutable/app.js.br'))).toBe(true);
  for (const name of ['tiny.css.br', 'tiny.css.gz', 'icon.png.br', 'icon.png.gz'])
    expect(existsSync(join(dir, name)), name).toBe(false);
});
