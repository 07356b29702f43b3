import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open, openThenGoOffline, readStore } from './browser';

const base = inject('baseUrl');

const csv = (rows: string[]) => Buffer.from(['front,back', ...rows].join('\r\n') + '\r\n');
const V1 = ['Capital of France,Paris', 'Capital of Spain,Madrid', 'Capital of Italy,Rome'];
const V2 = ['Capital of France,"Paris, on the Seine"', 'Capital of Spain,Madrid', 'Capital of Germany,Berlin'];

const YAML_DECK = `id: pasted-deck
title: Pasted deck
description: Typed straight into the import page.
language: en
cards:
  - id: one
    type: basic
    front: One plus one
    back: Two
  - id: sky
    type: truefalse
    front: The sky is green.
    answer: false
`;

describe('import without rebuilding, then study offline', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext());
    await openThenGoOffline(page, `${base}/`);
  });
  afterAll(() => close());

  async function importCsv(rows: string[]) {
    await open(page, `${base}/import`);
    await page.locator('#import-file').setInputFiles({ name: 'capitals.csv', mimeType: 'text/csv', buffer: csv(rows) });
    await page.getByTestId('import-summary').waitFor();
  }

  test('a CSV file: preview, import, study one card offline', async () => {
    await importCsv(V1);
    expect(await page.getByTestId('import-summary').textContent()).toContain('3 cards');
    const preview = page.getByRole('region', { name: 'Cards to import' });
    expect(await preview.getByRole('listitem').count()).toBe(3);
    expect(await preview.textContent()).toContain('Capital of Spain');
    expect(await readStore(page, 'decks')).toHaveLength(0); // nothing saved before confirming

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(`${base}/decks/capitals`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByTestId('state-new').textContent()).toBe('3');

    await open(page, `${base}/decks/capitals/study`);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Good', exact: true }).click();
    await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(1);

    // Still there after a reload, offline, through the app shell.
    await page.reload();
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    await open(page, `${base}/`);
    const imported = page.getByRole('list', { name: 'Imported decks' });
    await imported.waitFor();
    expect(await imported.textContent()).toContain('Imported');
  });

  test('re-importing a changed version keeps progress of cards that are still there', async () => {
    const [studied] = await readStore<{ cardId: string; reps: number }>(page, 'cardStates');
    await importCsv(V2);
    expect(await page.getByRole('status').filter({ hasText: 'You already imported this deck' }).textContent()).toMatch(
      /1 new,\s+1 changed,\s+1 removed,\s+1 unchanged/
    );
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(`${base}/decks/capitals`);
    const states = await readStore<{ deckId: string; cardId: string; reps: number }>(page, 'cardStates');
    expect(states).toEqual([expect.objectContaining({ deckId: 'capitals', cardId: studied.cardId, reps: 1 })]);
    const [record] = await readStore<{ deck: { cards: { back: string }[] }; changed: Record<string, number> }>(
      page,
      'decks'
    );
    expect(record.deck.cards.map((c) => c.back)).toContain('Paris, on the Seine');
    expect(Object.keys(record.changed)).toEqual([studied.cardId]);
  });

  test('a Factdeck deck pasted as text, and a broken file that is refused with its line', async () => {
    await open(page, `${base}/import`);
    await page.getByLabel('Or paste the cards here').fill(YAML_DECK.replace('    back: Two\n', ''));
    await page.getByRole('button', { name: 'Preview' }).click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toMatch(/line 6, column \d+:.*missing field "back"/);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);

    await page.getByLabel('Or paste the cards here').fill(YAML_DECK);
    await page.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => page.getByTestId('import-problems').count()).toBe(0);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(`${base}/decks/pasted-deck`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Pasted deck');
    expect((await readStore<{ id: string }>(page, 'decks')).map((d) => d.id).sort()).toEqual([
      'capitals',
      'pasted-deck'
    ]);
  });
});
