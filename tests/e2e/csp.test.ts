import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open, waitForServiceWorker } from './browser';

const base = inject('baseUrl');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function policyOf(html: string): Map<string, string[]> {
  const meta = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/);
  if (!meta) return new Map();
  return new Map(
    meta[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name, values])
  );
}

describe('Content Security Policy', () => {
  const pages = htmlFiles('build');

  test('every built page carries a strict policy', () => {
    expect(pages.length).toBeGreaterThanOrEqual(10);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const csp = policyOf(html);
      expect(csp.size, file).toBeGreaterThan(0);
      expect(csp.get('object-src'), file).toEqual(["'none'"]);
      expect(csp.get('base-uri'), file).toEqual(["'self'"]);
      expect(csp.get('default-src'), file).toEqual(["'self'"]);
      const scripts = csp.get('script-src') ?? [];
      expect(scripts, file).not.toContain("'unsafe-eval'");
      expect(scripts, file).not.toContain("'unsafe-inline'");
      expect([...csp.values()].flat(), file).not.toContain("'unsafe-eval'");
      // Object URLs only for card images and sounds; WebAssembly compiles only in the import worker.
      expect(csp.get('media-src'), file).toEqual(["'self'", 'blob:']);
      expect(csp.get('img-src'), file).toContain('blob:');
      for (const [name, values] of csp)
        if (name !== 'img-src' && name !== 'media-src') expect(values, `${file} ${name}`).not.toContain('blob:');
      expect([...csp.values()].flat(), file).not.toContain("'wasm-unsafe-eval'");
      // Every inline script that runs is allowed by its hash, and by nothing looser (JSON data
      // blocks are not scripts).
      for (const [, body] of html.matchAll(/<script(?![^>]*\b(?:src|type)=)[^>]*>([\s\S]*?)<\/script>/g)) {
        const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
        expect(scripts, `${file}: inline script not in script-src`).toContain(hash);
      }
    }
  });

  describe('in the browser', () => {
    let close: () => Promise<void>;
    let page: Page;

    beforeAll(async () => {
      ({ page, close } = await freshContext());
      await page.addInitScript(() => {
        (window as unknown as { __violations: string[] }).__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          (window as unknown as { __violations: string[] }).__violations.push(`${e.violatedDirective} ${e.blockedURI}`)
        );
      });
    });
    afterAll(() => close());

    test('the app runs under it: no violation on any route, service worker and IndexedDB work', async () => {
      const routes = [
        '/',
        '/decks/world-capitals',
        '/decks/world-capitals/study',
        '/decks/world-capitals/quiz',
        '/sources/leiroz-2020-venezuela-iran',
        '/import',
        '/settings',
        '/no/such/page'
      ];
      await open(page, `${base}/`);
      await waitForServiceWorker(page);
      for (const route of routes) {
        await open(page, `${base}${route}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        expect(
          await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
          route
        ).toEqual([]);
      }
      await open(page, `${base}/decks/world-capitals/study`);
      await page.getByRole('button', { name: 'Show answer' }).click();
      await page.getByRole('button', { name: 'Good', exact: true }).click();
      await expect.poll(() => page.getByRole('button', { name: 'Undo' }).isVisible()).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    });

    test('restoring a backup and importing a deck check files without evaluating code (zod jitless)', async () => {
      await open(page, `${base}/settings`);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download backup' }).click()
      ]);
      const backup = readFileSync((await download.path())!);
      const restore = page.getByRole('region', { name: 'Restore a backup' });
      await restore.getByLabel('Backup file').setInputFiles({
        name: 'backup.json',
        mimeType: 'application/json',
        buffer: backup
      });
      await restore.getByRole('button', { name: 'Restore backup' }).click();
      await restore.getByTestId('restore-preview').waitFor();
      await restore.getByRole('button', { name: 'Restore', exact: true }).click();
      await expect.poll(() => restore.getByRole('status').textContent()).toMatch(/^Merged the backup/);
      // Read before leaving the page: each page starts a list of its own.
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);

      await open(page, `${base}/import`);
      await page.locator('#import-file').setInputFiles({
        name: 'deck.json',
        mimeType: 'application/json',
        buffer: Buffer.from(
          JSON.stringify({
            id: 'csp-deck',
            title: 'CSP deck',
            description: 'x',
            language: 'en',
            cards: [{ id: 'a', type: 'basic', front: 'a', back: 'b' }]
          })
        )
      });
      await page.getByTestId('import-summary').waitFor();
      expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    });
  });
});
