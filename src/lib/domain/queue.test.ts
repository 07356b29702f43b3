import { describe, expect, test } from 'vitest';
import { buildQueue, type QueueInput } from './queue';
import { State, type CardProgress } from './progress';
import { nextStudyDayStart, studyDayStart } from './study-day';

const NOW = new Date(2026, 2, 2, 15, 0, 0); // local time, 3 p.m.
const MIN = 60_000;

function p(cardId: string, state: State, dueInMin: number): CardProgress {
  return {
    deckId: 'd',
    cardId,
    due: NOW.getTime() + dueInMin * MIN,
    stability: 1,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state,
    lastReview: NOW.getTime() - MIN
  };
}

function input(over: Partial<QueueInput>): QueueInput {
  return {
    itemIds: [],
    progress: new Map(),
    now: NOW,
    dayEnd: nextStudyDayStart(NOW).getTime(),
    limits: { newPerDay: 20, reviewsPerDay: 200 },
    today: { newCards: 0, reviews: 0 },
    ...over
  };
}

const map = (...ps: CardProgress[]) => new Map(ps.map((x) => [x.cardId, x]));

describe('buildQueue', () => {
  test('learning cards first, then due reviews by due date, then new cards in deck order', () => {
    const q = buildQueue(
      input({
        itemIds: ['n1', 'r-late', 'l1', 'n2', 'r-early', 'later'],
        progress: map(
          p('r-late', State.Review, -5),
          p('l1', State.Relearning, -1),
          p('r-early', State.Review, -60),
          p('later', State.Review, 3 * 24 * 60)
        )
      })
    );
    expect(q.order).toEqual(['l1', 'r-early', 'r-late', 'n1', 'n2']);
    expect([q.learning, q.review, q.new]).toEqual([1, 2, 2]);
    expect(q.nextDueAt).toBe(NOW.getTime() + 3 * 24 * 60 * MIN);
  });

  test('reviews due later today count as due; tomorrow after 4 a.m. does not', () => {
    const dayEnd = nextStudyDayStart(NOW).getTime();
    const tonight = (dayEnd - NOW.getTime()) / MIN - 1;
    const q = buildQueue(
      input({ itemIds: ['a', 'b'], progress: map(p('a', State.Review, tonight), p('b', State.Review, tonight + 2)) })
    );
    expect(q.order).toEqual(['a']);
  });

  test('new and review limits subtract what was already studied today', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `n${i}`);
    const reviews = Array.from({ length: 5 }, (_, i) => p(`r${i}`, State.Review, -i));
    const q = buildQueue(
      input({
        itemIds: [...ids, ...reviews.map((r) => r.cardId)],
        progress: map(...reviews),
        limits: { newPerDay: 4, reviewsPerDay: 3 },
        today: { newCards: 1, reviews: 1 }
      })
    );
    expect(q.new).toBe(3);
    expect(q.review).toBe(2);
    expect(q.order).toEqual(['r4', 'r3', 'n0', 'n1', 'n2']);
  });

  test('a learning card due in a few minutes waits while other cards remain, then is shown early', () => {
    const soon = p('soon', State.Learning, 5);
    const busy = buildQueue(input({ itemIds: ['soon', 'n1'], progress: map(soon) }));
    expect(busy.order).toEqual(['n1']);
    expect(busy.nextDueAt).toBe(soon.due);
    const idle = buildQueue(input({ itemIds: ['soon'], progress: map(soon) }));
    expect(idle.order).toEqual(['soon']);
  });

  test('laterDue: items left out of itemIds still count for the next due time, when they come first', () => {
    const learning = p('a', State.Learning, 90);
    const left = (laterDue: number) => buildQueue(input({ itemIds: ['a'], progress: map(learning), laterDue }));
    expect(left(NOW.getTime() + 60 * MIN).nextDueAt).toBe(NOW.getTime() + 60 * MIN);
    expect(left(NOW.getTime() + 120 * MIN).nextDueAt).toBe(learning.due);
    expect(buildQueue(input({ itemIds: [], laterDue: NOW.getTime() + 5 * MIN })).nextDueAt).toBe(
      NOW.getTime() + 5 * MIN
    );
  });

  test('nothing due: empty order and the time of the next card', () => {
    const q = buildQueue(input({ itemIds: ['a'], progress: map(p('a', State.Learning, 90)) }));
    expect(q.order).toEqual([]);
    expect(q.nextDueAt).toBe(NOW.getTime() + 90 * MIN);
  });
});

test('suspended cards are never queued, new or not', () => {
  const q = buildQueue(
    input({
      itemIds: ['n1', 'r1', 'n2'],
      progress: map({ ...p('r1', State.Review, -5), suspended: true }, { ...p('n2', State.New, 0), suspended: true })
    })
  );
  expect(q.order).toEqual(['n1']);
});

describe('study day', () => {
  test('starts at 4 a.m. local time', () => {
    expect(studyDayStart(new Date(2026, 2, 2, 3, 59))).toEqual(new Date(2026, 2, 1, 4, 0));
    expect(studyDayStart(new Date(2026, 2, 2, 4, 0))).toEqual(new Date(2026, 2, 2, 4, 0));
    expect(nextStudyDayStart(new Date(2026, 2, 2, 23, 0))).toEqual(new Date(2026, 2, 3, 4, 0));
  });
});

describe('burying siblings', () => {
  const bury = (over: Partial<QueueInput>) => buildQueue(input({ burySiblings: true, ...over }));

  test('a reverse card is studied one way a day: the other direction waits once one was graded today', () => {
    const ids = ['maduro', 'maduro#reverse', 'duque', 'duque#reverse'];
    const before = bury({ itemIds: ids });
    expect(before.order).toEqual(['maduro', 'duque']);
    expect([before.new, before.buried]).toEqual([2, 2]);

    // "maduro" graded Good: learning now, due in 10 minutes; its reverse stays buried for the day.
    const graded = bury({
      itemIds: ids,
      progress: map(p('maduro', State.Learning, 10)),
      gradedToday: new Set(['maduro']),
      today: { newCards: 1, reviews: 0 }
    });
    expect(graded.order).toEqual(['duque']);
    expect(graded.order).not.toContain('maduro#reverse');
    expect(graded.buried).toBe(2);
  });

  test('a card graded in this session buries its sibling for the rest of the day, and the next day shows it', () => {
    const ids = ['c#c1', 'c#c2', 'c#c3'];
    let graded = new Set<string>();
    const progress = new Map<string, CardProgress>();
    const shown: string[] = [];
    for (let i = 0; i < 5; i++) {
      const q = bury({ itemIds: ids, progress, gradedToday: graded });
      const next = q.order[0];
      if (!next) break;
      shown.push(next);
      // graded Easy: a review due in days
      progress.set(next, p(next, State.Review, 4 * 24 * 60));
      graded = new Set([...graded, next]);
    }
    expect(shown).toEqual(['c#c1']);
    const tomorrow = bury({ itemIds: ids, progress, gradedToday: new Set() });
    expect(tomorrow.order).toEqual(['c#c2']);
  });

  test('learning items are never buried, and a learning item due now buries its new sibling', () => {
    const q = bury({
      itemIds: ['a', 'a#reverse', 'b', 'b#reverse'],
      progress: map(p('a', State.Learning, -1), p('b', State.Relearning, -2), p('b#reverse', State.Learning, -1)),
      gradedToday: new Set(['a', 'b'])
    });
    expect(q.order).toEqual(['b', 'a', 'b#reverse']);
    expect([q.learning, q.new, q.buried]).toEqual([3, 0, 1]);
  });

  test('a due review comes first and buries its new or due sibling; buried reviews come back the next day', () => {
    const dayEnd = nextStudyDayStart(NOW).getTime();
    const q = bury({
      itemIds: ['a', 'a#reverse', 'b#c1', 'b#c2'],
      progress: map(p('a#reverse', State.Review, -60), p('b#c1', State.Review, -30), p('b#c2', State.Review, -10))
    });
    expect(q.order).toEqual(['a#reverse', 'b#c1']);
    expect([q.review, q.new, q.buried]).toEqual([2, 0, 2]);
    expect(q.nextDueAt).toBe(dayEnd);
  });

  test('buried items do not use up the day’s limits: the next new card takes the place', () => {
    const q = bury({
      itemIds: ['a', 'a#reverse', 'b', 'c'],
      limits: { newPerDay: 2, reviewsPerDay: 200 },
      gradedToday: new Set(['a#reverse']),
      progress: map(p('a#reverse', State.Review, 3 * 24 * 60))
    });
    expect(q.order).toEqual(['b', 'c']);
  });

  test('with the setting off, siblings come one after another as before', () => {
    const q = buildQueue(input({ itemIds: ['a', 'a#reverse'], gradedToday: new Set(['x']), burySiblings: false }));
    expect(q.order).toEqual(['a', 'a#reverse']);
    expect(q.buried).toBe(0);
  });

  test('the counts are what a session shows: grading every card in order never shows a buried one', () => {
    const ids = ['a', 'a#reverse', 'b#c1', 'b#c2', 'c', 'd', 'd#reverse'];
    const first = bury({ itemIds: ids });
    let graded = new Set<string>();
    const progress = new Map<string, CardProgress>();
    const shown: string[] = [];
    for (;;) {
      const q = bury({ itemIds: ids, progress, gradedToday: graded });
      if (!q.order[0]) break;
      shown.push(q.order[0]);
      progress.set(q.order[0], p(q.order[0], State.Review, 3 * 24 * 60));
      graded = new Set([...graded, q.order[0]]);
    }
    expect(shown).toEqual(first.order);
    expect(first.new).toBe(shown.length);
  });
});
