import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, keepSiblingsTogether, open, readStore } from './browser';

const base = inject('baseUrl');
const DECK = 'world-capitals';
const ITEMS = 11; // study items of world-capitals

interface LogRow {
  cardId: string;
  rating: number;
}

describe('keyboard only: a whole study session and a whole quiz, no mouse', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext());
    // The session goes through every item of the deck, both sides of a reverse card included.
    await keepSiblingsTogether(page, base);
  });
  afterAll(() => close());

  const logs = () => readStore<LogRow>(page, 'reviewLogs');
  const focused = (selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

  /** Presses Tab until the focused element matches `selector` (and has `text`, when given). */
  async function tabTo(selector: string, text?: string, key: 'Tab' | 'Shift+Tab' = 'Tab') {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press(key);
      const hit = await page.evaluate(
        ([s, t]) => {
          const el = document.activeElement;
          return !!el && el.matches(s) && (!t || el.textContent?.trim() === t);
        },
        [selector, text ?? ''] as const
      );
      if (hit) return;
    }
    throw new Error(`Tab never reached ${selector} ${text ?? ''}`);
  }

  test('the focused control shows a focus ring', async () => {
    await open(page, `${base}/`);
    await tabTo('a', 'Skip to content');
    expect(await page.evaluate(() => document.activeElement?.getBoundingClientRect().left)).toBeGreaterThanOrEqual(0);
    await tabTo('a', 'Stats');
    const ring = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { visible: el.matches(':focus-visible'), style: style.outlineStyle, width: style.outlineWidth };
    });
    expect(ring).toEqual({ visible: true, style: 'solid', width: '3px' });
  });

  test('? lists the shortcuts, Escape closes the list', async () => {
    await open(page, `${base}/decks/${DECK}/study`);
    await page.getByRole('article', { name: 'Card' }).waitFor();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Undo the last grade');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
  });

  test('a study session: reveal with Space, Enter, a typed answer or an option key; grade with 1-4; undo with U', async () => {
    await open(page, `${base}/decks/${DECK}/study`);
    let undone = false;
    let graded = 0;
    for (let turn = 0; turn < 40; turn++) {
      const done = page.getByRole('heading', { name: 'Session complete' });
      await Promise.race([done.waitFor(), page.getByRole('article', { name: 'Card' }).waitFor()]);
      if (await done.isVisible()) break;

      const typed = page.locator('#typed-answer');
      if (await typed.isVisible()) {
        await expect.poll(() => focused('#typed-answer')).toBe(true);
        await page.keyboard.type('Lima');
        await page.keyboard.press('Enter');
      } else if (await page.getByRole('group', { name: /^(Options|True or false)$/ }).isVisible()) {
        await page.keyboard.press('1');
      } else {
        await page.keyboard.press(turn % 2 ? 'Enter' : 'Space');
      }
      await page.getByTestId('answer').waitFor();

      if (!undone) {
        await page.keyboard.press('3');
        await expect.poll(async () => (await logs()).length).toBe(1);
        await page.keyboard.press('u');
        await expect.poll(async () => (await logs()).length).toBe(0);
        await expect.poll(() => page.getByTestId('grade-status').textContent()).toBe('Grade undone: the card is back.');
        expect(await page.getByTestId('answer').count()).toBe(0); // the same card, question side again
        undone = true;
        continue;
      }
      // Again once and Hard once (those cards come back), Easy for the rest.
      const key = graded === 0 ? '1' : graded === 1 ? '2' : '4';
      await page.keyboard.press(key);
      graded++;
      await expect.poll(async () => (await logs()).length).toBe(graded);
      const name = { 1: 'Again', 2: 'Hard', 4: 'Easy' }[key];
      await expect.poll(() => page.getByTestId('grade-status').textContent()).toMatch(`Graded ${name}. Due again`);
    }

    await page.getByRole('heading', { name: 'Session complete' }).waitFor();
    const rows = await logs();
    expect(new Set(rows.map((r) => r.cardId)).size).toBe(ITEMS);
    expect(rows.length).toBe(ITEMS + 2); // Again and Hard each brought one card back
    expect(rows.map((r) => r.rating).sort()).toEqual([1, 2, ...Array(ITEMS).fill(4)]);
  });

  test('a quiz: set up with Tab, arrows and Enter; answer with 1-4, typing or Enter; continue with Enter', async () => {
    await open(page, `${base}/decks/${DECK}/quiz`);
    await tabTo('input[name="count"]'); // the checked one: 10
    await page.keyboard.press('ArrowLeft');
    expect(await focused('input[name="count"][value="5"]:checked')).toBe(true);
    await tabTo('button', 'Start quiz');
    await page.keyboard.press('Enter');

    for (let n = 1; n <= 5; n++) {
      const article = page.getByRole('article', { name: `Question ${n}` });
      await article.waitFor();
      if (await article.getByRole('group', { name: /^(Options|True or false)$/ }).isVisible()) {
        await page.keyboard.press('2');
      } else if (await article.getByRole('group', { name: 'Prompts' }).isVisible()) {
        // Nothing is chosen for the learner: Enter on a prompt, then Enter on an answer, pair by pair.
        // A round has 3 to 5 pairs (quiz.ts, MIN_MATCH_PAIRS..MATCH_PAIRS), depending on the seed.
        const pairs = await article.getByRole('group', { name: 'Answers' }).getByRole('button').count();
        for (let k = 0; k < pairs; k++) {
          // Back from the answers to the next prompt.
          await tabTo(`[aria-label="Prompts"] > button:nth-of-type(${k + 1})`, undefined, k ? 'Shift+Tab' : 'Tab');
          await page.keyboard.press('Enter');
          await tabTo(`[aria-label="Answers"] > button:nth-of-type(${k + 1})`);
          await page.keyboard.press('Enter');
        }
        await tabTo('button', 'Check matches');
        await page.keyboard.press('Enter');
      } else {
        await expect.poll(() => focused('#quiz-typed')).toBe(true);
        await page.keyboard.type('Lima');
        await page.keyboard.press('Enter');
      }
      await page.getByTestId('quiz-feedback').waitFor();
      await expect.poll(() => focused('button.primary')).toBe(true); // Continue, or See results
      await page.keyboard.press('Enter');
    }

    await page.getByRole('heading', { name: 'Every question' }).waitFor();
    expect(await page.getByTestId('quiz-score').textContent()).toMatch(/\d+ of 5 right/);
    await expect.poll(async () => (await readStore(page, 'quizAttempts')).length).toBe(1);
  });
});
