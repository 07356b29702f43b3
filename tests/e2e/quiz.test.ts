import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open, openThenGoOffline, readStore } from './browser';

const base = inject('baseUrl');
const DECK = 'venezuela-iran-self-test';

describe('quiz, offline, by mouse and keyboard', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext());
    await openThenGoOffline(page, `${base}/`);
  });
  afterAll(() => close());

  /** Answers whatever question is on screen; even questions by mouse, odd ones by keyboard. */
  async function answerCurrent(i: number) {
    const byKeyboard = i % 2 === 1;
    const article = page.getByRole('article', { name: `Question ${i + 1}` });
    await article.waitFor();
    const options = article.getByRole('group', { name: 'Options' });
    const trueFalse = article.getByRole('group', { name: 'True or false' });
    const prompts = article.getByRole('group', { name: 'Prompts' });
    if (await options.isVisible()) {
      if (byKeyboard) await page.keyboard.press('2');
      else await options.getByRole('button').first().click();
    } else if (await trueFalse.isVisible()) {
      if (byKeyboard) await page.keyboard.press('1');
      else await trueFalse.getByRole('button', { name: 'False' }).click();
    } else if (await prompts.isVisible()) {
      const answers = article.getByRole('group', { name: 'Answers' }).getByRole('button');
      const n = await prompts.getByRole('button').count();
      for (let k = 0; k < n; k++) {
        await prompts.getByRole('button').nth(k).click();
        await answers.nth(k).click();
      }
      await article.getByRole('button', { name: 'Check matches' }).click();
    } else {
      const input = article.getByLabel('Your answer');
      await input.fill('Canberra');
      if (byKeyboard) await input.press('Enter');
      else await article.getByRole('button', { name: 'Submit' }).click();
    }
    await page.getByTestId('quiz-feedback').waitFor();
    const next = page.getByRole('button', { name: /^(Continue|See results)$/ });
    if (byKeyboard) {
      await expect.poll(() => next.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
    } else await next.click();
  }

  test('a 10-question quiz, then the attempt is in the history after a reload', async () => {
    await open(page, `${base}/decks/${DECK}/quiz`);
    await page.getByRole('radio', { name: '10' }).check();
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await page.getByText('Question 1 of 10').waitFor();
    for (let i = 0; i < 10; i++) await answerCurrent(i);

    const score = await page.getByTestId('quiz-score').textContent();
    expect(score).toMatch(/^\s*\d+ of 10 right \(\d+%\)/);
    expect(await page.getByRole('heading', { name: 'Every question' }).isVisible()).toBe(true);
    expect(await page.locator('ol.answers > li').count()).toBe(10);

    const attempts = await readStore<{ deckId: string; total: number; answers: unknown[] }>(page, 'quizAttempts');
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ deckId: DECK, total: 10 });

    await page.reload();
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    const history = page.getByTestId('quiz-history');
    await history.waitFor();
    expect(await history.getByRole('listitem').count()).toBe(1);
    expect(await history.textContent()).toContain(`of 10`);

    await open(page, `${base}/decks/${DECK}`);
    await page.getByTestId('quiz-scores').waitFor();
    expect(await page.getByTestId('quiz-scores').textContent()).toMatch(/Last score: \d+% \(\d+ of 10\)\. Best: \d+%/);
  });
});

describe('quiz questions are made in a Web Worker', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    // No service worker, so that every request of the page, the worker's script too, passes through `route`.
    ({ page, close } = await freshContext({ serviceWorkers: 'block' }));
  });
  afterAll(() => close());

  test('a quiz maker that cannot start says so in words, and nothing else changes', async () => {
    let asked = 0;
    await page.route(/\/workers\/quiz\.worker-[^/]*\.js$/, (route) => {
      asked++;
      return route.abort();
    });
    await open(page, `${base}/decks/${DECK}/quiz`);
    await page.getByRole('button', { name: 'Start quiz' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'The quiz could not be made: the quiz maker stopped unexpectedly. Try again, or reload the page.'
    );
    expect(asked).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: 'Start quiz' }).isEnabled()).toBe(true);
    expect(await page.getByText(/^Question 1 of/).count()).toBe(0);
    expect(await readStore(page, 'quizAttempts')).toEqual([]);

    // Once the worker can load again, the next press starts the quiz.
    await page.unroute(/\/workers\/quiz\.worker-[^/]*\.js$/);
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await page.getByText('Question 1 of 10').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
