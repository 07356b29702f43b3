/**
 * Restoring a big backup (issue 21, item 2): the file is read, checked and written in a worker, and
 * the page shows how far it is; the restore is still one transaction (tests/e2e/crash.test.ts and the
 * kills in backup tests hold that).
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Page } from 'playwright-core';
import { makeBackup } from '../../src/lib/domain/backup-file';
import type { BackupData } from '../../src/lib/domain/backup';
import { freshContext, open, readStore } from './browser';

const base = inject('baseUrl');
const REVIEWS = 20_000;

describe('a big restore', () => {
  let page: Page;
  let close: () => Promise<void>;
  let dir: string;

  beforeAll(async () => {
    ({ page, close } = await freshContext());
    dir = mkdtempSync(join(tmpdir(), 'factdeck-big-restore-'));
  });
  afterAll(async () => {
    await close();
    rmSync(dir, { recursive: true, force: true });
  });

  test(`${REVIEWS.toLocaleString('en')} reviews: checked and written off the page, with progress shown`, async () => {
    await open(page, `${base}/decks/world-capitals/study`);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Good', exact: true }).click();
    await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(1);

    await open(page, `${base}/settings`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download backup', exact: true }).click()
    ]);
    const small = join(dir, 'small.json');
    await download.saveAs(small);
    // The one review and its state, made into many: one per made-up card of the same deck.
    const { data, appVersion } = JSON.parse(readFileSync(small, 'utf8')) as { data: BackupData; appVersion: string };
    const [log] = data.reviewLogs;
    const [state] = data.cardStates;
    const big: BackupData = {
      ...data,
      reviewLogs: Array.from({ length: REVIEWS }, (_, i) => ({
        ...log,
        id: uuidv7({ msecs: log.reviewedAt - i }),
        cardId: `card-${i}`,
        reviewedAt: log.reviewedAt - i
      })),
      cardStates: Array.from({ length: REVIEWS }, (_, i) => ({ ...state, cardId: `card-${i}` }))
    };
    const file = join(dir, 'big.json');
    writeFileSync(file, JSON.stringify(await makeBackup(big, appVersion, new Date())));

    // Every progress text the page shows, as it shows it.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="restore-progress"]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const restore = page.getByRole('region', { name: 'Restore a backup' });
    await restore.getByLabel('Backup file').setInputFiles(file);
    await restore.getByRole('button', { name: 'Restore backup' }).click();
    await restore.getByTestId('restore-preview').waitFor({ timeout: 60_000 });
    await restore.getByRole('radio', { name: 'Replace everything here' }).check();
    await restore.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect
      .poll(() => restore.getByRole('status').textContent(), { timeout: 60_000 })
      .toMatch(/^Restored the backup/);

    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    expect(seen).toContain('Checking every row of the file…');
    const written = seen.filter((s) => /^Restoring: \d+% written…$/.test(s));
    expect(written.length).toBeGreaterThan(1);
    expect(await readStore(page, 'reviewLogs')).toHaveLength(REVIEWS);
    expect(await readStore(page, 'cardStates')).toHaveLength(REVIEWS);
  }, 300_000);
});
