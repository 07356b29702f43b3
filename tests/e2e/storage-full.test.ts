/**
 * Full storage: with the origin's quota made tiny (DevTools protocol), grading and importing fail with
 * a message that says what to do, the app keeps working, and nothing already stored changes. With the
 * quota set to exactly what the origin already uses (a device with no room left), deleting a deck,
 * a snapshot or all progress still works, and the out-of-space message offers to delete old
 * snapshots, after which the failed grade goes through.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
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

/** Card backs that do not compress, so a deck of them really takes space (about 300 bytes a card). */
function noise(n: number, seed: number): string[] {
  let x = seed;
  const word = () => {
    let w = '';
    for (let i = 0; i < 6; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      w += String.fromCharCode(97 + (x % 26));
    }
    return w;
  };
  return Array.from({ length: n }, (_, i) => `q${seed}-${i},${Array.from({ length: 40 }, word).join(' ')}`);
}

/** Writes one settings row from inside the page, outside the app: its error name, or 'ok'. */
function tryWrite(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('factdeck');
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('settings', 'readwrite');
          tx.objectStore('settings').put({ key: 'probe', value: 'x'.repeat(100) });
          tx.oncomplete = () => (db.close(), resolve('ok'));
          tx.onabort = () => (db.close(), resolve(tx.error?.name ?? 'aborted'));
        };
        open.onerror = () => resolve(open.error?.name ?? 'open failed');
      })
  );
}

/** WCAG 2.2 A/AA violations on the page as it is, by rule and element (as the accessibility sweep counts them). */
async function axeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

describe('a device with no room left', () => {
  const profiles: Profile[] = [];
  afterAll(() => Promise.all(profiles.map((p) => p.remove())));

  /**
   * A learner's device: three imported decks (the first about 600 KB), so two import snapshots, and
   * three grades; then relaunched with the quota set to exactly what the origin uses, before the app
   * opens its database, so that any new write fails. Returns the page on the imported deck list.
   */
  async function fullDevice(): Promise<{
    context: BrowserContext;
    page: Page;
    usage: () => Promise<{ usage: number; indexedDb: number }>;
    errors: string[];
  }> {
    const device = new Profile();
    profiles.push(device);
    let context = await device.launch();
    let page = await firstPage(context);
    await open(page, `${base}/`);
    await waitForServiceWorker(page);
    for (const [name, rows] of [
      ['big.csv', noise(2000, 1)],
      ['small.csv', noise(5, 2)],
      ['words.csv', ['one,1', 'two,2']]
    ] as const) {
      await importCsv(page, name, [...rows]);
      await page.waitForURL(`${base}/decks/${name.replace('.csv', '')}`);
    }
    await open(page, STUDY);
    for (let i = 0; i < 3; i++) await gradeGood(page);
    await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(3);
    expect((await readStore(page, 'snapshots')).length).toBe(2);
    await context.close();

    context = await device.launch();
    page = await firstPage(context);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const cdp = await context.newCDPSession(page);
    const usage = async () => {
      const { usage, usageBreakdown } = await cdp.send('Storage.getUsageAndQuota', { origin: base });
      const indexedDb = usageBreakdown.find((b) => b.storageType === 'indexeddb')?.usage ?? 0;
      console.log('usage', usage, JSON.stringify(usageBreakdown.filter((b) => b.usage > 0)));
      return { usage, indexedDb };
    };
    // Chromium counts the database's usage once the origin opens it: open the app first, so the
    // quota is all the origin really uses (the app's offline copy included), then reload under it.
    await open(page, `${base}/`);
    await expect.poll(async () => (await usage()).indexedDb).toBeGreaterThan(0);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: base, quotaSize: (await usage()).usage });
    await page.goto('about:blank');
    await open(page, `${base}/`);
    // Full: not even a 100-byte row fits.
    expect(await tryWrite(page)).toBe('QuotaExceededError');
    return { context, page, usage, errors };
  }

  test('deleting an imported deck works on a full device', async () => {
    const { context, page, errors } = await fullDevice();
    await open(page, `${base}/decks/big`);
    await page.getByRole('button', { name: 'Delete this deck' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete', exact: true }).click();
    await page.waitForURL(`${base}/`);
    const decks = await readStore<{ id: string }>(page, 'decks');
    expect(decks.map((d) => d.id).sort()).toEqual(['small', 'words']);
    const states = await readStore<{ deckId: string }>(page, 'cardStates');
    expect(states.every((s) => s.deckId !== 'big')).toBe(true);
    // Open sessions of that deck are told: its data version moved once the deck's space was free.
    const versions = await readStore<{ scope: string; change: string }>(page, 'dataVersions');
    expect(versions.find((v) => v.scope === 'big')?.change).toBe('deleted');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the out-of-space message offers old snapshots to delete, oldest first; then the grade goes through', async () => {
    const { context, page, usage, errors } = await fullDevice();
    await open(page, STUDY);
    await gradeGood(page);
    await page.getByRole('alert').filter({ hasText: 'Your device is out of storage space' }).waitFor();
    const choices = page.getByRole('region', { name: 'Free space on this device' });
    const deletes = choices.getByRole('button', { name: /^Delete snapshot: / });
    await expect.poll(() => deletes.count()).toBe(2);
    const snapshots = await readStore<{ id: number; takenAt: number }>(page, 'snapshots');
    const oldest = snapshots.sort((a, b) => a.takenAt - b.takenAt)[0];
    expect(await deletes.first().innerText()).toMatch(/^Delete snapshot: Before importing a deck, /);
    // Each says what it holds: the oldest, taken before the second import, holds the big deck alone.
    expect(await choices.getByRole('listitem').first().innerText()).toContain('1 imported deck');
    expect(await axeViolations(page)).toEqual([]);

    const full = (await usage()).usage;
    await deletes.first().click();
    await choices.getByRole('status').filter({ hasText: 'Try again now.' }).waitFor();
    console.log('freed by the oldest snapshot', full - (await usage()).usage);
    expect((await readStore<{ id: number }>(page, 'snapshots')).map((s) => s.id)).not.toContain(oldest.id);
    await expect.poll(() => deletes.count()).toBe(1);

    // The same grade, tried again, is saved.
    await gradeGood(page);
    await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(4);
    await choices.getByRole('button', { name: 'Close' }).click();
    expect(await choices.count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('resetting progress and deleting a snapshot work on a full device, and the reset says it took no snapshot', async () => {
    const { context, page, errors } = await fullDevice();
    await open(page, `${base}/settings`);
    await page.getByRole('button', { name: 'Reset all progress' }).click();
    await page.getByRole('button', { name: 'Yes, reset all progress' }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.getByText('There is no room on this device for the snapshot').waitFor();
    expect((await readStore(page, 'reviewLogs')).length).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Reset without a snapshot' }).click();
    await page
      .getByRole('status')
      .filter({
        hasText: 'All progress was reset, suspended cards included. No snapshot was taken, for lack of space.'
      })
      .waitFor();
    expect((await readStore(page, 'reviewLogs')).length).toBe(0);
    expect((await readStore(page, 'cardStates')).length).toBe(0);
    expect((await readStore(page, 'snapshots')).length).toBe(2);

    // Still full; a snapshot is deleted from Settings all the same.
    expect(await tryWrite(page)).toBe('QuotaExceededError');
    await page.getByRole('button', { name: /^Delete snapshot 2: / }).click();
    await page
      .getByRole('alertdialog')
      .getByRole('button', { name: /^Delete snapshot 2: / })
      .click();
    await page
      .getByRole('status')
      .filter({ hasText: /^The snapshot of .+ was deleted\.$/ })
      .waitFor();
    expect((await readStore(page, 'snapshots')).length).toBe(1);
    expect(await page.getByRole('button', { name: /^Restore snapshot \d: / }).count()).toBe(1);
    // What it held is free again: a new write fits.
    expect(await tryWrite(page)).toBe('ok');
    expect(errors).toEqual([]);
    await context.close();
  });
});
