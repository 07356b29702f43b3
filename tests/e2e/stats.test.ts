import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, keepSiblingsTogether, open, openThenGoOffline, readStore } from './browser';

const base = inject('baseUrl');
const DECK = 'world-capitals';
const ITEMS = 11; // study items of world-capitals: a reverse card is two, each cloze deletion one

describe('statistics and the card browser, offline', () => {
  let close: () => Promise<void>;
  let page: Page;
  // Noon today: the study day (from 4 a.m.) holds the reviews and the cards they make due in minutes.
  const noon = new Date();
  noon.setHours(12, 0, 0, 0);

  beforeAll(async () => {
    ({ page, close } = await freshContext());
    await page.clock.install({ time: noon });
    await openThenGoOffline(page, `${base}/`);
    // Both sides of the reverse card are studied today, for the card browser's reset below.
    await keepSiblingsTogether(page, base);
  });
  afterAll(() => close());

  test('studying three new cards, graded Good', async () => {
    // Each goes to Learning, due again in minutes.
    await open(page, `${base}/decks/${DECK}/study`);
    for (let i = 0; i < 3; i++) {
      await page.getByRole('article', { name: 'Card' }).waitFor();
      const typed = page.locator('#typed-answer');
      if (await typed.isVisible()) await typed.press('Enter');
      else await page.getByRole('button', { name: 'Show answer' }).click();
      await page.getByRole('button', { name: 'Good', exact: true }).click();
      await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(i + 1);
    }
  });

  const figure = async (id: string) => (await page.getByTestId(id).textContent())?.trim();

  test('/stats counts the three reviews, overall and for the deck', async () => {
    await open(page, `${base}/stats`);
    await page.getByTestId('stats-learning').waitFor();
    expect(await figure('stats-learning')).toBe('3');
    expect(await figure('reviews-today')).toBe('3');
    expect(await figure('streak')).toBe('1 day');

    await page.getByLabel('Deck').selectOption(DECK);
    await page.waitForURL(`${base}/stats?deck=${DECK}`);
    await expect.poll(() => figure('stats-new')).toBe(String(ITEMS - 3));
    expect(await figure('stats-learning')).toBe('3');
    expect(await figure('stats-review')).toBe('0');
    expect(await figure('stats-suspended')).toBe('0');
    expect(await figure('due-today')).toBe('3');
    expect(await figure('due-tomorrow')).toBe('0');
    expect(await figure('due-week')).toBe('3');
    expect(await figure('retention-7')).toBe('no mature reviews');

    // The heatmap's table alternative: one day with reviews, today, with 3.
    await page.getByText('Show “Reviews per day, past year” as a table').click();
    const table = page.getByRole('table', { name: 'Reviews per day, past year' });
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('td').first().textContent()).toBe('3');
    expect(await page.getByRole('img', { name: /^Reviews per day, past year\. 3 reviews on 1 day/ }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /^Cards due in the next 30 days\. 3 cards/ }).count()).toBe(1);

    // A reload keeps the deck chosen in the address.
    await page.reload();
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await expect.poll(() => figure('stats-new')).toBe(String(ITEMS - 3));
  });

  test('/stats fits a 320 px screen: no sideways page scroll, tables open or not', async () => {
    await page.setViewportSize({ width: 320, height: 700 });
    await open(page, `${base}/stats?deck=${DECK}`);
    await page.getByTestId('stats-learning').waitFor();
    await page.getByRole('img', { name: /^Reviews per day/ }).waitFor();
    const pageWidth = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    for (const summary of await page.locator('details summary').all()) await summary.click();
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    await open(page, `${base}/cards`);
    await page.getByTestId('card-count').waitFor();
    expect(await pageWidth()).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 390, height: 844 });
  });

  test('/cards: search, open a card and its history, suspend one, reset another', async () => {
    const logs = await readStore<{ cardId: string }>(page, 'reviewLogs');
    const studied = logs.map((l) => l.cardId).sort();
    // New cards come in deck order.
    expect(studied).toEqual(['australia-capital', 'canada-ottawa', 'canada-ottawa#reverse']);

    await open(page, `${base}/cards`);
    await page.getByLabel('Deck').selectOption(DECK);
    await page.getByLabel('Search').fill('CANBERRA');
    const list = page.getByRole('list', { name: 'Cards' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await list.getByRole('button', { name: /capital of Australia/ }).click();

    const dialog = page.getByRole('dialog', { name: 'Card' });
    await dialog.waitFor();
    const history = dialog.getByTestId('review-history');
    await history.waitFor();
    expect(await history.locator('tbody tr').count()).toBe(1);
    expect(await history.locator('tbody td').nth(1).textContent()).toBe('Good');
    expect(await dialog.getByTestId('detail-state').textContent()).toBe('Learning');

    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => dialog.getByTestId('detail-state').textContent()).toBe('Suspended');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await list.getByTestId('row-state').textContent()).toBe('Suspended');

    // Reset one side of the reverse card: it is new again, its review deleted.
    await page.getByLabel('Search').fill('ottawa');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await list.getByRole('button').first().click();
    await dialog.getByTestId('review-history').waitFor();
    await dialog.getByRole('button', { name: 'Reset progress' }).click();
    await dialog.getByRole('alertdialog').getByRole('button', { name: 'Reset', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('detail-state').textContent()).toBe('New');
    expect(await dialog.getByText('Not reviewed yet.').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await list.getByTestId('row-state').allTextContents()).toEqual(['New', 'Learning']);
    expect(await readStore(page, 'reviewLogs')).toHaveLength(2);

    // The deck page counts the suspended card apart, and its study queue leaves it out: a quarter of
    // an hour later both other learning cards would be due, but only the unsuspended one is.
    await open(page, `${base}/decks/${DECK}`);
    await page.getByTestId('state-suspended').waitFor();
    expect(await figure('state-suspended')).toBe('1');
    expect(await figure('state-learning')).toBe('1');
    expect(await figure('state-new')).toBe(String(ITEMS - 2));
    await page.clock.setSystemTime(noon.getTime() + 15 * 60_000);
    await page.reload();
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await expect(page.getByText(/to study now/).textContent()).resolves.toMatch(/: 1 learning, 0 due, 9 new\./);

    // The stats page agrees.
    await open(page, `${base}/stats?deck=${DECK}`);
    await page.getByTestId('stats-suspended').waitFor();
    expect(await figure('stats-suspended')).toBe('1');
    expect(await figure('stats-learning')).toBe('1');
    expect(await figure('stats-new')).toBe(String(ITEMS - 2));
  });
});
