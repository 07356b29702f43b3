/**
 * Sync between two devices (two browser profiles) through the real Factdeck server the global setup
 * runs: turning sync on, linking with a code (a wrong one refused and nothing changed), grading
 * offline on both and syncing, an undo reaching the other device, and a removed device locked out.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open, readStore, waitForServiceWorker } from './browser';
import {
  firstSynced,
  grade,
  logIds,
  openSync as openSyncAt,
  pending,
  showLinkCode,
  states,
  syncNow as syncNowAt
} from './sync-device';

const base = inject('baseUrl');
const DECK = 'world-capitals';

const openSync = (page: Page) => openSyncAt(page, base);
const syncNow = (page: Page) => syncNowAt(page, base);

describe('two devices in sync', () => {
  let a: Page;
  let b: Page;
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const [one, two] = [await freshContext(), await freshContext()];
    closers.push(one.close, two.close);
    [a, b] = [one.page, two.page];
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });

  test('A turns sync on; B refuses a wrong link code, changing nothing, then links with the right one', async () => {
    await openSync(a);
    await a.getByRole('button', { name: 'Turn on sync' }).click();
    await firstSynced(a);
    await expect(a.getByTestId('recovery-key').textContent()).resolves.toMatch(/[2-9A-Z]{4}(-[2-9A-Z]{4}){5}/);
    await expect(a.getByLabel('Sync is on').isChecked()).resolves.toBe(true);

    const code = await showLinkCode(a);
    await expect(a.getByRole('img', { name: `QR code for the link code ${code}` }).isVisible()).resolves.toBe(true);

    await openSync(b);
    const wrong = code.startsWith('2222') ? '3333-3333' : '2222-2222';
    await b.getByRole('textbox', { name: 'Link code' }).fill(wrong);
    await b.getByRole('button', { name: 'Link this device' }).click();
    await expect.poll(() => b.getByRole('alert').textContent()).toMatch(/That link code is not valid/);
    expect(await readStore(b, 'syncState')).toEqual([]);
    await expect(b.getByRole('button', { name: 'Turn on sync' }).isVisible()).resolves.toBe(true);

    await b.getByRole('textbox', { name: 'Link code' }).fill(code.toLowerCase());
    await b.getByRole('button', { name: 'Link this device' }).click();
    await firstSynced(b);
    await expect(b.getByRole('alert').count()).resolves.toBe(0);
    const list = b.getByTestId('linked-devices').getByRole('listitem');
    await expect.poll(() => list.count()).toBe(2);
    await expect(list.filter({ hasText: '(this device)' }).count()).resolves.toBe(1);
  });

  test('both study offline, the same card included; after syncing both hold the same logs and states', async () => {
    for (const page of [a, b]) {
      await open(page, `${base}/decks/${DECK}/study`);
      await waitForServiceWorker(page);
      await page.context().setOffline(true);
    }
    await grade(a, 2);
    await grade(b, 1);
    expect(await pending(a)).toBeGreaterThanOrEqual(2);

    // Offline, Settings says what waits and that the server cannot be reached; nothing is lost.
    await openSync(a);
    await expect
      .poll(() => a.getByTestId('sync-pending').textContent())
      .toMatch(/^[2-9]\d* changes waiting to be sent\.$/);
    await a.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => a.getByTestId('sync-problem').textContent()).toMatch(/cannot be reached/);
    expect(await logIds(a)).toHaveLength(2);

    for (const page of [a, b]) await page.context().setOffline(false);
    await syncNow(a);
    await syncNow(b);
    await syncNow(a);
    const logs = await logIds(a);
    expect(logs).toHaveLength(3);
    expect(await logIds(b)).toEqual(logs);
    // The card both graded has two reviews, replayed in time order on each device alike.
    const sa = await states(a);
    expect(sa.map((s) => s.reps).sort()).toEqual([1, 2]);
    expect(await states(b)).toEqual(sa);
  });

  test('an undo on A of a grade B already has reaches B', async () => {
    await open(a, `${base}/decks/${DECK}/study`);
    await grade(a, 1);
    // The grade is sent a moment later by itself.
    await expect.poll(() => pending(a), { timeout: 30_000 }).toBe(0);
    await syncNow(b);
    const withGrade = await logIds(b);
    expect(withGrade).toHaveLength(4);
    expect(await logIds(a)).toEqual(withGrade);

    await a.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await logIds(a)).length).toBe(3);
    await expect.poll(() => pending(a), { timeout: 30_000 }).toBe(0);
    await syncNow(b);
    expect(await logIds(b)).toEqual(await logIds(a));
    expect(await states(b)).toEqual(await states(a));
  });

  test('A removes B: B is locked out at once and keeps its progress', async () => {
    await openSync(a);
    const row = a.getByTestId('linked-devices').getByRole('listitem').filter({ hasNotText: '(this device)' });
    await row.getByRole('button', { name: 'Remove' }).click();
    await a.getByRole('alertdialog').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => a.getByTestId('linked-devices').getByRole('listitem').count()).toBe(1);

    const kept = await logIds(b);
    await openSync(b);
    await b.getByRole('button', { name: 'Sync now' }).click();
    await expect.poll(() => b.getByRole('alert').textContent()).toMatch(/removed from sync/);
    await expect.poll(() => b.getByRole('button', { name: 'Turn on sync' }).isVisible()).toBe(true);
    expect(await logIds(b)).toEqual(kept);
  });
});
