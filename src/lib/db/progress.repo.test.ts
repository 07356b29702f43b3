import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Scheduler, schedulingOf, State } from '$lib/domain';
import { db } from './factdeck-db';
import { cardLogs, deckProgress, gradeCard, resetCard, setSuspended, studiedSince, undoReview } from './progress.repo';

const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false });
const T0 = new Date('2026-03-02T09:00:00Z');
const grade = (cardId: string, rating: 1 | 2 | 3 | 4, now = T0) =>
  gradeCard({ deckId: 'deck', cardId, rating, now, elapsedMs: 4200, scheduler });

beforeEach(async () => {
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('gradeCard', () => {
  test('writes the card state and one log row with a unique id and the state before', async () => {
    const { log } = await grade('a', 3);
    const state = await db.cardStates.get(['deck', 'a']);
    expect(state).toMatchObject({ deckId: 'deck', cardId: 'a', reps: 1, state: State.Learning });
    expect(state!.due).toBe(T0.getTime() + 10 * 60_000);
    const logs = await db.reviewLogs.toArray();
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({
      id: log.id,
      deckId: 'deck',
      cardId: 'a',
      rating: 3,
      elapsedMs: 4200,
      before: null,
      stateBefore: State.New
    });
    expect(log.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

    const second = await grade('a', 3, new Date(state!.due));
    expect(second.log.before).toMatchObject({ reps: 1, state: State.Learning });
    expect(second.log.id).not.toBe(log.id);
    expect((await db.cardStates.get(['deck', 'a']))!.reps).toBe(2);
    expect(await cardLogs('deck', 'a')).toHaveLength(2);
  });

  test('when the log write fails, the card state is not changed either', async () => {
    await grade('a', 3);
    const before = await db.cardStates.get(['deck', 'a']);
    const fail = () => {
      throw new Error('disk full');
    };
    db.reviewLogs.hook('creating', fail);
    try {
      await expect(grade('a', 1, new Date(before!.due))).rejects.toThrow('disk full');
    } finally {
      db.reviewLogs.hook('creating').unsubscribe(fail);
    }
    expect(await db.cardStates.get(['deck', 'a'])).toEqual(before);
    expect(await db.reviewLogs.count()).toBe(1);
  });

  test('a new card whose log write fails stays new: no state row at all', async () => {
    const fail = () => {
      throw new Error('quota');
    };
    db.reviewLogs.hook('creating', fail);
    try {
      await expect(grade('b', 3)).rejects.toThrow('quota');
    } finally {
      db.reviewLogs.hook('creating').unsubscribe(fail);
    }
    expect(await db.cardStates.count()).toBe(0);
    expect(await db.reviewLogs.count()).toBe(0);
  });
});

describe('gradeCard with the state the caller expects', () => {
  test('writes exactly what grading from the stored state writes', async () => {
    await grade('a', 3);
    const stored = (await db.cardStates.get(['deck', 'a']))!;
    const at = new Date(stored.due);
    const fast = await gradeCard({
      deckId: 'deck',
      cardId: 'a',
      rating: 3,
      now: at,
      elapsedMs: 10,
      scheduler,
      expected: stored
    });
    await db.delete();
    await db.open();
    await grade('a', 3);
    const slow = await gradeCard({ deckId: 'deck', cardId: 'a', rating: 3, now: at, elapsedMs: 10, scheduler });
    expect(fast.progress).toEqual(slow.progress);
    expect({ ...fast.log, id: '' }).toEqual({ ...slow.log, id: '' });
    expect(await db.cardStates.get(['deck', 'a'])).toEqual(fast.progress);
  });

  test('a new card expected as new gets its first state and log row', async () => {
    const { progress, log } = await gradeCard({
      deckId: 'deck',
      cardId: 'n',
      rating: 3,
      now: T0,
      elapsedMs: 0,
      scheduler,
      expected: null
    });
    expect(log.before).toBeNull();
    expect(await db.cardStates.get(['deck', 'n'])).toEqual(progress);
    expect(await db.reviewLogs.count()).toBe(1);
  });

  test('when another tab graded the card meanwhile, the grade is made from the stored state, once', async () => {
    await grade('a', 3);
    const stale = (await db.cardStates.get(['deck', 'a']))!;
    const later = new Date(stale.due);
    await grade('a', 3, later); // the other tab
    const stored = (await db.cardStates.get(['deck', 'a']))!;
    const { progress, log } = await gradeCard({
      deckId: 'deck',
      cardId: 'a',
      rating: 1,
      now: new Date(stored.due),
      elapsedMs: 0,
      scheduler,
      expected: stale
    });
    expect(log.before).toEqual(schedulingOf(stored));
    expect(progress.reps).toBe(3);
    expect(await db.cardStates.get(['deck', 'a'])).toEqual(progress);
    expect(await cardLogs('deck', 'a')).toHaveLength(3);
  });

  test('a card expected as new that another tab graded meanwhile is graded from that state', async () => {
    await grade('a', 3);
    const { log } = await gradeCard({
      deckId: 'deck',
      cardId: 'a',
      rating: 3,
      now: T0,
      elapsedMs: 0,
      scheduler,
      expected: null
    });
    expect(log.before).toMatchObject({ reps: 1 });
    expect(await cardLogs('deck', 'a')).toHaveLength(2);
  });

  test('when the log write fails, nothing is written and the error is the write error', async () => {
    const fail = () => {
      throw new Error('quota');
    };
    db.reviewLogs.hook('creating', fail);
    try {
      await expect(
        gradeCard({ deckId: 'deck', cardId: 'b', rating: 3, now: T0, elapsedMs: 0, scheduler, expected: null })
      ).rejects.toThrow('quota');
    } finally {
      db.reviewLogs.hook('creating').unsubscribe(fail);
    }
    expect(await db.cardStates.count()).toBe(0);
    expect(await db.reviewLogs.count()).toBe(0);
  });
});

describe('undoReview', () => {
  test('restores the previous state and removes the log row', async () => {
    const first = await grade('a', 3);
    const stateAfterFirst = await db.cardStates.get(['deck', 'a']);
    const second = await grade('a', 1, new Date(first.progress.due));
    expect(await undoReview(second.log.id)).toEqual(stateAfterFirst);
    expect(await db.cardStates.get(['deck', 'a'])).toEqual(stateAfterFirst);
    expect((await db.reviewLogs.toArray()).map((l) => l.id)).toEqual([first.log.id]);
  });

  test('undoing the first grade of a card makes it new again', async () => {
    const { log } = await grade('a', 4);
    expect(await undoReview(log.id)).toBeNull();
    expect(await db.cardStates.count()).toBe(0);
    expect(await db.reviewLogs.count()).toBe(0);
  });

  test('refuses to undo a grade that is no longer the latest for its card', async () => {
    const first = await grade('a', 3);
    await grade('a', 3, new Date(first.progress.due));
    expect(await undoReview(first.log.id)).toBeUndefined();
    expect(await db.reviewLogs.count()).toBe(2);
    expect((await db.cardStates.get(['deck', 'a']))!.reps).toBe(2);
  });
});

describe('deck queries', () => {
  test('deckProgress returns only that deck; studiedSince counts new cards and reviews since a time', async () => {
    await grade('a', 3);
    await grade('b', 3);
    await gradeCard({ deckId: 'other', cardId: 'a', rating: 3, now: T0, elapsedMs: 0, scheduler });
    expect((await deckProgress('deck')).map((p) => p.cardId).sort()).toEqual(['a', 'b']);
    expect(await studiedSince('deck', T0.getTime())).toEqual({ newCards: 2, reviews: 0 });
    expect(await studiedSince('deck', T0.getTime() + 1)).toEqual({ newCards: 0, reviews: 0 });
  });
});

describe('leeches, suspend and reset', () => {
  /** Grades a card into review, then lapses it `lapses` times (Again from review, Good to relearn). */
  async function lapse(cardId: string, lapses: number) {
    let { progress } = await grade(cardId, 4);
    let last = progress;
    for (let i = 0; i < lapses; i++) {
      ({ progress } = await grade(cardId, 1, new Date(last.due)));
      ({ progress: last } = await grade(cardId, 3, new Date(progress.due)));
      if (last.state !== State.Review) ({ progress: last } = await grade(cardId, 3, new Date(last.due)));
    }
    return last;
  }

  test('the 8th lapse suspends the card and marks it a leech; undo takes both back', async () => {
    const seven = await lapse('a', 7);
    expect(seven).toMatchObject({ lapses: 7, state: State.Review });
    expect(seven.suspended).toBeUndefined();
    const eighth = await grade('a', 1, new Date(seven.due));
    expect(eighth.progress).toMatchObject({ lapses: 8, suspended: true, leech: true });
    expect(await undoReview(eighth.log.id)).toMatchObject({ lapses: 7 });
    const after = await db.cardStates.get(['deck', 'a']);
    expect(after?.suspended).toBeUndefined();
    expect(after?.leech).toBeUndefined();
  });

  test('suspending a new card keeps it new; unsuspending clears the flags', async () => {
    const s = await setSuspended('deck', 'fresh', true, T0);
    expect(s).toMatchObject({ state: State.New, reps: 0, suspended: true });
    const un = await setSuspended('deck', 'fresh', false, T0);
    expect(un.suspended).toBeUndefined();
    const graded = await grade('fresh', 3);
    expect(graded.log.stateBefore).toBe(State.New);
  });

  test('a suspended card stays suspended when graded (e.g. by another tab) and when an unrelated grade is undone', async () => {
    await grade('b', 3);
    await setSuspended('deck', 'b', true, T0);
    const again = await grade('b', 3, new Date(T0.getTime() + 600_000));
    expect(again.progress.suspended).toBe(true);
    await undoReview(again.log.id);
    expect((await db.cardStates.get(['deck', 'b']))?.suspended).toBe(true);
  });

  test('reset makes a card new again and deletes its history, and nothing else', async () => {
    await grade('a', 3);
    await grade('b', 3);
    expect(await resetCard('deck', 'a')).toBe(1);
    expect(await db.cardStates.get(['deck', 'a'])).toBeUndefined();
    expect((await db.reviewLogs.toArray()).map((l) => l.cardId)).toEqual(['b']);
  });
});
