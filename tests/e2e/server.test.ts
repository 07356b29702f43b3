/**
 * The Factdeck server as the app's host, on the real build: every page with its compressed copy, its
 * cache headers and its CSP as a header; the SPA fallback exactly where `sirv --single 200.html` has
 * it; and, in Chromium, compressed responses and a page that refuses to be framed.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open } from './browser';

const base = inject('baseUrl');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const metaPolicy = (html: string) =>
  /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)![1].trim().replace(/;+$/, '');

const pages = files('build').filter((f) => f.endsWith('.html'));
const urlOf = (file: string) => '/' + relative('build', file).replace(/(index)?\.html$/, '');

describe('over HTTP', () => {
  test('every page: brotli, its own policy as a header with frame-ancestors, revalidated', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const res = await fetch(base + urlOf(file), { headers: { 'accept-encoding': 'br' } });
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-security-policy'), file).toBe(`${metaPolicy(html)}; frame-ancestors 'none'`);
      expect(res.headers.get('cache-control'), file).toBe('no-cache');
      expect(res.headers.get('x-content-type-options'), file).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), file).toBe('no-referrer');
      // fetch decodes the body it asked brotli for; the bytes are the page's.
      expect(res.headers.get('content-encoding'), file).toBe('br');
      expect(await res.text(), file).toBe(html);
    }
  });

  test('hashed assets are sent compressed and cached for a year; the service worker and manifest are not', async () => {
    const js = files('build/_app/immutable').find((f) => f.endsWith('.js') && statSync(f).size > 4096)!;
    const url = base + '/' + relative('build', js);
    const res = await fetch(url, { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(brotliDecompressSync(readFileSync(`${js}.br`)).equals(readFileSync(js))).toBe(true);
    const gz = await fetch(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    for (const path of ['/sw.js', '/manifest.webmanifest']) {
      const r = await fetch(base + path);
      expect(r.status, path).toBe(200);
      expect(r.headers.get('cache-control'), path).toBe('no-cache');
    }
  });

  test('unknown paths get the app shell (200.html) as sirv --single gives it; missing files a 404', async () => {
    const shell = readFileSync('build/200.html', 'utf8');
    for (const path of ['/decks/imported-on-a-phone', '/decks/imported-on-a-phone/study', '/no/such/page']) {
      const res = await fetch(base + path);
      expect(res.status, path).toBe(200);
      expect(await res.text(), path).toBe(shell);
    }
    expect(await (await fetch(`${base}/settings`)).text()).toBe(readFileSync('build/settings.html', 'utf8'));
    for (const path of ['/missing.js', '/_app/immutable/chunks/missing.js', '/decks/missing.json'])
      expect((await fetch(base + path)).status, path).toBe(404);
    const api = await fetch(`${base}/api/missing`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: 'not-found' });
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ ok: true });
  });
});

describe('in Chromium', () => {
  let close: () => Promise<void>;
  let page: Page;
  beforeAll(async () => ({ page, close } = await freshContext()));
  afterAll(() => close());

  test('the app arrives brotli-compressed and works', async () => {
    const encodings = new Map<string, string | undefined>();
    page.on('response', async (r) =>
      encodings.set(new URL(r.url()).pathname, (await r.allHeaders())['content-encoding'])
    );
    await open(page, `${base}/decks/world-capitals`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(encodings.get('/decks/world-capitals')).toBe('br');
    const scripts = [...encodings].filter(([path]) => path.startsWith('/_app/immutable/') && path.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter(([, enc]) => enc === 'br').length).toBeGreaterThan(0);
  });

  test('no other page can frame the app', async () => {
    await page.goto(`${base}/api/health`);
    // A page of the same origin is allowed nothing more than any other: frame-ancestors 'none'.
    await page.setContent(`<iframe src="${base}/settings" title="framed"></iframe>`);
    // Chromium shows its own error page in the frame instead of the app.
    await expect.poll(() => page.frames()[1]?.url()).toBe('chrome-error://chromewebdata/');
    expect(await page.frameLocator('iframe').getByRole('heading', { name: 'Settings' }).count()).toBe(0);
  });
});
