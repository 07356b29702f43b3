import { afterEach, beforeEach, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { firstPage, freshContext, open, readStore } from './browser';

const base = inject('baseUrl');
const STUDY = `${base}/decks/world-capitals/study`;

const question = (page: Page) => page.getByRole('article', { name: 'Card' }).locator('.question').innerText();
const counts = (page: Page) => page.locator('p.counts').innerText();

async function gradeGood(page: Page) {
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: 'Good', exact: true }).click();
}

describe('two tabs at once', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;

  beforeEach(async () => {
    ({ context, close } = await freshContext());
  });
  afterEach(() => close());

  test('studying the same deck in two tabs: each queue follows the other, no review lost or doubled', async () => {
    const a = await firstPage(context);
    const b = await context.newPage();
    await open(a, STUDY);
    await open(b, STUDY);
    await a.getByRole('button', { name: 'Show answer' }).waitFor();
    await b.getByRole('button', { name: 'Show answer' }).waitFor();
    const first = await question(a);
    expect(await question(b)).toBe(first);
    const countsBefore = await counts(b);

    await gradeGood(a);
    // Tab B moves on by itself: the card graded in A is no longer first, and the counts changed.
    await expect.poll(() => question(b)).not.toBe(first);
    await expect.poll(() => counts(b)).not.toBe(countsBefore);
    const second = await question(b);
    expect(await question(a)).toBe(second);

    // B reveals its card; A grades that same card meanwhile: B moves on to the next card rather than
    // count a second review of it, and B's next grade goes to that next card.
    await b.getByRole('button', { name: 'Show answer' }).click();
    await gradeGood(a);
    await expect.poll(() => question(b)).not.toBe(second);
    expect(await b.getByRole('button', { name: 'Show answer' }).isVisible()).toBe(true);
    await gradeGood(b);

    await expect.poll(async () => (await readStore(a, 'reviewLogs')).length).toBe(3);
    const logs = await readStore<{ id: string; cardId: string; after: { reps: number } }>(a, 'reviewLogs');
    expect(new Set(logs.map((l) => l.id)).size).toBe(3);
    const states = await readStore<{ cardId: string; reps: number }>(a, 'cardStates');
    // Every state matches its log: reps equals the number of log rows for that card.
    for (const s of states) expect(s.reps).toBe(logs.filter((l) => l.cardId === s.cardId).length);
    expect(states.map((s) => s.reps)).toEqual([1, 1, 1]);
  });

  test('a tab whose database another tab upgrades says so instead of failing', async () => {
    const oldTab = await firstPage(context);
    await open(oldTab, STUDY);
    await oldTab.getByRole('button', { name: 'Show answer' }).waitFor();
    const newTab = await context.newPage();
    await open(newTab, `${base}/no-such-page`);
    // A newer version of the app opens the database with a higher version number.
    const upgraded = await newTab.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('factdeck', 10_000);
          req.onsuccess = () => {
            const v = req.result.version;
            req.result.close();
            resolve(v);
          };
          req.onerror = () => reject(req.error);
        })
    );
    expect(upgraded).toBe(10_000);
    const notice = oldTab
      .getByRole('alert')
      .filter({ hasText: 'Factdeck was updated in another tab: reload to continue' });
    await notice.waitFor();
    expect(await notice.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
  });

  test('an old tab holding the database open does not make a new one hang', async () => {
    const oldTab = await firstPage(context);
    // Not a page of this version of the app, which opens the database itself as it starts.
    await oldTab.goto(`${base}/icons/favicon.svg`);
    // An old tab of a previous version holds version 1 open and ignores requests to close.
    await oldTab.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const req = indexedDB.open('factdeck', 10);
          req.onsuccess = () => {
            (window as unknown as { held: IDBDatabase }).held = req.result;
            resolve();
          };
          req.onerror = () => reject(req.error);
        })
    );
    const newTab = await context.newPage();
    await newTab.goto(STUDY);
    const notice = newTab.getByRole('alert').filter({ hasText: 'Close or reload your other Factdeck tabs' });
    await notice.waitFor();
    // Once the old tab lets go, reloading works.
    await oldTab.evaluate(() => (window as unknown as { held: IDBDatabase }).held.close());
    await newTab.reload();
    await newTab.getByRole('button', { name: 'Show answer' }).waitFor();
  });
});
