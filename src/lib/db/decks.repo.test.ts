import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Scheduler, type Card, type Deck } from '$lib/domain';
import { db } from './factdeck-db';
import { deleteImportedDeck, planImport, saveEditedDeck, saveImportedDeck } from './decks.repo';
import { getImportedDeck, listImportedDecks } from './decks-reads.repo';
import { gradeCard } from './progress.repo';
import { saveQuizAttempt } from './quiz.repo';

const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false });
const T0 = new Date('2026-03-02T09:00:00Z');
const T1 = new Date('2026-03-05T09:00:00Z');

const basic = (id: string, front: string, back: string): Card => ({ id, type: 'basic', front, back });
const deck = (cards: Card[]): Deck => ({
  id: 'spanish',
  title: 'Spanish',
  description: 'Words',
  language: 'es',
  tags: [],
  cards
});
const v1 = deck([basic('perro', 'perro', 'dog'), basic('gato', 'gato', 'cat'), basic('casa', 'casa', 'house')]);
const v2 = deck([
  basic('perro', 'perro', 'dog'),
  basic('gato', 'gato', 'cat (the animal)'),
  basic('libro', 'libro', 'book')
]);
const opts = (over: Partial<Parameters<typeof saveImportedDeck>[1]> = {}) => ({
  fileName: 'spanish.csv',
  format: 'csv',
  now: T0,
  deleteRemovedProgress: false,
  ...over
});
const grade = (cardId: string) =>
  gradeCard({ deckId: 'spanish', cardId, rating: 3, now: T0, elapsedMs: 1000, scheduler });

beforeEach(() => db.open());
afterEach(() => db.delete());

describe('imported decks', () => {
  test('a first import stores the deck; nothing is flagged', async () => {
    expect(await planImport(v1)).toEqual({
      update: false,
      diff: { added: ['perro', 'gato', 'casa'], changed: [], removed: [], unchanged: [] },
      removedWithProgress: 0
    });
    await saveImportedDeck(v1, opts());
    const stored = await getImportedDeck('spanish');
    expect(stored).toMatchObject({
      deck: v1,
      fileName: 'spanish.csv',
      format: 'csv',
      changed: {},
      importedAt: T0.getTime()
    });
    expect((await listImportedDecks()).map((d) => d.id)).toEqual(['spanish']);
  });

  test('re-importing keeps progress of unchanged ids, flags changed cards, keeps removed progress unless confirmed', async () => {
    await saveImportedDeck(v1, opts());
    await grade('perro');
    await grade('gato');
    await grade('casa');
    const plan = await planImport(v2);
    expect(plan).toEqual({
      update: true,
      diff: { added: ['libro'], changed: ['gato'], removed: ['casa'], unchanged: ['perro'] },
      removedWithProgress: 1
    });
    await saveImportedDeck(v2, opts({ now: T1 }));
    const stored = await getImportedDeck('spanish');
    expect(stored?.changed).toEqual({ gato: T1.getTime() });
    expect(stored?.importedAt).toBe(T0.getTime());
    expect(stored?.updatedAt).toBe(T1.getTime());
    // Not confirmed: the removed card's progress is still there.
    expect((await db.cardStates.toArray()).map((s) => s.cardId).sort()).toEqual(['casa', 'gato', 'perro']);
    expect(await db.reviewLogs.count()).toBe(3);
  });

  test('confirmed: progress and history of removed cards go, everything else stays', async () => {
    await saveImportedDeck(v1, opts());
    await grade('perro');
    await grade('casa');
    await saveImportedDeck(v2, opts({ now: T1, deleteRemovedProgress: true }));
    expect((await db.cardStates.toArray()).map((s) => s.cardId)).toEqual(['perro']);
    expect((await db.reviewLogs.toArray()).map((l) => l.cardId)).toEqual(['perro']);
  });

  test('a failed save changes nothing: no deck, no deleted progress', async () => {
    await saveImportedDeck(v1, opts());
    await grade('casa');
    const fail = () => {
      throw new Error('quota');
    };
    db.decks.hook('updating', fail);
    try {
      await expect(saveImportedDeck(v2, opts({ now: T1, deleteRemovedProgress: true }))).rejects.toThrow('quota');
    } finally {
      db.decks.hook('updating').unsubscribe(fail);
    }
    expect((await getImportedDeck('spanish'))?.deck).toEqual(v1);
    expect(await db.cardStates.count()).toBe(1);
    expect(await db.reviewLogs.count()).toBe(1);
  });

  test('deleting a deck removes its progress, history and quiz attempts, and nothing of other decks', async () => {
    await saveImportedDeck(v1, opts());
    await grade('perro');
    await gradeCard({ deckId: 'other', cardId: 'x', rating: 3, now: T0, elapsedMs: 0, scheduler });
    await saveQuizAttempt({
      deckId: 'spanish',
      startedAt: 1,
      finishedAt: 2,
      seed: 1,
      answers: [],
      correct: 0,
      total: 0
    });
    await deleteImportedDeck('spanish');
    expect(await getImportedDeck('spanish')).toBeUndefined();
    expect((await db.cardStates.toArray()).map((s) => s.deckId)).toEqual(['other']);
    expect((await db.reviewLogs.toArray()).map((s) => s.deckId)).toEqual(['other']);
    expect(await db.quizAttempts.count()).toBe(0);
  });
});

describe('decks edited in the app', () => {
  test('an edit keeps progress by card id, flags changed content, moves without flagging, and keeps the file name and format', async () => {
    await saveImportedDeck(v1, opts());
    await grade('gato');
    await grade('casa');
    const snapshotsBefore = await db.snapshots.count();

    const moved = deck([v1.cards[2], v1.cards[0], v1.cards[1]]);
    await saveEditedDeck(moved, { now: T1 });
    expect(await getImportedDeck('spanish')).toMatchObject({ changed: {}, fileName: 'spanish.csv', format: 'csv' });

    const edited = deck([v1.cards[2], v1.cards[0], basic('gato', 'gato', 'cat (the animal)')]);
    const record = await saveEditedDeck(edited, { now: T1 });
    expect(record).toMatchObject({
      deck: edited,
      changed: { gato: T1.getTime() },
      importedAt: T0.getTime(),
      updatedAt: T1.getTime()
    });
    expect((await db.cardStates.toArray()).map((s) => s.cardId).sort()).toEqual(['casa', 'gato']);
    expect(await db.snapshots.count()).toBe(snapshotsBefore);
  });

  test('deleting a card deletes its progress and history, after a snapshot, and nothing else', async () => {
    await saveImportedDeck(v1, opts());
    await grade('gato');
    await grade('casa');
    const snapshotsBefore = await db.snapshots.count();
    await saveEditedDeck(deck([v1.cards[0], v1.cards[2]]), { now: T1, deleteProgressOf: ['gato'] });
    expect((await db.cardStates.toArray()).map((s) => s.cardId)).toEqual(['casa']);
    expect((await db.reviewLogs.toArray()).map((l) => l.cardId)).toEqual(['casa']);
    expect(await db.snapshots.count()).toBe(snapshotsBefore + 1);
    expect((await db.snapshots.toArray()).pop()?.reason).toBe('edit');
  });

  test('a deck may be stored with no cards, and editing a deck that is not stored changes nothing', async () => {
    await saveImportedDeck(deck([]), opts({ format: 'new', fileName: null }));
    expect((await getImportedDeck('spanish'))?.deck.cards).toEqual([]);
    await expect(saveEditedDeck({ ...v1, id: 'missing' }, { now: T1 })).rejects.toThrow('missing');
    expect(await getImportedDeck('missing')).toBeUndefined();
  });
});
