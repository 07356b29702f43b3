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

  test('the interval printed on a grade button is the one the grade gives, seconds after the answer was shown', async () => {
    // Bring each card to review, days ago, so that fuzz applies to every grade.
    const scheduler = new Scheduler({ desiredRetention: 0.9 });
    const past = new Date(T0.getTime() - 30 * 86_400_000);
    for (const cardId of ['peru', 'france', 'kenya', 'japan']) {
      const learning = await gradeCard({ deckId: 'capitals', cardId, rating: 3, now: past, elapsedMs: 1, scheduler });
      await gradeCard({
        deckId: 'capitals',
        cardId,
        rating: 4,
        now: new Date(learning.progress.due),
        elapsedMs: 1,
        scheduler,
        expected: learning.progress
      });
    }
    now = new Date(T0.getTime() + 30 * 86_400_000);
    const session = await started();
    const ratings = [4, 3, 2, 4] as const;
    for (const rating of ratings) {
      const item = session.current!.id;
      session.reveal();
      const shown = session.intervals![rating];
      const answerAt = now.getTime();
      now = new Date(now.getTime() + 7_300); // the learner reads, then taps
      await session.grade(rating);
      const given = (await db.cardStates.get(['capitals', item]))!.due - answerAt;
      expect(given, `${item}, grade ${rating}`).toBe(shown);
      expect((await logs()).at(-1)).toMatchObject({ cardId: item, elapsedMs: 7_300, reviewedAt: answerAt });
    }
  });

  test('back after the page was hidden, the buttons show the intervals of a grade made now, and give them', async () => {
    const session = await started();
    session.reveal();
    const before = session.intervals![2];
    now = new Date(T0.getTime() + 3 * 3_600_000);
    session.resume();
    const shown = session.intervals![2];
    expect(shown).toBe(before); // a learning step: the same length, from the new moment
    await session.grade(2);
    expect((await db.cardStates.get(['capitals', 'peru']))!.due).toBe(now.getTime() + shown);
  });

  test('a card graded in this session buries its other side for the rest of the day; counts say so from the start', async () => {
    const deck: Deck = {
      ...DECK,
      cards: [
        { id: 'maduro', type: 'reverse', front: 'Nicolás Maduro', back: 'President of Venezuela' },
        { id: 'ranges', type: 'cloze', text: '{{short}}, {{medium}} and {{long}} range' },
        { id: 'france', type: 'basic', front: 'Capital of France?', back: 'Paris' }
      ]
    };
    const session = new StudySession(deck, { clock });
    await session.start();
    expect(session.queue?.order).toEqual(['maduro', 'ranges#c1', 'france']);
    expect(session.queue?.new).toBe(3);
    const shown: string[] = [];
    while (session.current) {
      shown.push(session.current.id);
      session.reveal();
      await session.grade(4); // Easy: each card leaves today's session
      now = new Date(now.getTime() + 5_000);
    }
    expect(shown).toEqual(['maduro', 'ranges#c1', 'france']);
    expect(session.queue?.buried).toBe(3);

    // The next study day brings the other side and the next deletion.
    now = new Date(T0.getTime() + 86_400_000);
    const tomorrow = new StudySession(deck, { clock });
    await tomorrow.start();
    expect(tomorrow.queue?.order).toEqual(['maduro#reverse', 'ranges#c2']);
  });

  test('with "Bury siblings" off, the other side comes straight after', async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, burySiblings: false });
    const deck: Deck = {
      ...DECK,
      cards: [{ id: 'maduro', type: 'reverse', front: 'Nicolás Maduro', back: 'President' }]
    };
    const session = new StudySession(deck, { clock });
    await session.start();
    session.reveal();
    await session.grade(4);
    expect(session.current?.id).toBe('maduro#reverse');
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
