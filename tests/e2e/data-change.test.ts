/**
 * A destructive change in one tab while another studies or takes a quiz (issue 21, item 4): the
 * open tab stops, says why, starts again from what is stored, and writes nothing for what is gone.
 * Two pages of one browser context are two tabs of one device.
 */
import { afterEach, beforeEach, describe, expect, inject, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { firstPage, freshContext, open, readStore } from './browser';

const base = inject('baseUrl');
const COUNTRIES = ['France', 'Spain', 'Italy', 'Peru', 'Kenya', 'Japan'];
const CITIES = ['Paris', 'Madrid', 'Rome', 'Lima', 'Nairobi', 'Tokyo'];
const csv = (from = 0) =>
  Buffer.from(
    ['front,back', ...COUNTRIES.map((c, i) => `Capital of ${c},${CITIES[i]}`).slice(from)].join('\r\n') + '\r\n'
  );

interface Log {
  id: string;
  cardId: string;
  deckId: string;
}
interface StateRow {
  cardId: string;
  deckId: string;
  reps: number;
}
interface Bucket {
  reviews: number;
}

const question = (page: Page) => page.getByRole('article', { name: 'Card' }).locator('.question').innerText();
const notice = (page: Page) => page.getByTestId('changed-elsewhere');

async function importCsv(page: Page, buffer: Buffer, deleteRemoved = false): Promise<string> {
  await open(page, `${base}/import`);
  await page.locator('#import-file').setInputFiles({ name: 'tab-race.csv', mimeType: 'text/csv', buffer });
  await page.getByTestId('import-summary').waitFor();
  if (deleteRemoved) await page.getByRole('radio', { name: 'Delete their progress and history' }).check();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.waitForURL(/\/decks\/[^/]+$/);
  return new URL(page.url()).pathname.split('/').at(-1)!;
}

async function gradeGood(page: Page): Promise<void> {
  const before = (await readStore(page, 'reviewLogs')).length;
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: 'Good', exact: true }).click();
  await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(before + 1);
}

/** Every state belongs to a card the deck has and matches its log; every log row has its state; the buckets sum the log. */
async function consistent(page: Page, deckId: string | null, cards: number): Promise<{ logs: Log[] }> {
  const [logs, states, buckets] = await Promise.all([
    readStore<Log>(page, 'reviewLogs'),
    readStore<StateRow>(page, 'cardStates'),
    readStore<Bucket>(page, 'reviewBuckets')
  ]);
  const decks = await readStore<{ id: string; deck: { cards: { id: string }[] } }>(page, 'decks');
  const ids = new Set(decks.find((d) => d.id === deckId)?.deck.cards.map((c) => c.id) ?? []);
  expect(ids.size).toBe(cards);
  for (const s of states) {
    expect(ids.has(s.cardId), `state of ${s.cardId}`).toBe(true);
    expect(s.reps).toBe(logs.filter((l) => l.cardId === s.cardId).length);
  }
  for (const l of logs)
    expect(
      states.some((s) => s.cardId === l.cardId),
      `log of ${l.cardId}`
    ).toBe(true);
  expect(buckets.reduce((n, b) => n + b.reviews, 0)).toBe(logs.length);
  return { logs };
}

describe('a destructive change in another tab', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  let a: Page;
  let b: Page;
  let deckId: string;

  beforeEach(async () => {
    ({ context, close } = await freshContext());
    a = await firstPage(context);
    b = await context.newPage();
    deckId = await importCsv(b, csv());
    await open(a, `${base}/decks/${deckId}/study`);
    await gradeGood(a);
    await gradeGood(a);
    // The third card is on screen with its answer shown when the other tab acts.
    await a.getByRole('button', { name: 'Show answer' }).click();
  });
  afterEach(() => close());

  test('importing the deck again without the studied cards: the studying tab starts again, nothing written for them', async () => {
    await importCsv(b, csv(3), true);
    await expect.poll(() => notice(a).textContent()).toContain('This deck was imported again in another tab');
    // The new session shows a card of the new version, and grading it works.
    await expect.poll(() => question(a)).toContain('Capital of Peru');
    await gradeGood(a);
    const { logs } = await consistent(a, deckId, 3);
    expect(logs).toHaveLength(1);
  });

  test('"Reset all progress": the studying tab starts again from nothing; the buckets and the log agree', async () => {
    await open(b, `${base}/settings`);
    await b.getByRole('button', { name: 'Reset all progress' }).click();
    await b.getByRole('button', { name: 'Yes, reset all progress' }).click();
    await expect.poll(() => notice(a).textContent()).toContain('All progress was reset in another tab');
    expect(await readStore(a, 'reviewLogs')).toEqual([]);
    await expect.poll(() => question(a)).toContain('Capital of France');
    await gradeGood(a);
    const { logs } = await consistent(a, deckId, 6);
    expect(logs).toHaveLength(1);
  });

  test('restoring a backup ("Replace everything"): the studying tab starts again from the backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'factdeck-data-change-'));
    try {
      await open(b, `${base}/settings`);
      const [download] = await Promise.all([
        b.waitForEvent('download'),
        b.getByRole('button', { name: 'Download backup', exact: true }).click()
      ]);
      const file = join(dir, 'backup.json');
      await download.saveAs(file);
      // Two more grades after the backup, which the restore takes away.
      await a.getByRole('button', { name: 'Good', exact: true }).click();
      await gradeGood(a);
      expect(await readStore(a, 'reviewLogs')).toHaveLength(4);
      await a.getByRole('button', { name: 'Show answer' }).click();

      const restore = b.getByRole('region', { name: 'Restore a backup' });
      await restore.getByLabel('Backup file').setInputFiles(file);
      await restore.getByRole('button', { name: 'Restore backup' }).click();
      await restore.getByTestId('restore-preview').waitFor();
      await restore.getByRole('radio', { name: 'Replace everything here' }).check();
      await restore.getByRole('button', { name: 'Restore', exact: true }).click();
      await expect.poll(() => notice(a).textContent()).toContain('A backup or snapshot was restored in another tab');
      expect(await readStore(a, 'reviewLogs')).toHaveLength(2);
      await gradeGood(a);
      const { logs } = await consistent(a, deckId, 6);
      expect(logs).toHaveLength(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('deleting the deck while a quiz is open: the quiz says so and saves nothing', async () => {
    await open(a, `${base}/decks/${deckId}/quiz`);
    await a.getByRole('button', { name: /Start/ }).click();
    await a.getByRole('article', { name: 'Question 1' }).waitFor();
    await open(b, `${base}/decks/${deckId}`);
    await b.getByRole('button', { name: 'Delete this deck' }).click();
    await b.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(async () => (await readStore(b, 'decks')).length).toBe(0);
    await expect.poll(() => notice(a).textContent()).toContain('This deck was deleted in another tab');
    expect(await a.getByRole('link', { name: 'Back to your decks' }).isVisible()).toBe(true);
    expect(await a.getByRole('article', { name: 'Question 1' }).count()).toBe(0);
    expect(await readStore(a, 'quizAttempts')).toEqual([]);
    expect(await readStore(a, 'reviewLogs')).toEqual([]);
    expect(await readStore(a, 'cardStates')).toEqual([]);
  });
});
