import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { byReviewTime, Scheduler, schedulingOf, State, type CardProgress, type RatingValue } from '$lib/domain';
import { db } from './factdeck-db';
import { checkData } from './integrity.repo';
import { gradeCard, setSuspended } from './progress.repo';
import { listSnapshots } from './snapshots.repo';

// The default desired retention, as checkData reads it from settings.
const scheduler = new Scheduler({ desiredRetention: 0.9 });
const T0 = Date.parse('2026-03-02T09:00:00Z');
const DAY = 86_400_000;
const DECKS = new Map([['deck', new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'ok'])]]);

/** Grades a card through `ratings` a day apart, as a learner would. */
async function study(cardId: string, ratings: RatingValue[], deckId = 'deck') {
  for (const [i, rating] of ratings.entries())
    await gradeCard({ deckId, cardId, rating, now: new Date(T0 + i * DAY), elapsedMs: 1000, scheduler });
  return (await db.cardStates.get([deckId, cardId]))!;
}
const state = (cardId: string, deckId = 'deck') => db.cardStates.get([deckId, cardId]);
const logsOf = async (cardId: string) =>
  (await db.reviewLogs.where('[deckId+cardId]').equals(['deck', cardId]).toArray()).sort(byReviewTime);

beforeEach(() => db.open());
afterEach(() => db.delete());

describe('checkData on a damaged database', () => {
  test('rebuilds what disagrees with the review log, keeps and reports the rest; a second run repairs nothing', async () => {
    const originals = new Map<string, CardProgress>();
    for (const id of ['a', 'b', 'c', 'd', 'f', 'g', 'ok']) originals.set(id, await study(id, [3, 3, 1]));
    await study('ghost', [3]); // a card the deck no longer has
    await study('x', [3, 4], 'gone'); // a deck no longer on this device
    await setSuspended('deck', 'h', true, new Date(T0)); // suspended before any review: a state, no log
    const goodLogF = (await logsOf('f')).at(-1)!;

    // Damage, row by row, as a bug or a half-written import might have left it.
    await db.cardStates.put({ ...originals.get('a')!, reps: 7 });
    await db.cardStates.delete(['deck', 'b']);
    await db.cardStates.put({ ...originals.get('c')!, stability: NaN, suspended: true });
    await db.cardStates.put({ ...originals.get('d')!, due: originals.get('d')!.due + DAY });
    await db.cardStates.put({
      ...originals.get('c')!,
      cardId: 'e',
      state: 9 as State,
      reps: 0,
      lapses: 2,
      suspended: true
    });
    const badAfter = { ...goodLogF.after, difficulty: -3 };
    await db.reviewLogs.put({ ...goodLogF, after: badAfter });
    await db.cardStates.put({ deckId: 'deck', cardId: 'f', ...badAfter });
    const gLogs = await logsOf('g');
    await db.reviewLogs.add({ ...gLogs[1], id: 'unusable-row', rating: 9 as RatingValue, reviewedAt: T0 + 1.5 * DAY });
    await db.cardStates.put({ ...originals.get('g')!, reps: 4 });
    await db.cardStates.delete(['deck', 'ghost']);
    const logCount = await db.reviewLogs.count();

    const first = await checkData(DECKS, new Date(T0 + 10 * DAY));
    expect(first.repaired).toEqual(
      expect.arrayContaining([
        { kind: 'rebuilt', deckId: 'deck', cardId: 'a', reason: 'reps', reviews: 3, recomputed: 0 },
        { kind: 'rebuilt', deckId: 'deck', cardId: 'b', reason: 'missing', reviews: 3, recomputed: 0 },
        { kind: 'rebuilt', deckId: 'deck', cardId: 'c', reason: 'values', reviews: 3, recomputed: 0 },
        { kind: 'rebuilt', deckId: 'deck', cardId: 'd', reason: 'log', reviews: 3, recomputed: 0 },
        { kind: 'reset', deckId: 'deck', cardId: 'e' },
        { kind: 'rebuilt', deckId: 'deck', cardId: 'f', reason: 'values', reviews: 3, recomputed: 1 },
        { kind: 'rebuilt', deckId: 'deck', cardId: 'g', reason: 'reps', reviews: 3, recomputed: 0 },
        { kind: 'rebuilt', deckId: 'deck', cardId: 'ghost', reason: 'missing', reviews: 1, recomputed: 0 }
      ])
    );
    expect(first.repaired).toHaveLength(8);
    expect(first.kept).toEqual(
      expect.arrayContaining([
        { kind: 'unusable-log', logId: 'unusable-row', deckId: 'deck', cardId: 'g' },
        { kind: 'unknown-card', deckId: 'deck', cardId: 'ghost', reviews: 1 },
        { kind: 'unknown-card', deckId: 'gone', cardId: 'x', reviews: 2 }
      ])
    );
    expect(first.kept).toHaveLength(3);

    // Rebuilt states are exactly what grading gave; marks are kept; the impossible state is new again.
    for (const id of ['a', 'b', 'd', 'g']) expect(await state(id)).toEqual(originals.get(id));
    expect(await state('c')).toEqual({ ...originals.get('c'), suspended: true });
    expect(await state('e')).toMatchObject({ state: State.New, reps: 0, lapses: 0, suspended: true });
    // The log row with an impossible result was graded again from its rating: the same result as first time.
    expect((await logsOf('f')).at(-1)).toEqual(goodLogF);
    expect(await state('f')).toEqual(originals.get('f'));
    expect(schedulingOf((await state('ghost'))!)).toMatchObject({ reps: 1 });
    expect(await state('x', 'gone')).toMatchObject({ reps: 2 });
    expect(await state('h')).toMatchObject({ reps: 0, suspended: true });

    // No review row was deleted, the unusable one included; a snapshot makes the repair undoable.
    expect(await db.reviewLogs.count()).toBe(logCount);
    expect(await db.reviewLogs.get('unusable-row')).toMatchObject({ rating: 9 });
    const snapshots = await listSnapshots();
    expect(snapshots[0]).toMatchObject({ reason: 'repair', counts: { reviewLogs: logCount } });

    const second = await checkData(DECKS, new Date(T0 + 11 * DAY));
    expect(second.repaired).toEqual([]);
    expect(second.cardStates).toEqual([]);
    expect(second.reviewLogs).toEqual([]);
    expect(second.kept).toEqual(first.kept);
    expect(await db.reviewLogs.count()).toBe(logCount);
    expect(await listSnapshots()).toHaveLength(snapshots.length);
  });

  test('a healthy database: nothing to repair, nothing written, no snapshot', async () => {
    await study('a', [3, 1, 3, 4]);
    await study('ok', [1, 1, 2]);
    await setSuspended('deck', 'h', true, new Date(T0));
    const report = await checkData(DECKS, new Date(T0 + 10 * DAY));
    expect(report).toMatchObject({ repaired: [], kept: [], cardStates: [], reviewLogs: [] });
    expect(report.checked).toEqual({ cardStates: 3, reviewLogs: 7 });
    expect(await listSnapshots()).toEqual([]);
  });
});
