/**
 * How the server sends the built app, on a small build made here: the same files for the same paths
 * as `sirv --single 200.html`, precompressed copies by Accept-Encoding, cache headers, and each page's
 * CSP as a header. (The browser suite checks the same on the real build, served by the real server.)
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../app';
import type { Db } from '../db/schema';

const dir = mkdtempSync(join(tmpdir(), 'factdeck-site-'));
const policy = (hash: string) =>
  `default-src 'self'; script-src 'self' 'sha256-${hash}'; style-src 'self' 'unsafe-inline'; object-src 'none'`;
const page = (title: string, hash: string) =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy(hash)}"><title>${title}</title></head>` +
  `<body>${'<p>Filler text so the page is worth compressing.</p>'.repeat(40)}</body></html>`;
const FILES: Record<string, string> = {
  'index.html': page('Home', 'aaa'),
  'settings.html': page('Settings', 'bbb'),
  '200.html': page('Shell', 'ccc'),
  'decks/world-capitals.html': page('Capitals', 'ddd'),
  'decks/world-capitals/study.html': page('Study', 'eee'),
  '_app/immutable/entry/start.abc123.js': 'export const start = () => 1;\n'.repeat(100),
  '_app/version.json': '{"version":"1"}',
  'sw.js': 'self.addEventListener("fetch", () => {});\n'.repeat(60),
  'manifest.webmanifest': JSON.stringify({ name: 'Factdeck', pad: 'x'.repeat(2000) }),
  'icons/icon-192.png': 'not really a png'
};

let app: FastifyInstance;
const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

beforeAll(async () => {
  for (const [name, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
    if (!name.endsWith('.png') && text.length > 1000) {
      writeFileSync(join(dir, `${name}.br`), brotliCompressSync(text));
      writeFileSync(join(dir, `${name}.gz`), gzipSync(text));
    }
  }
  // No request here reaches the database: the API is not under test.
  app = await buildApp({ db: null as unknown as Db, buildDir: dir });
});
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('which file a path gets (as sirv --single 200.html)', () => {
  test.each([
    ['/', 'index.html'],
    ['/settings', 'settings.html'],
    ['/settings/', 'settings.html'],
    ['/settings.html', 'settings.html'],
    ['/decks/world-capitals', 'decks/world-capitals.html'],
    ['/decks/world-capitals/study', 'decks/world-capitals/study.html'],
    ['/decks/imported-later/study', '200.html'],
    ['/no/such/page', '200.html'],
    ['/decks/world-capitals?from=home', 'decks/world-capitals.html']
  ])('%s is %s', async (url, file) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(FILES[file]);
    expect(res.headers['content-type']).toBe('text/html;charset=utf-8');
  });

  test('a missing file with an extension is a 404, not the app shell', async () => {
    for (const url of ['/missing.js', '/_app/immutable/chunks/gone.js', '/favicon.ico']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toBe('');
    }
  });

  test('a path outside the build is not served', async () => {
    for (const url of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json'])
      expect((await get(url)).body, url).not.toContain('"name": "factdeck"');
  });
});

describe('compression', () => {
  test('brotli when the browser accepts it, else gzip, else the file itself', async () => {
    const br = await get('/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toContain('Accept-Encoding');
    expect(br.rawPayload.length).toBeLessThan(FILES['index.html'].length / 4);
    const gz = await get('/', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await get('/', { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(FILES['index.html']);
  });

  test('the compressed copy keeps the type of the file it stands for', async () => {
    const js = await get('/_app/immutable/entry/start.abc123.js', { 'accept-encoding': 'br' });
    expect(js.headers['content-encoding']).toBe('br');
    expect(js.headers['content-type']).toBe('text/javascript');
    const fallback = await get('/unknown/page', { 'accept-encoding': 'br' });
    expect(fallback.headers['content-encoding']).toBe('br');
    expect(fallback.headers['content-type']).toBe('text/html;charset=utf-8');
  });
});

describe('headers', () => {
  const ONE_YEAR = 'public, max-age=31536000, immutable';

  test('hashed assets are cached for a year; pages, the service worker and the manifest are revalidated', async () => {
    expect((await get('/_app/immutable/entry/start.abc123.js')).headers['cache-control']).toBe(ONE_YEAR);
    expect(
      (await get('/_app/immutable/entry/start.abc123.js', { 'accept-encoding': 'br' })).headers['cache-control']
    ).toBe(ONE_YEAR);
    for (const url of ['/', '/settings', '/sw.js', '/manifest.webmanifest', '/_app/version.json', '/no/such/page'])
      expect((await get(url, { 'accept-encoding': 'br' })).headers['cache-control'], url).toBe('no-cache');
    // Even the app shell under /_app/immutable/ (a path without extension) is not cached for a year.
    expect((await get('/_app/immutable/not-a-file')).headers['cache-control']).toBe('no-cache');
    expect((await get('/manifest.webmanifest')).headers['content-type']).toBe('application/manifest+json');
  });

  test("each page carries its own meta policy as a header, plus frame-ancestors 'none'", async () => {
    const expectPolicy = async (url: string, hash: string, encoding = 'identity') =>
      expect((await get(url, { 'accept-encoding': encoding })).headers['content-security-policy'], url).toBe(
        `${policy(hash)}; frame-ancestors 'none'`
      );
    await expectPolicy('/', 'aaa');
    await expectPolicy('/', 'aaa', 'br');
    await expectPolicy('/settings', 'bbb', 'gzip');
    await expectPolicy('/decks/world-capitals/study', 'eee');
    await expectPolicy('/decks/imported-later', 'ccc', 'br');
    expect((await get('/sw.js')).headers['content-security-policy']).toBeUndefined();
  });

  test('every answer says nosniff and sends no referrer', async () => {
    for (const url of ['/', '/sw.js', '/missing.js', '/api/health-not'])
      expect((await get(url)).headers, url).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer'
      });
  });

  test('a second request with the ETag gets 304', async () => {
    const first = await get('/settings', { 'accept-encoding': 'br' });
    const again = await get('/settings', { 'accept-encoding': 'br', 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  test('HEAD answers like GET without a body', async () => {
    const res = await app.inject({ method: 'HEAD', url: '/settings' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.body).toBe('');
  });
});

describe('the share target without the service worker', () => {
  test('a shared file posted to the server is sent to the import page, which says it did not arrive', async () => {
    const boundary = 'x-boundary';
    const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\nContent-Type: text/csv\r\n\r\nfront,back\na,b\r\n--${boundary}--\r\n`;
    const res = await app.inject({
      method: 'POST',
      url: '/import/share',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/import#shared');
  });
});
