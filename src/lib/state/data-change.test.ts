/**
 * A study session or quiz open while the deck or its progress is removed or replaced (another tab
 * deleted the deck, imported it again without some cards, restored a backup, reset all progress):
 * nothing is written from what it held, and it says so (issue 21, item 4). The "other tab" here is
 * the same database written directly; tests/e2e/data-change.test.ts does it with two real tabs.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  applyPulled,
  beginJoin,
  db,
  deleteImportedDeck,
  exportBackup,
  mergeOwnData,
  rebuildForJoin,
  resetAllProgress,
  restoreBackup,
  saveEditedDeck,
  saveImportedDeck
} from '$lib/db';
import { bucketsMatch } from '$lib/db/review-buckets';
import { generateQuiz, studyItems, type DataChange, type Deck } from '$lib/domain';
import { removalRecord, type RemovalScope } from '$lib/domain/sync';
import { QuizSession } from './quiz-session.svelte';
import { StudySession } from './study-session.svelte';

const card = (id: string) => ({ id, type: 'basic' as const, front: `Front of ${id}?`, back: `Back of ${id}` });
const DECK: Deck = {
  id: 'mine',
  title: 'Mine',
  description: 'Imported.',
  language: 'en',
  tags: [],
  cards: ['a', 'b', 'c', 'd', 'e', 'f'].map(card)
};
/** The same deck imported again without its first three cards. */
const SMALLER: Deck = { ...DECK, cards: DECK.cards.slice(3) };
const T0 = new Date(2026, 2, 2, 9, 0);
let now = T0;
const clock = () => now;
const tick = () => (now = new Date(now.getTime() + 10_000));

async function gradeNext(session: StudySession): Promise<void> {
  session.reveal();
  tick();
  await session.grade(3);
}

/** A destructive change made "in another tab"; returns the deck the device now has. */
async function change(kind: DataChange, backup: Awaited<ReturnType<typeof exportBackup>>): Promise<Deck | null> {
  tick();
  const options = { fileName: null, format: 'csv', now, deleteRemovedProgress: true };
  switch (kind) {
    case 'deleted':
      await deleteImportedDeck(DECK.id);
      return null;
    case 'imported':
      await saveImportedDeck(SMALLER, options);
      return SMALLER;
    case 'edited':
      await saveEditedDeck(SMALLER, { now, deleteProgressOf: ['a', 'b', 'c'] });
      return SMALLER;
    case 'restored':
      await restoreBackup(backup, 'replace', now, new Set());
      return (await db.decks.get(DECK.id))?.deck ?? null;
    case 'reset':
      await resetAllProgress(now);
      return (await db.decks.get(DECK.id))?.deck ?? null;
    case 'repaired':
    case 'synced':
      throw new Error('not made here');
  }
}

/** Every stored row is of a study item the device has, every state matches its log, the buckets the log. */
async function consistent(deck: Deck | null): Promise<void> {
  const items = new Set(deck ? studyItems(deck).map((i) => i.id) : []);
  const [states, logs] = await Promise.all([db.cardStates.toArray(), db.reviewLogs.toArray()]);
  for (const s of states) {
    expect(items.has(s.cardId), `state of ${s.cardId}`).toBe(true);
    expect(s.reps).toBe(logs.filter((l) => l.cardId === s.cardId).length);
  }
  for (const l of logs)
    expect(
      states.some((s) => s.cardId === l.cardId),
      `log of ${l.cardId}`
    ).toBe(true);
  expect(await bucketsMatch(db.reviewBuckets, logs)).toBe(true);
}

/** Turns sync on for a new account (nothing to pull), as "Turn on sync" does: every change is then recorded. */
async function turnSyncOn(): Promise<void> {
  await beginJoin({ accountId: 'acc', deviceId: 'phone', token: 't', deviceName: 'Phone' });
  await mergeOwnData(now);
  await rebuildForJoin();
}

describe.each([
  ['off', false],
  ['on', true]
])('with sync %s, a session open while its data changes elsewhere', (_name, syncOn) => {
  beforeEach(async () => {
    now = T0;
    await db.open();
    await saveImportedDeck(DECK, { fileName: null, format: 'csv', now, deleteRemovedProgress: false });
    if (syncOn) await turnSyncOn();
  });
  afterEach(async () => {
    await db.delete();
  });

  test.each(['deleted', 'imported', 'edited', 'restored', 'reset'] as const)(
    'after the deck is %s, its next grade writes nothing and the session says why',
    async (kind) => {
      const backup = await exportBackup('test', now);
      const session = new StudySession(DECK, { clock });
      await session.start();
      await gradeNext(session);
      await gradeNext(session);
      // Not following: only the check inside the grade's own transaction can stop it.
      const deck = await change(kind, backup);
      const before = { logs: await db.reviewLogs.count(), states: await db.cardStates.count() };
      await gradeNext(session);
      expect(session.changedElsewhere).toBe(kind);
      expect(session.error).toBeNull();
      expect({ logs: await db.reviewLogs.count(), states: await db.cardStates.count() }).toEqual(before);
      // Undo is refused too: the grade it would take back belongs to what was replaced.
      await session.undo();
      expect(await db.reviewLogs.count()).toBe(before.logs);
      await consistent(deck);
    }
  );

  test('a following session notices the change by itself, before any grade', async () => {
    const session = new StudySession(DECK, { clock });
    const stop = session.follow();
    await session.start();
    await gradeNext(session);
    await resetAllProgress(now);
    await expect.poll(() => session.changedElsewhere).toBe('reset');
    stop();
    // A new session, as the page starts, reads what is stored and grades normally.
    const again = new StudySession(DECK, { clock });
    await again.start();
    expect(again.graded).toEqual([]);
    await gradeNext(again);
    expect(again.changedElsewhere).toBeNull();
    expect(await db.reviewLogs.count()).toBe(1);
  });

  test('grades made in another tab are not such a change', async () => {
    const session = new StudySession(DECK, { clock });
    const stop = session.follow();
    await session.start();
    const other = new StudySession(DECK, { clock });
    await other.start();
    await gradeNext(other);
    await gradeNext(session);
    stop();
    expect(session.changedElsewhere).toBeNull();
    expect(await db.reviewLogs.count()).toBe(2);
  });

  test('a quiz finished after the deck was imported again without some cards saves nothing, and says why', async () => {
    const quiz = new QuizSession(DECK, async (deck, settings) => generateQuiz(deck, settings), clock);
    await quiz.load();
    expect(await quiz.start({ count: 'all', types: ['truefalse'], onlyMissed: false })).toBe(true);
    await saveImportedDeck(SMALLER, { fileName: null, format: 'csv', now, deleteRemovedProgress: true });
    while (quiz.phase === 'asking' && !quiz.changedElsewhere) {
      quiz.answer(true);
      await quiz.next();
    }
    expect(quiz.changedElsewhere).toBe('imported');
    expect(await db.quizAttempts.count()).toBe(0);
  });

  test('any order of grades, undos and changes in two sessions leaves only consistent rows', async () => {
    const kinds = ['deleted', 'imported', 'restored', 'reset'] as const;
    const step = fc.oneof(
      fc.constantFrom('grade-a' as const, 'grade-b' as const, 'undo-a' as const, 'start-b' as const),
      fc.constantFrom(...kinds)
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 3, maxLength: 10 }), async (steps) => {
        await db.delete();
        await db.open();
        now = T0;
        await saveImportedDeck(DECK, { fileName: null, format: 'csv', now, deleteRemovedProgress: false });
        if (syncOn) await turnSyncOn();
        const backup = await exportBackup('test', now);
        let deck: Deck | null = DECK;
        const a = new StudySession(DECK, { clock });
        await a.start();
        let b = new StudySession(DECK, { clock });
        await b.start();
        for (const s of steps) {
          if (s === 'grade-a') await gradeNext(a);
          else if (s === 'grade-b') await gradeNext(b);
          else if (s === 'undo-a') await a.undo();
          else if (s === 'start-b') {
            // As the page does: a deck that is gone is not studied again.
            if (!deck) continue;
            b = new StudySession(deck, { clock });
            await b.start();
          } else {
            if (s === 'deleted' && !deck) continue;
            if (s === 'imported' && !deck) {
              await saveImportedDeck(DECK, { fileName: null, format: 'csv', now, deleteRemovedProgress: true });
              deck = DECK;
              continue;
            }
            deck = await change(s, backup);
          }
        }
        await consistent(deck);
      }),
      { numRuns: 40 }
    );
  });
});

describe('with sync on, removals pulled from another device', () => {
  beforeEach(async () => {
    now = T0;
    await db.open();
    await saveImportedDeck(DECK, { fileName: null, format: 'csv', now, deleteRemovedProgress: false });
    await turnSyncOn();
  });
  afterEach(async () => {
    await db.delete();
  });

  const pulled = (scope: RemovalScope) =>
    removalRecord(scope, { device: 'laptop', at: now.getTime() + 60_000, newId: () => `r-${scope.type}` });

  test.each([{ type: 'deck', deckId: DECK.id } as const, { type: 'all' } as const])(
    'a pulled removal of $type stops an open session, which writes nothing more; pulling it again changes nothing',
    async (scope) => {
      const session = new StudySession(DECK, { clock });
      const stop = session.follow();
      await session.start();
      await gradeNext(session);
      await applyPulled([pulled(scope)], 5);
      await expect.poll(() => session.changedElsewhere).toBe('synced');
      stop();
      const logs = await db.reviewLogs.count();
      await gradeNext(session);
      expect(await db.reviewLogs.count()).toBe(logs);
      const versions = await db.dataVersions.toArray();
      await applyPulled([pulled(scope)], 6);
      expect(await db.dataVersions.toArray()).toEqual(versions);
    }
  );

  test('a pulled undo of one grade is followed, not a reason to start again', async () => {
    const session = new StudySession(DECK, { clock });
    const stop = session.follow();
    await session.start();
    await gradeNext(session);
    const [log] = await db.reviewLogs.toArray();
    await applyPulled([pulled({ type: 'review', logId: log.id })], 5);
    await expect.poll(() => db.reviewLogs.count()).toBe(0);
    await gradeNext(session);
    stop();
    expect(session.changedElsewhere).toBeNull();
    expect(await db.reviewLogs.count()).toBe(1);
  });
});
