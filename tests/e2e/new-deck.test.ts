/**
 * A teacher makes decks in the app: drafts one from an article Factdeck has never seen, reviews it
 * (rejects a card, edits one), saves and studies it offline, edits a studied card later (its
 * progress is kept and it is flagged); starts an empty deck and adds cards; and copies a built-in
 * deck to edit it. Screenshots at phone size go to $E2E_SHOTS (default: the system's temp folder).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { parseDeckText } from '../../src/lib/domain/deck-parse';
import { freshContext, open, openThenGoOffline, readStore } from './browser';

const base = inject('baseUrl');
const SHOTS = process.env.E2E_SHOTS ?? join(tmpdir(), 'factdeck-new-deck-shots');
mkdirSync(SHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** An article written for this test only: nothing in the app or its tests has seen it. */
const ARTICLE = [
  'The Harbour Museum in Kelso Bay reopened on 4 May 2024 after a two-year restoration that cost £6.5 million. The building, a former customs house from 1826, now holds 3,400 objects from the town’s fishing past.',
  'Director Amara Okonjo said the museum expected 80,000 visitors in its first year. "People have waited a long time to walk through these doors again," she told reporters at the opening.',
  'The restoration was paid for by the National Heritage Fund and the town council. According to the council, the museum will create 25 jobs.',
  'The new galleries are impressive, but the entrance fee of £14 is likely to keep many local families away. The council should let residents in for free.'
].join('\n\n');

interface StoredDeck {
  id: string;
  deck: {
    id: string;
    title: string;
    cards: { id: string; type: string; front?: string; text?: string; kind?: string; explanation?: string }[];
    sources?: { id: string; title: string; author: string; paragraphs: number }[];
  };
  format: string;
  changed: Record<string, number>;
}

describe('a teacher drafts a deck from an article, reviews, saves and studies it offline', () => {
  let close: () => Promise<void>;
  let page: Page;
  let deckId: string;

  beforeAll(async () => {
    ({ page, close } = await freshContext());
    await openThenGoOffline(page, `${base}/`);
  });
  afterAll(() => close());

  test('"New deck" on the home page leads to the two ways in', async () => {
    await page.getByRole('link', { name: 'New deck' }).click();
    await page.waitForURL(`${base}/decks/new`);
    await page.getByRole('heading', { name: 'From an article' }).waitFor();
    await page.getByRole('heading', { name: 'An empty deck' }).waitFor();
  });

  test('drafting offline: every card labelled and cited, shown with its paragraph', async () => {
    await open(page, `${base}/decks/new`);
    const article = page.getByRole('region', { name: 'From an article' });
    await article.getByRole('textbox', { name: 'Article text' }).fill(ARTICLE);
    await article.getByLabel('Title', { exact: true }).fill('Harbour Museum reopens');
    await article.getByLabel('Author').fill('Jo Marsh');
    await article.getByLabel('Publisher').fill('Kelso Bay Gazette');
    await article.getByLabel('Date').fill('2024-05-05');
    await article.getByLabel('Link').fill('https://example.org/harbour-museum');
    await article.getByRole('button', { name: 'Draft cards' }).click();
    await page.getByRole('heading', { name: 'Review the draft' }).waitFor({ timeout: 30_000 });

    const summary = await page.getByTestId('draft-summary').textContent();
    expect(summary).toMatch(/cards drafted: \d+ on key facts, [1-9]\d* on who said what, [1-9]\d* on how to read it/);
    const items = page.getByRole('listitem', { name: /^Draft card \d+$/ });
    expect(await items.count()).toBeGreaterThan(5);
    const first = await items.first().textContent();
    expect(first).toContain('Paragraph 1');
    expect(first).toContain('Reported fact');
    // A claim names who makes it.
    expect(
      await page
        .getByRole('listitem', { name: /^Draft card/ })
        .filter({ hasText: 'Claim: Amara Okonjo' })
        .count()
    ).toBeGreaterThan(0);
    expect(await readStore(page, 'decks')).toHaveLength(0);
    await shot(page, 'draft-review');
  });

  test('review: reject one card, edit another, then save: one transaction, with its source', async () => {
    const items = page.getByRole('listitem', { name: /^Draft card \d+$/ });
    const drafted = await items.count();
    await items.nth(1).getByRole('checkbox', { name: 'Keep this card' }).uncheck();
    expect(await page.getByText(`${drafted - 1} of ${drafted} kept.`).count()).toBe(1);

    const edited = items.first();
    await edited.getByRole('button', { name: /^Edit/ }).click();
    await edited.getByLabel('Explanation (shown after the answer)').fill('Edited by the teacher before saving.');
    await edited.getByRole('button', { name: 'Done' }).click();
    await shot(page, 'draft-edited');

    // The deck file for content/: the kept cards as reviewed, the source inline, valid as the compiler reads it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download deck file' }).click()
    ]);
    expect(download.suggestedFilename()).toBe('harbour-museum-reopens.deck.yaml');
    const file = join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const parsed = parseDeckText(readFileSync(file, 'utf8'), file);
    expect(parsed.problems).toEqual([]);
    expect(parsed.deck!.cards).toHaveLength(drafted - 1);
    expect(parsed.deck!.cards[0].explanation).toBe('Edited by the teacher before saving.');
    expect(parsed.deck!.sources).toEqual([expect.objectContaining({ title: 'Harbour Museum reopens', paragraphs: 4 })]);
    expect(await readStore(page, 'decks')).toHaveLength(0);

    await page.getByRole('button', { name: 'Save deck' }).click();
    await page.waitForURL(/\/decks\/harbour-museum-reopens$/);
    await page.getByRole('heading', { level: 1, name: 'Harbour Museum reopens' }).waitFor();
    deckId = 'harbour-museum-reopens';

    const [record] = await readStore<StoredDeck>(page, 'decks');
    expect(record.format).toBe('draft');
    expect(record.deck.cards).toHaveLength(drafted - 1);
    expect(record.deck.cards[0].explanation).toBe('Edited by the teacher before saving.');
    expect(record.deck.sources).toEqual([
      expect.objectContaining({ title: 'Harbour Museum reopens', author: 'Jo Marsh', paragraphs: 4 })
    ]);
    expect(record.deck.cards.every((c) => c.kind)).toBe(true);
  });

  test('the source page maps the saved deck’s cards to the article’s paragraphs', async () => {
    const [record] = await readStore<StoredDeck>(page, 'decks');
    await open(page, `${base}/sources/${record.deck.sources![0].id}`);
    await page.getByRole('heading', { level: 1, name: /Harbour Museum reopens/ }).waitFor();
    expect(await page.getByText('Paragraph 1', { exact: false }).count()).toBeGreaterThan(0);
    expect(await page.textContent('main')).toContain('Jo Marsh');
  });

  test('studying the drafted deck offline', async () => {
    await open(page, `${base}/decks/${deckId}/study`);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Good', exact: true }).click();
    await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(1);
  });

  test('later, editing the studied card keeps its progress and flags it as changed', async () => {
    const [log] = await readStore<{ cardId: string }>(page, 'reviewLogs');
    const studiedId = log.cardId.split('#')[0];
    const [before] = await readStore<StoredDeck>(page, 'decks');
    const index = before.deck.cards.findIndex((c) => c.id === studiedId);

    await open(page, `${base}/decks/${deckId}`);
    await page.getByRole('link', { name: 'Edit cards' }).click();
    await page.waitForURL(`${base}/decks/${deckId}/edit`);
    await page.getByRole('button', { name: `Edit card ${index + 1}`, exact: true }).click();
    await page.getByLabel('Explanation (shown after the answer)').fill('A better explanation, written later.');
    await page.getByRole('button', { name: 'Save card' }).click();
    await page.getByRole('status').filter({ hasText: 'Card saved.' }).waitFor({ state: 'attached' });

    const [after] = await readStore<StoredDeck>(page, 'decks');
    expect(after.deck.cards[index]).toMatchObject({
      id: studiedId,
      explanation: 'A better explanation, written later.'
    });
    expect(after.changed[studiedId]).toBeGreaterThan(0);
    const states = await readStore<{ cardId: string; reps: number }>(page, 'cardStates');
    expect(states).toEqual([expect.objectContaining({ cardId: log.cardId, reps: 1 })]);
    expect(await page.getByText('Changed since last studied').count()).toBe(1);
    await shot(page, 'editor-after-edit');
  });
});

describe('an empty deck gets cards added, moved and deleted', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext());
    await openThenGoOffline(page, `${base}/`);
  });
  afterAll(() => close());

  test('create, add cards of two types with the schema checking them, move and delete', async () => {
    await open(page, `${base}/decks/new`);
    const empty = page.getByRole('region', { name: 'An empty deck' });
    await empty.getByLabel('Title', { exact: true }).fill('Spanish verbs');
    await empty.getByLabel('Description').fill('Verbs to learn this term.');
    await empty.getByRole('button', { name: 'Create empty deck' }).click();
    await page.waitForURL(`${base}/decks/spanish-verbs/edit`);
    await page.getByText('No cards yet.').waitFor();

    await page.getByLabel('Type of the new card').selectOption('basic');
    await page.getByRole('button', { name: 'Add card' }).click();
    await page.getByLabel('Front', { exact: true }).fill('to speak');
    expect(await page.getByRole('button', { name: 'Save card' }).isDisabled()).toBe(true);
    await page.getByLabel('Back', { exact: true }).fill('hablar');
    await page.getByRole('button', { name: 'Save card' }).click();
    await page.getByRole('list', { name: 'Cards' }).getByText('to speak').waitFor();

    await page.getByLabel('Type of the new card').selectOption('cloze');
    await page.getByRole('button', { name: 'Add card' }).click();
    await page.getByLabel('Text', { exact: true }).fill('Yo como pan.');
    // The deck schema's problem, inline: a cloze needs a deletion.
    await page
      .getByText(/double braces/)
      .first()
      .waitFor();
    expect(await page.getByRole('button', { name: 'Save card' }).isDisabled()).toBe(true);
    await page.getByLabel('Text', { exact: true }).fill('Yo {{como::comer}} pan.');
    await page.getByRole('button', { name: 'Save card' }).click();
    await page
      .getByRole('list', { name: 'Cards' })
      .getByText(/Yo \[como\] pan/)
      .waitFor();
    await shot(page, 'empty-deck-two-cards');

    await page.getByRole('button', { name: 'Move card 2 up', exact: true }).click();
    await expect
      .poll(async () => (await readStore<StoredDeck>(page, 'decks'))[0].deck.cards.map((c) => c.type))
      .toEqual(['cloze', 'basic']);

    await page.getByRole('button', { name: 'Delete card 2', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete card' }).click();
    await expect.poll(async () => (await readStore<StoredDeck>(page, 'decks'))[0].deck.cards.length).toBe(1);
    const [record] = await readStore<StoredDeck>(page, 'decks');
    expect(record).toMatchObject({ id: 'spanish-verbs', format: 'new', deck: { title: 'Spanish verbs' } });
  });
});

describe('a built-in deck stays read-only, and its editable copy can be edited', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext());
    await openThenGoOffline(page, `${base}/`);
  });
  afterAll(() => close());

  test('"Make an editable copy" stores a copy with the same cards, opened in the editor', async () => {
    await open(page, `${base}/decks/world-capitals`);
    await page.getByRole('button', { name: 'Make an editable copy' }).click();
    await page.waitForURL(`${base}/decks/world-capitals-copy/edit`);
    const builtIn = (await page.evaluate(async () => (await fetch('/decks/world-capitals.json')).json())) as {
      cards: { id: string }[];
    };
    const [copy] = await readStore<StoredDeck>(page, 'decks');
    expect(copy.format).toBe('copy');
    expect(copy.deck.cards.map((c) => c.id)).toEqual(builtIn.cards.map((c) => c.id));
    expect(copy.deck.title).toContain('(my copy)');

    await page.getByRole('button', { name: 'Edit card 1', exact: true }).click();
    await page.getByLabel('Explanation (shown after the answer)').fill('Edited in my copy.');
    await page.getByRole('button', { name: 'Save card' }).click();
    await expect
      .poll(async () => (await readStore<StoredDeck>(page, 'decks'))[0].deck.cards[0].explanation)
      .toBe('Edited in my copy.');
    await shot(page, 'copy-editor');
  });
});

describe('opening an article file', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext());
  });
  afterAll(() => close());

  test('an .html page is reduced to its article text, its metadata filling the source fields; nothing in it runs', async () => {
    const html = `<!doctype html><html><head><title>Site | Tide story</title>
      <meta property="og:title" content="The tide comes in">
      <meta name="author" content="Ria Patel"><meta property="og:site_name" content="Coast Weekly">
      <meta property="article:published_time" content="2024-03-02T08:00:00Z">
      <link rel="canonical" href="https://example.org/tide">
      <script>window.__ran = true</script></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><header><h1>The tide comes in</h1><p class="byline">By Ria Patel</p></header>
      <p>The sea rose by <b>1.2 metres</b> on 1 March 2024.</p>
      <img src="https://example.org/x.png" onerror="window.__ran = true">
      <p>Mayor Lena Ortiz said the wall held.</p>
      <aside>Subscribe now!</aside><footer>© Coast Weekly</footer></article></body></html>`;
    await open(page, `${base}/decks/new`);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'tide.html', mimeType: 'text/html', buffer: Buffer.from(html) });
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Article text' }).inputValue())
      .toBe('The sea rose by 1.2 metres on 1 March 2024.\n\nMayor Lena Ortiz said the wall held.');
    expect(await page.getByLabel('Author').inputValue()).toBe('Ria Patel');
    expect(await page.getByLabel('Publisher').inputValue()).toBe('Coast Weekly');
    expect(await page.getByLabel('Date').inputValue()).toBe('2024-03-02');
    expect(await page.getByLabel('Link').inputValue()).toBe('https://example.org/tide');
    expect(await page.evaluate(() => (window as { __ran?: boolean }).__ran)).toBeUndefined();
  });

  test('a source field left empty stops the save, says which, and takes the teacher to it', async () => {
    const article = page.getByRole('region', { name: 'From an article' });
    await article.getByLabel('Publisher').fill('');
    await article.getByRole('button', { name: 'Draft cards' }).click();
    await page.getByRole('heading', { name: 'Review the draft' }).waitFor({ timeout: 30_000 });
    const problems = page.getByTestId('draft-problems');
    expect(await problems.textContent()).toContain('Publisher:');
    expect(await page.getByRole('button', { name: 'Save deck' }).isDisabled()).toBe(true);

    await problems.getByRole('button', { name: 'Publisher:' }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('source-publisher');
    await page.keyboard.type('Coast Weekly');
    await problems.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Save deck' }).click();
    await page.waitForURL(/\/decks\/the-tide-comes-in$/);
    expect(await readStore(page, 'decks')).toHaveLength(1);
  });
});
