/**
 * Size budget: the JavaScript a fresh visit to the home page downloads, gzipped, against the budget in
 * bench/budget.json. Bytes, not time, so the result is the same on every machine: a change that makes
 * the first load bigger fails here and has to raise the budget in the same change, where review sees it.
 * `npm run bench` reports the same figure split by package (docs/performance.md).
 */
import { readFileSync } from 'node:fs';
import { expect, inject, test } from 'vitest';
import { firstLoad, total } from '../../bench/first-load';
import { freshContext } from './browser';

const base = inject('baseUrl');
const budget = JSON.parse(readFileSync('bench/budget.json', 'utf8')) as { homeFirstLoadJsGzipBytes: number };

test('the home page downloads no more JavaScript than the budget allows', async () => {
  const { context, close } = await freshContext();
  try {
    const files = (await firstLoad(context, `${base}/`, 'build')).filter((f) => f.type === 'js');
    // It saw the app itself load: SvelteKit's entry and the home page's own code.
    expect(files.map((f) => f.path)).toEqual(
      expect.arrayContaining([expect.stringMatching(/\/entry\/start\./), expect.stringMatching(/\/nodes\//)])
    );
    const { gzip } = total(files, 'js');
    const list = files.map((f) => `${f.path} ${f.gzip}`).join('\n');
    expect(gzip, `home page first-load JS, gzip bytes (budget in bench/budget.json):\n${list}`).toBeLessThanOrEqual(
      budget.homeFirstLoadJsGzipBytes
    );
  } finally {
    await close();
  }
});
