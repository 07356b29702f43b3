/**
 * Full storage: with the origin's quota made tiny (DevTools protocol), grading and importing fail with
 * a message that says what to do, the app keeps working, and nothing already stored changes.
 */
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { firstPage, open, Profile, readStore, waitForServiceWorker } from './browser';

const base = inject('baseUrl');
const STUDY = `${base}/decks/world-capitals/study`;
const TABLES = ['cardStates', 'reviewLogs', 'settings', 'quizAttempts', 'decks', 'snapshots', 'snapshotData'];
const csv = (rows: string[]) => Buffer.from(['front,back', ...rows].join('\r\n') + '\r\n');

const everything = async (page: Page) =>
  Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await readStore(page, t)] as const)));

async function gradeGood(page: Page) {
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: 'Good', exact: true }).click();
}

async function importCsv(page: Page, name: string, rows: string[]) {
  await open(page, `${base}/import`);
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: csv(rows) });
  await page.getByTestId('import-summary').waitFor();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
}

describe('full storage', () => {
  // The same device launched twice: with room to spare, then full.
  const device = new Profile();
  afterAll(() => device.remove());

  test('grading and importing say the device is full and what to do; nothing stored is damaged', async () => {
    // Some progress first, with room to spare: three grades and an imported deck.
    let context = await device.launch();
    let page = await firstPage(context);
    await open(page, `${base}/`);
    await waitForServiceWorker(page);
    await importCsv(page, 'words.csv', ['one,1', 'two,2']);
    await page.waitForURL(`${base}/decks/words`);
    await open(page, STUDY);
    for (let i = 0; i < 3; i++) await gradeGood(page);
    await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(3);
    const before = await everything(page);
    await context.close();

    // The same device with its storage full. Chromium applies a quota override to IndexedDB from the
    // next time the origin opens it, so it is set before the app loads.
    context = await device.launch();
    page = await firstPage(context);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: base, quotaSize: 1 });

    await open(page, STUDY);
    const question = await page.getByRole('article', { name: 'Card' }).locator('.question').innerText();
    await gradeGood(page);
    const full = page.getByRole('alert').filter({ hasText: 'Your device is out of storage space' });
    await full.waitFor();
    expect(await full.innerText()).toBe(
      'Your device is out of storage space, so your answer was not saved. Free some space on it, or download a backup from Settings, then try again.'
    );
    // The card is still there to answer; nothing else went wrong.
    expect(await page.getByRole('article', { name: 'Card' }).locator('.question').innerText()).toBe(question);
    await page.getByRole('button', { name: 'Show answer' }).waitFor();

    await importCsv(page, 'more.csv', ['three,3', 'four,4']);
    await page
      .getByRole('alert')
      .filter({ hasText: 'Your device is out of storage space, so nothing was imported.' })
      .waitFor();
    expect(page.url()).toBe(`${base}/import`);

    // Other pages still work, reading what is stored.
    await open(page, `${base}/decks/words`);
    await page.getByRole('heading', { level: 1, name: /words/i }).waitFor();
    expect(await everything(page)).toEqual(before);

    // Once there is space again, the same grade goes through.
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: base });
    await open(page, STUDY);
    await gradeGood(page);
    await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(4);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
