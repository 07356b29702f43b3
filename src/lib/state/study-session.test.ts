/**
 * A study session as the study page drives it, on the real database (fake-indexeddb): what the
 * learner sees change when they reveal, grade and undo, and what is written.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { applyPulled, beginJoin, db, gradeCard, mergeOwnData, rebuildForJoin, saveSettings } from '$lib/db';
import { markRecord } from '$lib/domain/sync';
import { DEFAULT_SETTINGS, Scheduler, State, type Deck } from '$lib/domain';
import * as t from '$lib/text';
import { StudySession } from './study-session.svelte';

const DECK: Deck = {
  id: 'capitals',
  title: 'Capitals',
  description: 'Capitals of the world.',
  language: 'en',
  tags: [],
  cards: [
    { id: 'peru', type: 'typed', front: 'Type the capital of Peru.', answer: 'Lima' },
    { id: 'france', type: 'basic', front: 'Capital of France?', back: 'Paris' },
    { id: 'kenya', type: 'basic', front: 'Capital of Kenya?', back: 'Nairobi' },
    { id: 'japan', type: 'basic', front: 'Capital of Japan?', back: 'Tokyo' }
  ]
};
// 9 a.m. local time: well inside one study day (they turn at 4 a.m.).
const T0 = new Date(2026, 2, 2, 9, 0);

let now = T0;
const clock = () => now;
const logs = () => db.reviewLogs.toArray();

async function started(): Promise<StudySession> {
  const session = new StudySession(DECK, { clock });
  await session.start();
  return session;
}

beforeEach(async () => {
  now = T0;
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('StudySession', () => {
  test('shows the first card; grading it Good moves on to the next and writes one review row', async () => {
    const session = await started();
    expect(session.loaded).toBe(true);
    expect(session.current?.id).toBe('peru');
    expect(session.queue?.new).toBe(4);

    // Grading before the answer is shown does nothing.
    await session.grade(3);
    expect(await logs()).toEqual([]);

    session.reveal();
    expect(session.revealed).toBe(true);
    expect(Object.keys(session.intervals ?? {})).toHaveLength(4);
    now = new Date(T0.getTime() + 6_000);
    await session.grade(3);

    expect(await logs()).toMatchObject([
      { deckId: 'capitals', cardId: 'peru', rating: 3, elapsedMs: 6_000, stateBefore: State.New }
    ]);
    expect(await db.cardStates.get(['capitals', 'peru'])).toMatchObject({ reps: 1, state: State.Learning });
    expect(session.current?.id).toBe('france');
    expect(session.revealed).toBe(false);
    expect(session.canUndo).toBe(true);
    expect(session.progress).toBeCloseTo(1 / 4);
    expect(session.error).toBeNull();
  });

  test('a typed answer is kept and shows the answer', async () => {
    const session = await started();
    session.respond('lima');
    expect(session.response).toBe('lima');
    expect(session.revealed).toBe(true);
  });

  test('undo takes the grade back: the row is deleted and the card is shown again', async () => {
    const session = await started();
    session.reveal();
    await session.grade(4);
    expect(session.current?.id).toBe('france');

    await session.undo();
    expect(await logs()).toEqual([]);
    expect(await db.cardStates.get(['capitals', 'peru'])).toBeUndefined();
    expect(session.current?.id).toBe('peru');
    expect(session.revealed).toBe(false);
    expect(session.canUndo).toBe(false);
    expect(session.progress).toBe(0);
  });

  test('a grade studied again elsewhere since cannot be undone, and says so', async () => {
    const session = await started();
    session.reveal();
    await session.grade(1);
    // Another tab grades the same card again.
    const stored = await db.cardStates.get(['capitals', 'peru']);
    now = new Date(T0.getTime() + 60_000);
    await gradeCard({
      deckId: 'capitals',
      cardId: 'peru',
      rating: 3,
      now,
      elapsedMs: 1_000,
      scheduler: new Scheduler({ desiredRetention: 0.9 }),
      expected: stored ?? null
    });

    await session.undo();
    expect(session.error).toBe(t.study.undoTooLate);
    expect(await logs()).toHaveLength(2);
    expect(session.canUndo).toBe(true);
  });

  test('a grade the device has no room for says so, writes nothing and keeps the card', async () => {
    const session = await started();
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.cardStates.hook('creating', full);
    try {
      session.reveal();
      await session.grade(3);
    } finally {
      db.cardStates.hook('creating').unsubscribe(full);
    }
    expect(session.error).toBe(t.error.storageFull(t.study.gradeFailed.full));
    expect(await logs()).toEqual([]);
    expect(session.current?.id).toBe('peru');
    expect(session.canUndo).toBe(false);

    // Space again: the next grade goes through and clears the message.
    session.reveal();
    await session.grade(3);
    expect(session.error).toBeNull();
    expect(await logs()).toHaveLength(1);
  });

  test('keeps the daily limit of new cards and the swipe setting', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, limits: { newPerDay: 2, reviewsPerDay: 200 }, swipeGrading: false });
    const session = await started();
    expect(session.queue?.new).toBe(2);
    expect(session.queue?.order).toEqual(['peru', 'france']);
    expect(session.swipeGrading).toBe(false);

    // Again keeps a card in today's session; the third new card stays for tomorrow.
    for (let i = 0; i < 2; i++) {
      session.reveal();
      await session.grade(1);
    }
    expect(session.queue?.new).toBe(0);
    expect(session.queue?.order).not.toContain('kenya');
  });

  test('follows grades made in another tab: a card graded there leaves this queue', async () => {
    const session = await started();
    const stop = session.follow();
    try {
      await gradeCard({
        deckId: 'capitals',
        cardId: 'kenya',
        rating: 4,
        now: T0,
        elapsedMs: 1_000,
        scheduler: new Scheduler({ desiredRetention: 0.9 })
      });
      await vi.waitFor(() => expect(session.queue?.order).not.toContain('kenya'));
      expect(session.queue?.new).toBe(3);
      // The card on screen stays as it was.
      expect(session.current?.id).toBe('peru');
    } finally {
      stop();
    }
  });

  test('takes in what sync pulls for its deck: a card suspended on another device leaves the queue', async () => {
    await beginJoin({ accountId: 'a', deviceId: 'phone', token: 't', deviceName: 'Phone' });
    await mergeOwnData(T0);
    await rebuildForJoin();
    const session = await started();
    const stop = session.follow();
    try {
      expect(session.queue?.order).toContain('japan');
      const at = T0.getTime() + 1_000;
      await applyPulled([markRecord('capitals', 'japan', true, { device: 'laptop', at })], 1);
      await vi.waitFor(() => expect(session.queue?.order).not.toContain('japan'));
      expect(session.current?.id).toBe('peru');
    } finally {
      stop();
    }
  });
});
