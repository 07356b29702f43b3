/**
 * What a fresh visit to one page downloads: every JS and CSS file of the build the page requests
 * (module preloads, the entry, chunks imported on mount such as workbox-window), from a browser
 * profile with nothing cached, until the network is idle. Sizes are of the files in `build/`, raw and
 * gzipped (level 9), so they do not depend on how the server compresses.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext } from 'playwright-core';

export interface Download {
  /** Path under the site root, like `/_app/immutable/chunks/BHnaaDFc.js`. */
  path: string;
  type: 'js' | 'css';
  bytes: number;
  gzip: number;
}

export const gzipSize = (data: Buffer | string): number => gzipSync(data, { level: 9 }).length;

/** Opens `url` in `context` (a fresh profile) and lists the build's JS and CSS files it downloaded. */
export async function firstLoad(context: BrowserContext, url: string, buildDir: string): Promise<Download[]> {
  const page = await context.newPage();
  const origin = new URL(url).origin;
  const seen = new Set<string>();
  page.on('request', (request) => {
    const type = request.resourceType();
    const u = new URL(request.url());
    if (u.origin !== origin) return;
    if (type === 'script' || type === 'stylesheet' || /\.(js|css)$/.test(u.pathname)) seen.add(u.pathname);
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  // Anything started on mount (the service worker registration imports workbox-window).
  await page.waitForLoadState('networkidle');
  await page.close();
  return [...seen]
    .filter((p) => /\.(js|css)$/.test(p) && !p.endsWith('/sw.js') && !/\/workbox-[\w-]+\.js$/.test(p))
    .sort()
    .map((p) => {
      const data = readFileSync(path.join(buildDir, decodeURIComponent(p)));
      return { path: p, type: p.endsWith('.css') ? 'css' : 'js', bytes: data.length, gzip: gzipSize(data) };
    });
}

/** Sums bytes and gzip bytes of one type. */
export function total(downloads: readonly Download[], type: Download['type']): { bytes: number; gzip: number } {
  const of = downloads.filter((d) => d.type === type);
  return { bytes: of.reduce((n, d) => n + d.bytes, 0), gzip: of.reduce((n, d) => n + d.gzip, 0) };
}
