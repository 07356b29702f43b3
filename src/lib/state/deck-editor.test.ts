/** The card editor on the real database (fake-indexeddb): each change saved as re-importing would save it. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { db, getImportedDeck, gradeCard, saveImportedDeck } from '$lib/db';
import { Scheduler, type Deck } from '$lib/domain';
import { DeckEditor } from './deck-editor.svelte';

const T0 = new Date(2026, 2, 2, 9, 0);
const T1 = new Date(2026, 2, 3, 9, 0);
const deck: Deck = {
  id: 'verbs',
  title: 'Verbs',
  description: 'Spanish verbs',
  language: 'es',
  tags: [],
  cards: [
    { id: 'hablar', type: 'basic', front: 'to speak', back: 'hablar' },
    { id: 'comer', type: 'basic', front: 'to eat', back: 'comer' }
  ]
};

async function editor() {
  await saveImportedDeck(deck, { fileName: null, format: 'new', now: T0, deleteRemovedProgress: false });
  return new DeckEditor((await getImportedDeck('verbs'))!);
}

beforeEach(() => db.open());
afterEach(() => db.delete());

describe('DeckEditor', () => {
  test('a new card is checked by the schema, saved with an id from its prompt, and the list follows', async () => {
    const e = await editor();
    await e.add('cloze');
    e.change({ id: e.editing!.card.id, type: 'cloze', text: 'Yo como pan.' });
    expect(e.canSaveCard).toBe(false);
    expect(e.editIssues).toEqual([{ field: 'text', message: expect.stringMatching(/no deletion/) }]);
    e.change({ id: e.editing!.card.id, type: 'cloze', text: 'Yo {{como}} pan.' });
    expect(e.canSaveCard).toBe(true);
    expect(await e.saveCard(T1)).toBe(true);
    expect(e.editing).toBeNull();
    expect(e.status).toBe('Card saved.');
    const stored = (await getImportedDeck('verbs'))!;
    expect(stored.deck.cards[2]).toMatchObject({
      type: 'cloze',
      text: 'Yo {{como}} pan.',
      id: expect.stringMatching(/^yo-como-pan-/)
    });
    expect(stored.changed).toEqual({});
  });

  test('editing a studied card keeps its progress and flags it; moving flags nothing; deleting removes its progress', async () => {
    const e = await editor();
    const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false });
    await gradeCard({ deckId: 'verbs', cardId: 'hablar', rating: 3, now: T0, elapsedMs: 1000, scheduler });

    await e.edit(0);
    e.change({ id: 'hablar', type: 'basic', front: 'to speak', back: 'hablar (regular -ar verb)' });
    await e.saveCard(T1);
    expect(e.changed).toEqual({ hablar: T1.getTime() });
    expect(await db.cardStates.get(['verbs', 'hablar'])).toMatchObject({ reps: 1 });

    await e.move(1, -1, T1);
    expect(e.deck.cards.map((c) => c.id)).toEqual(['comer', 'hablar']);
    expect(e.changed).toEqual({ hablar: T1.getTime() });

    await e.remove(1, T1);
    expect(e.deck.cards.map((c) => c.id)).toEqual(['comer']);
    expect(await db.cardStates.count()).toBe(0);
    expect(await db.reviewLogs.count()).toBe(0);
  });
});
