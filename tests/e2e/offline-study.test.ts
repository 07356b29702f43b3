import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { freshContext, open, openThenGoOffline, readStore } from './browser';

const base = inject('baseUrl');
const DECK = 'world-capitals';

interface LogRow {
  id: string;
  deckId: string;
  cardId: string;
  rating: number;
}

describe('offline study, end to end', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ context, page, close } = await freshContext());
  });
  afterAll(() => close());

  async function stateCounts() {
    const read = async (id: string) => Number(await page.getByTestId(id).textContent());
    await page.getByTestId('state-new').waitFor();
    return { new: await read('state-new'), learning: await read('state-learning') };
  }

  test('first visit online installs the service worker, then everything works offline', async () => {
    await openThenGoOffline(page, `${base}/`);
    await page.reload();
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    await expect(page.getByRole('heading', { name: 'Your decks' }).isVisible()).resolves.toBe(true);

    await page
      .getByRole('link', { name: /world capitals/i })
      .first()
      .click();
    await page.waitForURL(`${base}/decks/${DECK}`);
    const before = await stateCounts();
    expect(before.learning).toBe(0);

    await page.getByRole('link', { name: 'Study', exact: true }).click();
    await page.waitForURL(`${base}/decks/${DECK}/study`);

    // One card by keyboard: reveal with Space (or type the answer and Enter), grade Good with 3.
    await page.getByRole('article', { name: 'Card' }).waitFor();
    const typed = page.locator('#typed-answer');
    if (await typed.isVisible()) await typed.press('Enter');
    else await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Good', exact: true }).waitFor();
    await page.keyboard.press('3');
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).isVisible()).toBe(true);

    // Two cards by mouse.
    for (let i = 0; i < 2; i++) {
      await page.getByRole('button', { name: 'Show answer' }).click();
      const good = page.getByRole('button', { name: 'Good', exact: true });
      await expect(page.locator('#interval-3').textContent()).resolves.toMatch(/^\d+(m|h|d|mo)$/);
      await good.click();
    }
    await expect.poll(async () => (await readStore<LogRow>(page, 'reviewLogs')).length).toBe(3);

    // Reload, still offline: the three reviews are stored and the deck's counts moved.
    await page.reload();
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    const logs = await readStore<LogRow>(page, 'reviewLogs');
    expect(logs).toHaveLength(3);
    expect(new Set(logs.map((l) => l.cardId)).size).toBe(3);
    expect(logs.every((l) => l.deckId === DECK && l.rating === 3)).toBe(true);
    const states = await readStore<{ cardId: string; reps: number }>(page, 'cardStates');
    expect(states.map((s) => s.cardId).sort()).toEqual(logs.map((l) => l.cardId).sort());
    expect(states.every((s) => s.reps === 1)).toBe(true);

    await open(page, `${base}/decks/${DECK}`);
    const after = await stateCounts();
    expect(after.new).toBe(before.new - 3);
    expect(after.learning).toBe(3);
  });

  test('every route renders offline, known or not', async () => {
    await context.setOffline(true);
    const expectHeading = async (path: string, name: string | RegExp) => {
      await open(page, `${base}${path}`);
      await page.getByRole('heading', { level: 1, name }).waitFor({ timeout: 10_000 });
    };
    await expectHeading('/', 'Your decks');
    await expectHeading(`/decks/${DECK}`, /world capitals/i);
    await expectHeading(`/decks/${DECK}/study`, /world capitals/i);
    await expectHeading('/settings', 'Settings');
    await expectHeading('/no/such/page', 'Not found');
    await expectHeading('/decks/not-a-deck', 'Not found');
    await expect(page.getByText('There is no deck called "not-a-deck"').isVisible()).resolves.toBe(true);
  });
});
