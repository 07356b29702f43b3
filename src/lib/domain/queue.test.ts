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
