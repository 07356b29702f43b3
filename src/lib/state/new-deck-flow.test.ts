/**
 * The new-deck page's flows on the real database (fake-indexeddb), with the drafting engine run in
 * place of its Web Worker: drafting, reviewing, saving, and an empty deck.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { db, getImportedDeck, saveImportedDeck } from '$lib/db';
import { draftArticle } from '$lib/domain/draft';
import { EmptyDeckForm, NewDeckFlow, type Drafter } from './new-deck-flow.svelte';

const ARTICLE = readFileSync(new URL('../domain/draft/fixtures/lakeshore-phones.txt', import.meta.url), 'utf8');
const NOW = new Date(2026, 2, 2, 9, 0);
const drafter: Drafter = { warm: () => {}, draft: async (input, onProgress) => draftArticle(input, onProgress) };

async function drafted(title = 'Phones in class') {
  const flow = new NewDeckFlow(drafter, ['world-capitals']);
  flow.text = ARTICLE;
  Object.assign(flow.fields, { title, author: 'Sam Reed', publisher: 'Lakeshore Ledger', date: '2024-05-05' });
  await flow.draft();
  return flow;
}

beforeEach(() => db.open());
afterEach(() => db.delete());

describe('NewDeckFlow', () => {
  test('drafts every card kept, and saves only the kept ones, with the source, in one write', async () => {
    const flow = await drafted();
    expect(flow.error).toBeNull();
    expect(flow.progress).toBe(1);
    expect(flow.paragraphs).toHaveLength(14);
    expect(flow.cards.length).toBeGreaterThan(10);
    expect(flow.canSave).toBe(true);
    expect(await getImportedDeck('phones-in-class')).toBeUndefined();

    flow.cards[0].keep = false;
    flow.cards[1].card = { ...flow.cards[1].card, explanation: 'Checked by the teacher.' };
    const id = await flow.save(NOW);
    expect(id).toBe('phones-in-class');
    const stored = await getImportedDeck('phones-in-class');
    expect(stored).toMatchObject({ format: 'draft', fileName: null, importedAt: NOW.getTime() });
    expect(stored!.deck.cards).toHaveLength(flow.cards.length - 1);
    expect(stored!.deck.cards[0].explanation).toBe('Checked by the teacher.');
    expect(stored!.deck.sources).toEqual([
      expect.objectContaining({ title: 'Phones in class', author: 'Sam Reed', paragraphs: 14, date: '2024-05-05' })
    ]);
  });

  test('a deck id already taken (built in, on this device or a page) gets a number instead of replacing it', async () => {
    await saveImportedDeck(
      { id: 'world-capitals-2', title: 'x', description: 'x', language: 'en', tags: [], cards: [] },
      { fileName: null, format: 'new', now: NOW, deleteRemovedProgress: false }
    );
    expect(await (await drafted('World capitals')).save(NOW)).toBe('world-capitals-3');
    expect(await (await drafted('New')).save(NOW)).toBe('new-2');
  });

  test('the schema’s problems keep the deck from being saved, in words, by card or for the deck', async () => {
    const flow = await drafted();
    flow.fields.author = '';
    flow.cards[2].card = { ...flow.cards[2].card, cite: { source: flow.deck.sources![0].id, paragraphs: [99] } };
    expect(flow.canSave).toBe(false);
    expect(flow.deckIssues).toEqual([{ where: 'sources.0.author', message: 'must not be empty' }]);
    expect(flow.cardIssues(flow.cards[2].key)).toEqual([
      { field: 'cite', message: expect.stringContaining('cites paragraph 99') }
    ]);
    flow.keepAll(false);
    expect(flow.canSave).toBe(false);
    expect(await flow.save(NOW)).toBeNull();
  });

  test('an empty article says what to do, and drafts nothing', async () => {
    const flow = new NewDeckFlow(drafter, []);
    await flow.draft();
    expect(flow.error).toBe('There is no text to draft from: paste the article, or open its file.');
    expect(flow.drafted).toBe(false);
  });

  test('an opened Markdown file becomes the article text, its front matter filling empty fields only', async () => {
    const flow = new NewDeckFlow(drafter, []);
    flow.fields.author = 'Typed by the teacher';
    const md = '---\ntitle: Tides\nauthor: From the file\n---\n\n# Tides\n\nThe *sea* rose.\n\nIt fell.';
    await flow.openFile(new File([md], 'tides.md', { type: 'text/markdown' }));
    expect(flow.text).toBe('The sea rose.\n\nIt fell.');
    expect(flow.fields).toMatchObject({ title: 'Tides', author: 'Typed by the teacher' });
  });

  test('an article saved in Latin-1 keeps its accents and says how it was read', async () => {
    const flow = new NewDeckFlow(drafter, []);
    const latin1 = Uint8Array.from('Le café rouvre à Brême.', (c) => c.charCodeAt(0));
    await flow.openFile(new File([latin1], 'cafe.txt', { type: 'text/plain' }));
    expect(flow.text).toBe('Le café rouvre à Brême.');
    expect(flow.fileEncoding).toBe('windows-1252');
    await flow.openFile(new File(['Le café rouvre.'], 'cafe.txt', { type: 'text/plain' }));
    expect(flow.fileEncoding).toBeNull();
  });
});

describe('EmptyDeckForm', () => {
  test('creates a deck with no cards yet; a title is needed', async () => {
    const form = new EmptyDeckForm(['world-capitals']);
    expect(await form.create(NOW)).toBeNull();
    expect(form.error).toBe('Give the deck a title.');
    form.title = 'Spanish verbs';
    expect(await form.create(NOW)).toBe('spanish-verbs');
    expect(await getImportedDeck('spanish-verbs')).toMatchObject({
      format: 'new',
      deck: { title: 'Spanish verbs', description: 'Spanish verbs', language: 'en', cards: [] }
    });
  });
});
