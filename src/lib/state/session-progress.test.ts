import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { db, gradeCard, saveSettings } from '$lib/db';
import {
  DEFAULT_SETTINGS,
  nextStudyDayStart,
  Scheduler,
  State,
  studyDayStart,
  type CardProgress,
  type ReviewLogEntry
} from '$lib/domain';
import { loadDeckProgress, queueFor } from './deck-status';
import { SessionProgress } from './session-progress';

const DECK = 'deck';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function state(cardId: string, st: State, due: number, extra: Partial<CardProgress> = {}): CardProgress {
  return {
    deckId: DECK,
    cardId,
    due,
    stability: 3,
    difficulty: 5,
    elapsedDays: 1,
    scheduledDays: 1,
    learningSteps: 0,
    reps: st === State.New ? 0 : 2,
    lapses: 0,
    state: st,
    lastReview: st === State.New ? null : due - DAY,
    ...extra
  };
}

/**
 * A deck of `n` items with every kind of stored state: none (new), new rows (some suspended), learning
 * and relearning due before, around and after the day's end, reviews overdue, due tonight and later,
 * suspended ones, states of items the deck no longer has, and some reviews already done today.
 */
async function seed(n: number, now: number, rand: () => number): Promise<string[]> {
  const itemIds = Array.from({ length: n }, (_, i) => `c${i}`);
  const dayStart = studyDayStart(new Date(now)).getTime();
  const dayEnd = nextStudyDayStart(new Date(now)).getTime();
  const around = () => dayEnd + (rand() - 0.5) * 2 * HOUR;
  const rows: CardProgress[] = [];
  const logs: ReviewLogEntry[] = [];
  for (const id of [...itemIds, 'gone-1', 'gone-2', 'gone-3']) {
    const r = rand();
    if (r < 0.3) continue; // never studied
    const st = r < 0.35 ? State.New : r < 0.5 ? State.Learning : r < 0.6 ? State.Relearning : State.Review;
    const d = rand();
    const due =
      st === State.New
        ? now - rand() * 30 * DAY
        : d < 0.25
          ? now - rand() * 5 * DAY
          : d < 0.45
            ? now + rand() * (dayEnd - now)
            : d < 0.6
              ? around()
              : now + rand() * 60 * DAY;
    const lastReview = st === State.New ? null : now - 2 * DAY;
    rows.push(state(id, st, due, { lastReview, ...(rand() < 0.08 ? { suspended: true } : {}) }));
    if (st !== State.New && rand() < 0.1)
      logs.push({
        id: `log-${id}`,
        deckId: DECK,
        cardId: id,
        rating: 3,
        reviewedAt: dayStart + rand() * (now - dayStart),
        elapsedMs: 1000,
        before: rand() < 0.5 ? null : state(id, State.Review, now),
        stateBefore: rand() < 0.5 ? State.New : State.Review,
        after: state(id, st, due)
      });
  }
  await db.cardStates.bulkPut(rows);
  await db.reviewLogs.bulkPut(logs);
  return itemIds;
}

/** The queue as built from every stored state of the deck: the reference the session must match. */
async function fullQueue(itemIds: string[], now: Date) {
  return queueFor(itemIds, DECK, await loadDeckProgress(DECK, now), now);
}

async function sessionView(itemIds: string[], now: Date): Promise<SessionProgress> {
  const items = new Set(itemIds);
  const view = new SessionProgress(DECK, itemIds, (id) => items.has(id));
  await view.load(now);
  await view.findNewItems();
  return view;
}

beforeEach(async () => {
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('SessionProgress: the queue from only what can come up today', () => {
  // Afternoon, late evening, and ten minutes before the 4 a.m. rollover (learn-ahead crosses it).
  const times = [new Date(2026, 2, 2, 15, 0), new Date(2026, 2, 2, 23, 30), new Date(2026, 2, 3, 3, 50)];

  for (const [i, now] of times.entries())
    for (const limits of [DEFAULT_SETTINGS.limits, { newPerDay: 5, reviewsPerDay: 10 }])
      test(`equals the queue built over every state (${now.getHours()}:${now.getMinutes()}, limits ${limits.newPerDay}/${limits.reviewsPerDay})`, async () => {
        await saveSettings({ ...DEFAULT_SETTINGS, limits });
        const itemIds = await seed(400, now.getTime(), random(i + 1));
        const view = await sessionView(itemIds, now);
        const expected = await fullQueue(itemIds, now);
        expect(expected.order.length).toBeGreaterThan(0);
        expect(view.queue(now)).toEqual(expected);
        // It read far fewer states than the deck has.
        expect(view.progress.size).toBeLessThan((await db.cardStates.count()) * 0.75);
        // Later the same day, learning cards have come due: still the same queue.
        const later = new Date(now.getTime() + 7 * MIN);
        if (later < new Date(view.dayEnd)) expect(view.queue(later)).toEqual(await fullQueue(itemIds, later));
      });

  test('nothing due: the next due time counts the states it did not read, but not those of removed cards', async () => {
    const now = times[0];
    const t = now.getTime();
    await db.cardStates.bulkPut([
      state('a', State.Review, t + 3 * DAY, { lastReview: t - DAY }),
      state('b', State.Review, t + 5 * DAY, { lastReview: t - DAY }),
      state('gone', State.Review, t + DAY, { lastReview: t - DAY }),
      state('c', State.Review, t + 2 * DAY, { lastReview: t - DAY, suspended: true })
    ]);
    const view = await sessionView(['a', 'b'], now);
    expect(view.progress.size).toBe(0);
    const queue = view.queue(now);
    expect(queue).toEqual(await fullQueue(['a', 'b'], now));
    expect(queue).toMatchObject({ order: [], nextDueAt: t + 3 * DAY });
  });

  test('ten minutes before the rollover, a learning card due just after it is shown early when nothing else is left', async () => {
    const now = times[2];
    const dayEnd = nextStudyDayStart(now).getTime();
    await db.cardStates.put(state('a', State.Learning, dayEnd + 5 * MIN, { lastReview: now.getTime() - HOUR }));
    const view = await sessionView(['a', 'b'], now);
    await db.cardStates.put(state('b', State.Review, now.getTime() + 9 * DAY, { lastReview: now.getTime() - DAY }));
    view.set('b', (await db.cardStates.get([DECK, 'b']))!);
    const queue = view.queue(now);
    expect(queue).toEqual(await fullQueue(['a', 'b'], now));
    expect(queue.order).toEqual(['a']);
  });

  test('before the never-studied items are found, the queue is the same without its new cards', async () => {
    const now = times[0];
    const itemIds = await seed(300, now.getTime(), random(7));
    const items = new Set(itemIds);
    const view = new SessionProgress(DECK, itemIds, (id) => items.has(id));
    await view.load(now);
    expect(view.wantsNewItems).toBe(true);
    const expected = await fullQueue(itemIds, now);
    const partial = view.queue(now);
    expect(partial.order.slice(0, partial.learning + partial.review)).toEqual(
      expected.order.slice(0, expected.learning + expected.review)
    );
    await view.findNewItems();
    expect(view.wantsNewItems).toBe(false);
    expect(view.queue(now)).toEqual(expected);
  });

  test('the first card is known before the never-studied items only when nothing new could come first', async () => {
    const now = times[0];
    const t = now.getTime();
    const learning = (due: number) => state('l', State.Learning, due, { lastReview: t - HOUR });
    const view = async () => {
      const v = new SessionProgress(DECK, ['n1', 'l'], (id) => id === 'n1' || id === 'l');
      await v.load(now);
      return v;
    };
    // Due in five minutes: shown early only while nothing else seems left; n1 (new) comes first.
    await db.cardStates.put(learning(t + 5 * MIN));
    let v = await view();
    expect(v.queue(now).order).toEqual(['l']);
    expect(v.firstIsSettled(now)).toBe(false);
    await v.findNewItems();
    expect(v.queue(now).order).toEqual(['n1']);
    expect(v.firstIsSettled(now)).toBe(true);
    // Due already: it comes before any new card either way.
    await db.cardStates.put(learning(t - MIN));
    v = await view();
    expect(v.firstIsSettled(now)).toBe(true);
    await v.findNewItems();
    expect(v.queue(now).order).toEqual(['l', 'n1']);
  });

  test('states written since the read (grades here or in another tab) keep it equal to the full queue', async () => {
    const now = times[0];
    const itemIds = await seed(300, now.getTime(), random(11));
    const view = await sessionView(itemIds, now);
    const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false });
    // Grade the first ten queued cards, and one item scheduled for a later day (as another tab might).
    const later = (await loadDeckProgress(DECK, now)).progress;
    const notCandidate = itemIds.find(
      (id) => (later.get(id)?.due ?? 0) > view.dayEnd + HOUR && !later.get(id)?.suspended
    )!;
    for (const cardId of view.queue(now).order.slice(0, 10)) {
      const { progress } = await gradeCard({ deckId: DECK, cardId, rating: 1, now, elapsedMs: 0, scheduler });
      view.set(cardId, progress);
    }
    // Forgotten a quarter of an hour ago: relearning, due again by now.
    const earlier = new Date(now.getTime() - 15 * MIN);
    const relearn = await gradeCard({
      deckId: DECK,
      cardId: notCandidate,
      rating: 1,
      now: earlier,
      elapsedMs: 0,
      scheduler
    });
    view.set(notCandidate, relearn.progress);
    expect(view.queue(now).order).toContain(notCandidate);
    view.today = (await loadDeckProgress(DECK, now)).today;
    expect(view.queue(now)).toEqual(await fullQueue(itemIds, now));
    // A card made new again (its state deleted elsewhere) comes back as new.
    const reset = view.queue(now).order[0];
    await db.cardStates.delete([DECK, reset]);
    view.set(reset, null);
    expect(view.queue(now)).toEqual(await fullQueue(itemIds, now));
  });
});
