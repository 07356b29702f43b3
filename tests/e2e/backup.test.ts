import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { freshContext, open, readStore } from './browser';

const base = inject('baseUrl');
const DECK = 'world-capitals';

interface Device {
  context: BrowserContext;
  close: () => Promise<void>;
  page: Page;
}

/** A browser profile of its own: a second device, or the same one after clearing site data. */
async function device(time: Date): Promise<Device> {
  const fresh = await freshContext();
  await fresh.context.clock.install({ time });
  return fresh;
}

/** Everything the learner can see about their progress: the deck's counts and every figure on /stats. */
async function statistics(page: Page) {
  await open(page, `${base}/decks/${DECK}`);
  await page.getByTestId('state-new').waitFor();
  const deck = await page.getByTestId(/^state-/).allTextContents();
  await open(page, `${base}/stats`);
  await page.getByTestId('stats-learning').waitFor();
  const figures = await page
    .locator('main [data-testid]')
    .evaluateAll((els) => els.map((el) => `${el.getAttribute('data-testid')}: ${el.textContent?.trim()}`));
  return { deck, figures };
}

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('backup and restore through Settings', () => {
  const noon = new Date();
  noon.setHours(12, 0, 0, 0);
  const dir = mkdtempSync(join(tmpdir(), 'factdeck-backup-'));
  let first: Device;
  let second: Device;

  beforeAll(async () => {
    first = await device(noon);
    second = await device(noon);
  });
  afterAll(async () => {
    await first?.close();
    await second?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('download a backup, restore it where the site data was cleared, and see the same statistics', async () => {
    const { page } = first;
    await open(page, `${base}/decks/${DECK}/study`);
    const ratings = ['Good', 'Again', 'Easy', 'Good'];
    for (const [i, rating] of ratings.entries()) {
      await page.getByRole('article', { name: 'Card' }).waitFor();
      const typed = page.locator('#typed-answer');
      if (await typed.isVisible()) await typed.press('Enter');
      else await page.getByRole('button', { name: 'Show answer' }).click();
      await page.getByRole('button', { name: rating, exact: true }).click();
      await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(i + 1);
    }
    const stats = await statistics(page);
    expect(stats.deck.map(Number).reduce((a, b) => a + b)).toBeGreaterThan(0);
    expect(stats.figures).toContain(`reviews-today: ${ratings.length}`);
    const logs = byId(await readStore<{ id: string }>(page, 'reviewLogs'));
    const states = await readStore(page, 'cardStates');

    await open(page, `${base}/settings`);
    await expect.poll(() => page.getByTestId('last-backup').textContent()).toContain('No backup downloaded');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download backup', exact: true }).click()
    ]);
    expect(download.suggestedFilename()).toMatch(/^factdeck-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    const backup = JSON.parse(readFileSync(file, 'utf8'));
    expect(backup).toMatchObject({ format: 'factdeck-backup', formatVersion: 1 });
    expect(backup.data.reviewLogs).toHaveLength(ratings.length);
    await expect.poll(() => page.getByTestId('last-backup').textContent()).toMatch(/^\s*Last backup:/);

    // The cleared device: nothing studied.
    const other = second.page;
    await open(other, `${base}/settings`);
    expect(await readStore(other, 'reviewLogs')).toEqual([]);
    const restore = other.getByRole('region', { name: 'Restore a backup' });

    // A file that is not a backup is refused, and says why.
    await restore.getByLabel('Backup file').setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format": "factdeck-backup", "formatVersion": 1')
    });
    await restore.getByRole('button', { name: 'Restore backup' }).click();
    await expect.poll(() => restore.getByRole('alert').textContent()).toMatch(/This backup is cut short/);
    // A picture chosen by mistake is named as such, never with the parser's words ("Unexpected token '�PNG'").
    await restore.getByLabel('Backup file').setInputFiles({
      name: 'factdeck-backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
    });
    await restore.getByRole('button', { name: 'Restore backup' }).click();
    await expect.poll(() => restore.getByRole('alert').textContent()).not.toMatch(/cut short/);
    const refused = (await restore.getByRole('alert').textContent()) ?? '';
    expect(refused).not.toMatch(/Unexpected|token|PNG/);
    expect(refused).toMatch(/not a text file|not text/i);

    await restore.getByLabel('Backup file').setInputFiles(file);
    await restore.getByRole('button', { name: 'Restore backup' }).click();
    const preview = restore.getByTestId('restore-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain(`${ratings.length} reviews in the file are new to this device`);
    await restore.getByRole('radio', { name: 'Replace everything here' }).check();
    await restore.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(() => restore.getByRole('status').textContent()).toMatch(/^Restored the backup/);
    // The device now holds exactly that backup: Settings does not claim none was ever made.
    await expect.poll(() => other.getByTestId('last-backup').textContent()).toMatch(/^\s*Last backup:/);

    expect(byId(await readStore<{ id: string }>(other, 'reviewLogs'))).toEqual(logs);
    expect(await readStore(other, 'cardStates')).toEqual(states);
    expect(await statistics(other)).toEqual(stats);
  });
});
