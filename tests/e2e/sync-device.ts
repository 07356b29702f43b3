/** A browser profile used as a sync device: Settings → Sync, grading, and what its IndexedDB holds. */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { open, readStore } from './browser';

interface LogRow {
  id: string;
  cardId: string;
  rating: number;
}
interface StateRow {
  deckId: string;
  cardId: string;
  reps: number;
  due: number;
  stability: number;
}
interface SyncRow {
  key: string;
  pending?: 1;
}

export async function openSync(page: Page, base: string) {
  await open(page, `${base}/settings#sync`);
  await page.getByRole('heading', { name: 'Sync', exact: true }).waitFor();
}

/** Grades `n` cards Good on the study page that is open. */
export async function grade(page: Page, n: number) {
  for (let i = 0; i < n; i++) {
    await page.getByRole('article', { name: 'Card' }).waitFor();
    const typed = page.locator('#typed-answer');
    if (await typed.isVisible()) await typed.press('Enter');
    else await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Good', exact: true }).click();
    // As long as a loaded machine may take to save the grade.
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).isVisible(), { timeout: 30_000 }).toBe(true);
  }
}

export const logIds = async (page: Page) => (await readStore<LogRow>(page, 'reviewLogs')).map((l) => l.id).sort();
/** How many records wait to be sent (the outbox). */
export const pending = async (page: Page) =>
  (await readStore<SyncRow>(page, 'syncRecords')).filter((r) => r.pending).length;
export const states = async (page: Page) =>
  (await readStore<StateRow>(page, 'cardStates'))
    .map(({ deckId, cardId, reps, due, stability }) => ({ deckId, cardId, reps, due, stability }))
    .sort((a, b) => a.cardId.localeCompare(b.cardId));

/** A sync of a whole join or push and pull: seconds on a busy machine. */
const SYNC_WAIT = { timeout: 30_000 };

/** Waits until Settings, open on `page`, says the device has synced. */
export async function firstSynced(page: Page) {
  await expect.poll(() => page.getByTestId('last-synced').textContent(), SYNC_WAIT).toMatch(/^Last synced: /);
}

/** "Sync now" on Settings, then waits until nothing waits to be sent and the sync finished. */
export async function syncNow(page: Page, base: string) {
  await openSync(page, base);
  const button = page.getByRole('button', { name: 'Sync now' });
  await button.waitFor();
  await expect.poll(() => button.isEnabled()).toBe(true);
  const syncedAt = async () => Number((await page.getByTestId('last-synced').getAttribute('data-at')) ?? 0);
  const before = await syncedAt();
  await button.click();
  await expect.poll(syncedAt, SYNC_WAIT).toBeGreaterThan(before);
  await expect.poll(() => page.getByTestId('sync-pending').textContent()).toBe('Nothing waiting to be sent.');
}

/** "Link another device" on Settings of `page`: the code it shows. */
export async function showLinkCode(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Link another device' }).click();
  const shown = await page.getByTestId('link-code').textContent();
  const code = /Link code: ([2-9A-Z]{4}-[2-9A-Z]{4})$/.exec(shown ?? '')?.[1];
  expect(code, shown ?? '').toBeTruthy();
  return code!;
}
