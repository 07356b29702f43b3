/**
 * An image of an imported deck that lives on another site is not fetched until the learner asks
 * (issue 21, item 3): a tracking pixel served on loopback over HTTPS counts every request.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { freshContext, open } from './browser';

const base = inject('baseUrl');
const PIXEL_PORT = 18794;
const HOST = `127.0.0.1:${PIXEL_PORT}`;
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64'
);
const deckCsv = (topic: string) =>
  Buffer.from(
    `front,back\r\nWhere is the ${topic} pixel?,"Here: ![a ${topic} pixel](https://${HOST}/pixel.png?deck=${topic})"\r\n`
  );

describe('remote images in imported decks', () => {
  let server: Server;
  let dir: string;
  let requests = 0;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factdeck-pixel-'));
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')
    ], { stdio: 'ignore' }); // prettier-ignore
    server = createServer(
      { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
      (req, res) => {
        requests++;
        res.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' });
        res.end(PIXEL);
      }
    );
    await new Promise<void>((resolve) => server.listen(PIXEL_PORT, '127.0.0.1', resolve));
    // The test's own certificate: the browser is told to accept it, as it would a real site's.
    ({ page, close } = await freshContext({ ignoreHTTPSErrors: true }));
  });
  afterAll(async () => {
    await close();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  async function importDeck(topic: string): Promise<string> {
    await open(page, `${base}/import`);
    await page
      .locator('#import-file')
      .setInputFiles({ name: `${topic}-pixel.csv`, mimeType: 'text/csv', buffer: deckCsv(topic) });
    await page.getByTestId('import-summary').waitFor();
    // The preview shows the card without fetching its image either.
    await page.locator('.remote-image').first().waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/decks\/[^/]+$/);
    return new URL(page.url()).pathname.split('/').at(-1)!;
  }

  async function revealFirst(deckId: string): Promise<void> {
    await open(page, `${base}/decks/${deckId}/study`);
    await page.getByRole('button', { name: 'Show answer' }).click();
  }

  const image = () => page.getByRole('img', { name: /pixel/ });
  const loadedWidth = () => image().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth);

  test('no request until "Load images from <host>"; then the deck remembers it, and only that deck', async () => {
    const first = await importDeck('first');
    const second = await importDeck('second');
    await revealFirst(first);
    const placeholder = page.locator('.remote-image');
    await placeholder.waitFor();
    expect(await placeholder.textContent()).toContain(`Image from ${HOST} not loaded: a first pixel.`);
    expect(await image().isVisible()).toBe(false);
    expect(requests).toBe(0);

    await page.getByRole('button', { name: `Load images from ${HOST}` }).click();
    await expect.poll(loadedWidth).toBe(1);
    expect(requests).toBe(1);
    expect(await placeholder.count()).toBe(0);

    // Remembered for this deck: after a reload it shows at once.
    await revealFirst(first);
    await expect.poll(loadedWidth).toBe(1);
    expect(requests).toBe(2);

    // Another deck from the same site asks again, and fetches nothing meanwhile.
    await revealFirst(second);
    await page.locator('.remote-image').waitFor();
    expect(await page.getByRole('button', { name: `Load images from ${HOST}` }).isVisible()).toBe(true);
    expect(requests).toBe(2);
  });
});
