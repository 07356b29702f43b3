/**
 * Decks built to freeze the page (issue 21): card text made of the runs of Markdown and HTML
 * characters that make a backtracking pattern or the Markdown renderer slow, each as long as a field
 * may be. The browser's long-task reporting (PerformanceObserver 'longtask') gives the longest time
 * the main thread was busy at once while starting a quiz, checking typed answers, studying and
 * rendering the cards; it must stay under 200 ms. Before the fix, a quiz over a card whose answer
 * was 4,000 backticks froze the page for 175 s.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open, readStore } from './browser';
import { HOSTILE, MAX } from './fixtures/hostile-text';

const base = inject('baseUrl');
const LIMIT_MS = 200;

function hostileDeck(id: string) {
  const cards = HOSTILE.flatMap((text, i) => [
    { id: `typed-${i}`, type: 'typed', front: `Type hostile answer ${i}`, answer: text },
    { id: `basic-${i}`, type: 'basic', front: text, back: `${text.slice(0, MAX - 10)} (back)` }
  ]);
  cards.push(
    { id: 'plain-1', type: 'typed', front: 'Capital of Peru?', answer: 'Lima' },
    { id: 'plain-2', type: 'typed', front: 'Capital of Chile?', answer: 'Santiago' },
    { id: 'plain-3', type: 'basic', front: 'Capital of Kenya?', back: 'Nairobi' }
  );
  return { id, title: 'Hostile deck', description: 'Built to freeze the page.', language: 'en', tags: [], cards };
}

/** Records every long task from the start of each page, in a list the test reads and clears. */
function watchLongTasks() {
  const tasks: number[] = [];
  (window as unknown as { __longTasks: number[] }).__longTasks = tasks;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

const longest = (page: Page) =>
  page.evaluate(() => {
    const tasks = (window as unknown as { __longTasks: number[] }).__longTasks;
    const max = Math.max(0, ...tasks);
    tasks.length = 0;
    return max;
  });
const clear = (page: Page) => longest(page);

describe('hostile decks do not freeze the page', () => {
  let close: () => Promise<void>;
  let page: Page;
  let dir = '';
  const figures: Record<string, number> = {};

  beforeAll(async () => {
    ({ page, close } = await freshContext());
    await page.addInitScript(watchLongTasks);
    await open(page, `${base}/import`);
    const deck = hostileDeck('hostile');
    await clear(page);
    // From a file on disk, as a person chooses one: a file given as bytes is decoded in the page
    // by Playwright, in a long task of its own that is no part of the app.
    dir = mkdtempSync(join(tmpdir(), 'factdeck-hostile-'));
    const file = join(dir, 'hostile.json');
    writeFileSync(file, JSON.stringify(deck));
    await page.locator('#import-file').setInputFiles(file);
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
    figures.preview = await longest(page);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(`${base}/decks/hostile`, { timeout: 60_000 });
    await page.getByRole('heading', { level: 1 }).waitFor();
  }, 180_000);
  afterAll(async () => {
    console.log(`longest main-thread task, ms: ${JSON.stringify(figures)}`);
    await close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('baseline: starting a quiz over a built-in deck (not asserted; for the report)', async () => {
    await open(page, `${base}/decks/venezuela-iran-self-test/quiz`);
    await page.getByRole('radio', { name: 'All' }).check();
    await clear(page);
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await page.getByText(/^Question 1 of \d+$/).waitFor();
    figures.baselineStartQuiz = await longest(page);
  });

  test('starting a quiz over every card and checking typed answers', async () => {
    await open(page, `${base}/decks/hostile/quiz`);
    await page.getByRole('radio', { name: 'All' }).check();
    await clear(page);
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await page.getByText(/^Question 1 of \d+$/).waitFor({ timeout: 60_000 });
    figures.startQuiz = await longest(page);

    expect(figures.startQuiz).toBeLessThan(LIMIT_MS);

    // Then a quiz of typed answers only, each answered with hostile runs of its own.
    await open(page, `${base}/decks/hostile/quiz`);
    await page.getByRole('radio', { name: 'All' }).check();
    for (const other of ['Multiple choice', 'True or false', 'Matching round'])
      await page.getByRole('checkbox', { name: other }).uncheck();
    await page.getByRole('button', { name: 'Start quiz' }).click();
    await page.getByText(/^Question 1 of \d+$/).waitFor({ timeout: 60_000 });
    let typed = 0;
    for (; typed < 12; typed++) {
      const article = page.getByRole('article', { name: `Question ${typed + 1}` });
      await article.waitFor();
      await article.getByLabel('Your answer').fill(HOSTILE[typed % HOSTILE.length].slice(0, 2_000));
      await clear(page);
      await article.getByRole('button', { name: 'Submit' }).click();
      await page.getByTestId('quiz-feedback').waitFor();
      figures.answerCheck = Math.max(figures.answerCheck ?? 0, await longest(page));
      await page.getByRole('button', { name: /^(Continue|See results)$/ }).click();
    }
    expect(typed).toBeGreaterThan(0);
    expect(figures.answerCheck).toBeLessThan(LIMIT_MS);
  }, 180_000);

  test('studying and rendering every hostile card', async () => {
    await open(page, `${base}/decks/hostile/study`);
    await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 60_000 });
    figures.studyOpen = await longest(page);
    for (let i = 0; i < 12; i++) {
      await clear(page);
      await page.getByRole('button', { name: 'Show answer' }).click();
      await page.getByRole('button', { name: 'Good', exact: true }).click();
      await page.getByRole('button', { name: 'Show answer' }).waitFor();
      // Rendering is asynchronous (the renderer loads on demand): let it finish before reading.
      await page.waitForTimeout(300);
      figures.study = Math.max(figures.study ?? 0, await longest(page));
    }
    // From the moment the page is interactive: loading the app's code is not what is measured here.
    await open(page, `${base}/cards?deck=hostile`);
    await clear(page);
    await page.getByTestId('card-count').waitFor({ timeout: 60_000 });
    await page.locator('ul.cards > li').first().waitFor();
    await page.waitForTimeout(500);
    figures.cardBrowser = await longest(page);
    expect(figures.study).toBeLessThan(LIMIT_MS);
    expect(figures.cardBrowser).toBeLessThan(LIMIT_MS);
  }, 180_000);
});

describe('deck ids that collide with files and inherited names', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext());
  });
  afterAll(() => close());

  async function importCsv(name: string) {
    await open(page, `${base}/import`);
    await page.locator('#import-file').setInputFiles({
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from('front,back\r\nCapital of Peru?,Lima\r\nCapital of Chile?,Santiago\r\n')
    });
    await page.getByTestId('import-summary').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
  }

  test('a deck from "index.csv" becomes index-imported: it opens, studies and deletes', async () => {
    await importCsv('index.csv');
    await page.waitForURL(`${base}/decks/index-imported`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByTestId('state-new').textContent()).toBe('2');
    await open(page, `${base}/decks/index-imported/study`);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Good', exact: true }).click();
    await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(1);
    await open(page, `${base}/decks/index-imported`);
    await page.getByRole('button', { name: 'Delete this deck' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(async () => (await readStore(page, 'decks')).length).toBe(0);
    expect(await readStore(page, 'reviewLogs')).toEqual([]);
  });

  test('a deck called "constructor" offers its new cards', async () => {
    await importCsv('constructor.csv');
    await page.waitForURL(`${base}/decks/constructor`);
    await open(page, `${base}/decks/constructor/study`);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Good', exact: true }).click();
    await expect
      .poll(async () => (await page.evaluate(() => document.body.innerText)).includes('Capital of'))
      .toBe(true);
  });
});
