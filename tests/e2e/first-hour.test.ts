/**
 * What a learner and a teacher met in their first hour (issue 14), tried again as they would: on a
 * phone (390 × 844, touch) and on a desktop.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { formatInterval, plainText, promptAndAnswer, studyItems, type Deck } from '../../src/lib/domain';
import { freshContext, open, readStore } from './browser';

const base = inject('baseUrl');
const KEY_FACTS = 'venezuela-iran-key-facts';
const PHONE = { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true };

/** Prompt as shown → right answer as shown, for every study item of a built-in deck. */
async function answersOf(deckId: string): Promise<Map<string, string>> {
  const deck = (await (await fetch(`${base}/decks/${deckId}.json`)).json()) as Deck;
  const shown = (s: string) => plainText(s).replace(/\s+/g, ' ').trim();
  return new Map(
    studyItems(deck).map((i) => {
      const { prompt, answer } = promptAndAnswer(i);
      return [shown(prompt), shown(answer)];
    })
  );
}
const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

interface State {
  cardId: string;
  due: number;
  lastReview: number;
}
interface Log {
  cardId: string;
  rating: number;
  reviewedAt: number;
}

describe('on a phone', () => {
  let page: Page;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ page, close } = await freshContext(PHONE));
  });
  afterAll(() => close());

  const reveal = async () => {
    await page.getByRole('button', { name: 'Show answer' }).tap();
    await page.getByRole('button', { name: 'Good', exact: true }).waitFor();
  };

  test('a reverse card says what to recall, its other side waits until tomorrow, and the counts agree', async () => {
    await open(page, `${base}/`);
    const row = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /key facts/i }) });
    await row.getByTestId('new-count').waitFor();
    const homeNew = Number(await row.getByTestId('new-count').locator('strong').textContent());

    await open(page, `${base}/decks/${KEY_FACTS}/study`);
    await page.getByRole('article', { name: 'Card' }).waitFor();
    expect(await text(page.getByTestId('study-counts'))).toBe(`0 learning · 0 due · ${homeNew} new`);
    expect(await text(page.getByRole('article', { name: 'Card' }))).toMatch(/^Recall the job title\. Nicolás Maduro/);
    await page.screenshot({ path: 'test-results/first-hour-study-question-390.png' });

    await reveal();
    // The grade bar is on screen without scrolling, and every grade is a finger's size.
    for (const name of ['Again', 'Hard', 'Good', 'Easy']) {
      const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(box.y + box.height, name).toBeLessThanOrEqual(844);
      expect(Math.min(box.width, box.height), name).toBeGreaterThanOrEqual(44);
    }
    // Keys are for keyboards; swiping is for touch.
    expect(await page.getByText('Swipe left for Again, right for Good.').isVisible()).toBe(true);
    expect(await page.getByText(/^Keys: Space or Enter/).isVisible()).toBe(false);
    await page.screenshot({ path: 'test-results/first-hour-study-answer-390.png' });

    await page.getByRole('button', { name: 'Good', exact: true }).tap();
    await expect.poll(async () => (await readStore<Log>(page, 'reviewLogs')).length).toBe(1);
    // The reverse side did not come next; the day's 20 new cards are still 20, less the one shown.
    await expect.poll(() => page.getByRole('article', { name: 'Card' }).textContent()).not.toMatch(/Nicolás Maduro/);
    expect(await text(page.getByRole('article', { name: 'Card' }))).not.toMatch(
      /^Recall the person\. President of Venezuela/
    );
    expect(await text(page.getByTestId('study-counts'))).toBe(`1 learning · 0 due · ${homeNew - 1} new`);

    // Undo sits in the same place, question or answer.
    const undo = page.getByRole('button', { name: 'Undo', exact: true });
    const before = await undo.boundingBox();
    await reveal();
    expect(await undo.boundingBox()).toEqual(before);

    // Home says what the study page says.
    await open(page, `${base}/`);
    await row.getByTestId('new-count').waitFor();
    expect(Number(await row.getByTestId('new-count').locator('strong').textContent())).toBe(homeNew - 1);
    expect(Number(await row.getByTestId('due-count').locator('strong').textContent())).toBe(1);

    // The deck page says why it counts more than its cards, and which wait for tomorrow.
    await open(page, `${base}/decks/${KEY_FACTS}`);
    await page.getByTestId('items-note').waitFor();
    expect(await text(page.getByTestId('items-note'))).toMatch(/a reverse card is studied both ways/);
    expect(await text(page.getByTestId('buried-note'))).toMatch(
      /^\d+ more cards? waits? until tomorrow: (its|their) other side or another blank/
    );
  });

  test('the interval on a grade button is the one the grade gives', async () => {
    await open(page, `${base}/decks/${KEY_FACTS}/study`);
    for (const name of ['Easy', 'Hard', 'Easy']) {
      await page.getByRole('article', { name: 'Card' }).waitFor();
      await reveal();
      const button = page.getByRole('button', { name, exact: true });
      const shown = await text(button.locator('.interval'));
      await page.waitForTimeout(1500); // the learner reads the answer
      const logs = (await readStore<Log>(page, 'reviewLogs')).length;
      await button.tap();
      await expect.poll(async () => (await readStore<Log>(page, 'reviewLogs')).length).toBe(logs + 1);
      const log = (await readStore<Log>(page, 'reviewLogs')).sort((a, b) => a.reviewedAt - b.reviewedAt).at(-1)!;
      const state = (await readStore<State>(page, 'cardStates')).find((s) => s.cardId === log.cardId)!;
      expect(formatInterval(state.due - log.reviewedAt), `${name} on ${log.cardId}`).toBe(shown);
    }
  });

  test('a matching round played by taps, as a person would: no tap is lost', async () => {
    const right = await answersOf(KEY_FACTS);
    await open(page, `${base}/decks/${KEY_FACTS}/quiz`);
    for (const type of ['Multiple choice', 'True or false', 'Typed answers'])
      await page.getByRole('checkbox', { name: type }).tap();
    await page.getByRole('radio', { name: '5' }).tap();
    await page.getByRole('button', { name: 'Start quiz' }).tap();
    const round = page.getByRole('article', { name: 'Question 1' });
    const prompts = round.getByRole('group', { name: 'Prompts' }).getByRole('button');
    const answers = round.getByRole('group', { name: 'Answers' }).getByRole('button');
    await prompts.first().waitFor();

    // Answers can be tapped before any prompt is chosen: nothing is disabled while the round is open.
    const n = await prompts.count();
    for (let i = 0; i < (await answers.count()); i++) expect(await answers.nth(i).isEnabled()).toBe(true);

    const promptText = async (i: number) => text(prompts.nth(i).locator('> :first-child'));
    for (let i = 0; i < n; i++) {
      const want = right.get(await promptText(i));
      expect(want, await promptText(i)).toBeDefined();
      const exactly = new RegExp(`^\\s*${want!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
      const answer = answers.filter({ hasText: exactly }).first();
      if (i % 2 === 0) {
        await prompts.nth(i).tap(); // a prompt, then its answer
        await answer.tap();
      } else {
        await answer.tap(); // or an answer, then its prompt
        await prompts.nth(i).tap();
      }
      await expect.poll(() => text(prompts.nth(i))).toContain(`→ ${want}`);
    }
    await page.screenshot({ path: 'test-results/first-hour-match-390.png' });
    await round.getByRole('button', { name: 'Check matches' }).tap();
    const pairs = round.getByTestId('match-pairs');
    await pairs.waitFor();
    expect(await pairs.getByRole('listitem').count()).toBe(n);
    expect(await text(pairs)).not.toMatch(/missed:/);
    // Checked: the buttons no longer act, and look it (grey text, as every disabled button).
    const looks = await answers
      .first()
      .evaluate((b) => [getComputedStyle(b).color, getComputedStyle(document.body).color]);
    expect(looks[0]).not.toBe(looks[1]);
    expect(await text(page.getByTestId('quiz-feedback'))).toMatch(new RegExp(`^Right! ${n} of ${n} pairs right`));
  });

  test('an Anki export with every note type: all cards but the one note that cannot be, with its reason', async () => {
    await open(page, `${base}/import`);
    await page.locator('#import-file').setInputFiles({
      name: 'Capitals.txt',
      mimeType: 'text/plain',
      buffer: readFileSync('tests/fixtures/anki/capitals-notes.txt')
    });
    await page.getByTestId('import-summary').waitFor();
    const cards = page.getByRole('region', { name: 'Cards to import' });
    expect(await cards.locator('ol > li').count()).toBe(7);
    expect(await text(cards)).toMatch(/Cloze.*Both ways/);
    expect(await text(cards.locator('ol > li').first())).toMatch(/oceania ?capitals$/);
    // Bold in the card text is bold on screen, through the sanitiser.
    expect(await cards.locator('strong', { hasText: 'Australia' }).count()).toBe(1);
    expect(await cards.locator('u', { hasText: 'Both' }).count()).toBe(0); // explanations are not in the preview
    expect(await text(page.getByTestId('import-skipped'))).toMatch(
      /^1 row cannot be imported and is left out; the other cards import: line 12, column 1: An Anki "Image Occlusion" note cannot be a Factdeck card\./
    );
    await page.screenshot({ path: 'test-results/first-hour-import-anki-390.png', fullPage: true });
    await page.getByRole('button', { name: 'Import 7 cards, leaving out 1 row' }).tap();
    await page.waitForURL(`${base}/decks/capitals`);
    await page.getByTestId('state-new').waitFor();
    expect(await text(page.getByTestId('state-new'))).toBe('11'); // 7 cards: 2 both ways, 2 clozes of 2 blanks
  });

  test('a Quizlet export with its own separators: the fields are there, and the preview follows each change', async () => {
    await open(page, `${base}/import`);
    await page.getByLabel('Or paste the cards here').fill('France - Paris; Peru - Lima; Kenya - Nairobi');
    await page.getByRole('button', { name: 'Preview', exact: true }).tap();
    const term = page.getByLabel('Between term and definition');
    await term.waitFor();
    await term.fill(' - ');
    await page.getByLabel('Between cards').fill(';');
    const cards = page.getByRole('region', { name: 'Cards to import' });
    await expect.poll(async () => (await cards.count()) && cards.locator('ol > li').count()).toBe(3);
    expect(await text(cards)).toMatch(/France\s*Paris/);
    // A title another deck already has is pointed out.
    await page.getByLabel('Title').fill('Sample: world capitals');
    expect(await text(page.getByTestId('same-title'))).toMatch(
      /^Another deck on this device is called “Sample: world capitals”/
    );
    await page.getByLabel('Title').fill('Capitals by Quizlet');
    expect(await page.getByTestId('same-title').count()).toBe(0);
    await page.getByRole('button', { name: 'Import', exact: true }).tap();
    await page.waitForURL(/\/decks\//);
  });

  test('a Quizlet file with its own separators: chosen (and chosen again), its fields show and each change previews', async () => {
    await open(page, `${base}/import`);
    const file = {
      name: 'quizlet.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Tehran - capital of Iran;Caracas - capital of Venezuela;Bogotá - capital of Colombia')
    };
    await page.locator('#import-file').setInputFiles(file);
    const term = page.getByLabel('Between term and definition');
    await term.waitFor();
    await term.fill(' - ');
    await page.getByLabel('Between cards').fill(';');
    const cards = page.getByRole('region', { name: 'Cards to import' });
    await expect.poll(async () => (await cards.count()) && cards.locator('ol > li').count()).toBe(3);
    // The same file chosen again keeps the separators typed, and the preview stays right.
    await page.locator('#import-file').setInputFiles(file);
    await expect.poll(async () => (await cards.count()) && cards.locator('ol > li').count()).toBe(3);
    expect(await text(cards.locator('ol > li').first())).toMatch(/Tehran\s*capital of Iran/);
  });

  test('an Anki export with one Cloze note among Basic ones imports whole, every blank a card', async () => {
    await open(page, `${base}/import`);
    await page.locator('#import-file').setInputFiles({
      name: 'venezuela.txt',
      mimeType: 'text/plain',
      buffer: readFileSync('tests/fixtures/anki/one-cloze-note.txt')
    });
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-skipped').count()).toBe(0);
    expect(await page.getByTestId('import-problems').count()).toBe(0);
    const cards = page.getByRole('region', { name: 'Cards to import' });
    expect(await cards.locator('ol > li').count()).toBe(4);
    expect(await text(cards)).toMatch(/Cloze.*Maduro spoke of buying \[…\]-, medium- and long-range missiles/);
    await page.getByRole('button', { name: 'Import', exact: true }).tap();
    await page.waitForURL(/\/decks\//);
    await page.getByTestId('state-new').waitFor();
    expect(await text(page.getByTestId('state-new'))).toBe('6'); // 3 basic cards and 3 blanks
  });

  test('Settings: bury siblings, limits for an imported deck, snapshots told apart', async () => {
    await open(page, `${base}/settings`);
    expect(await page.getByRole('checkbox', { name: 'Bury siblings' }).isChecked()).toBe(true);
    expect(await page.getByRole('group', { name: 'Capitals', exact: true }).count()).toBe(1); // the deck imported above
    const restores = page.getByRole('button', { name: /^Restore snapshot \d: / });
    await restores.first().waitFor();
    const names = await restores.evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label')));
    expect(new Set(names).size).toBe(names.length);
    await page.screenshot({ path: 'test-results/first-hour-settings-390.png', fullPage: true });
  });
});

describe('on a desktop', () => {
  let page: Page;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ page, close } = await freshContext({ viewport: { width: 1280, height: 800 } }));
  });
  afterAll(() => close());

  test('key hints show, the swipe hint does not', async () => {
    await open(page, `${base}/decks/world-capitals/study`);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Good', exact: true }).waitFor();
    expect(await page.getByText(/^Keys: Space or Enter/).isVisible()).toBe(true);
    expect(await page.getByText('Swipe left for Again, right for Good.').isVisible()).toBe(false);
  });

  test('a rightly answered "False" shows what is true; a retry of missed cards is kept apart from the best score', async () => {
    const right = await answersOf(KEY_FACTS);
    await open(page, `${base}/decks/${KEY_FACTS}/quiz`);
    for (const type of ['Multiple choice', 'Typed answers', 'Matching round'])
      await page.getByRole('checkbox', { name: type }).click();
    await page.getByRole('radio', { name: '10' }).check();
    await page.getByRole('button', { name: 'Start quiz' }).click();
    let sawTrueAnswer = false;
    for (let i = 0; i < 10; i++) {
      const q = page.getByRole('article', { name: `Question ${i + 1}` });
      await q.waitFor();
      const prompt = await text(q.locator('.prompt'));
      const shown = (await text(q.locator('.shown'))).replace(/^Answer given: /, '');
      const truth = right.get(prompt) === shown;
      // The first one wrong on purpose, so there is something to retry.
      const say = i === 0 ? !truth : truth;
      await q.getByRole('button', { name: say ? 'True' : 'False', exact: true }).click();
      const feedback = page.getByTestId('quiz-feedback');
      await feedback.waitFor();
      if (!say && say === truth) {
        expect(await text(page.getByTestId('true-answer'))).toBe(`The answer is ${right.get(prompt)}`);
        sawTrueAnswer = true;
      }
      await page.getByRole('button', { name: /^(Continue|See results)$/ }).click();
    }
    await page.getByTestId('quiz-score').waitFor();
    const first = Number(/\((\d+)%\)/.exec(await text(page.getByTestId('quiz-score')))![1]);
    expect(first).toBe(90);

    await page.getByRole('button', { name: 'Retry missed' }).click();
    for (let i = 0; i < 1; i++) {
      const q = page.getByRole('article', { name: `Question ${i + 1}` });
      await q.waitFor();
      const prompt = await text(q.locator('.prompt'));
      const shown = (await text(q.locator('.shown'))).replace(/^Answer given: /, '');
      await q.getByRole('button', { name: right.get(prompt) === shown ? 'True' : 'False', exact: true }).click();
      await page.getByRole('button', { name: /^(Continue|See results)$/ }).click();
    }
    await page.getByTestId('quiz-score').waitFor();
    expect(await text(page.getByTestId('quiz-score'))).toMatch(/^1 of 1 right \(100%\) in \d+ seconds?\./);

    await open(page, `${base}/decks/${KEY_FACTS}`);
    await page.getByTestId('quiz-scores').waitFor();
    expect(await text(page.getByTestId('quiz-scores'))).toBe(
      'Last score: 100% (1 of 1, cards you had missed). Best: 90%.'
    );
    // Nine statements answered rightly, about half of them false: one is all but certain.
    expect(sawTrueAnswer).toBe(true);
  });

  test('an Anki package whose deck has the title of a deck already here is pointed out', async () => {
    await open(page, `${base}/import`);
    await page.getByLabel('Or paste the cards here').fill('bonjour,hello\nmerci,thank you');
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByTestId('import-summary').waitFor();
    await page.getByLabel('Title').fill('Languages::French');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/decks\//);

    await open(page, `${base}/import`);
    await page.locator('#import-file').setInputFiles({
      name: 'current.apkg',
      mimeType: 'application/octet-stream',
      buffer: readFileSync('tests/fixtures/anki/current.apkg')
    });
    const french = page.getByRole('region', { name: 'Languages::French' });
    await french.waitFor({ timeout: 60_000 });
    expect(await text(french.getByTestId('same-title'))).toMatch(
      /^Another deck on this device is called “Languages::French”/
    );
    expect(await page.getByRole('region', { name: 'Geography' }).getByTestId('same-title').count()).toBe(0);
  });

  test('reset brings suspended cards back and points up to the snapshot it took', async () => {
    await open(page, `${base}/cards`);
    await page.getByLabel('Deck').selectOption('world-capitals');
    await page.getByLabel('Search').fill('CANBERRA');
    const list = page.getByRole('list', { name: 'Cards' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(1);
    await list.getByRole('button', { name: /capital of Australia/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Card' });
    await dialog.getByRole('button', { name: 'Suspend' }).click();
    await expect.poll(() => dialog.getByTestId('detail-state').textContent()).toBe('Suspended');

    await open(page, `${base}/settings`);
    await page.getByRole('button', { name: 'Reset all progress' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Yes, reset all progress' }).click();
    const done = page.getByText(/^All progress was reset/);
    await done.waitFor();
    expect(await text(done)).toMatch(/suspended cards included.*under “Snapshots” above\.$/);
    // The snapshots are above the reset section, as it says.
    const snapshots = (await page.getByRole('heading', { name: 'Snapshots' }).boundingBox())!;
    const reset = (await page.getByRole('heading', { name: 'Start over' }).boundingBox())!;
    expect(snapshots.y).toBeLessThan(reset.y);

    await open(page, `${base}/cards`);
    await page.getByLabel('Deck').selectOption('world-capitals');
    await page.getByLabel('Search').fill('CANBERRA');
    await expect.poll(() => list.getByTestId('row-state').allTextContents()).toEqual(['New']);
  });
});
