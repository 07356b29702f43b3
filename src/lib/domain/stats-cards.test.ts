import { describe, expect, test } from 'vitest';
import { State, type CardProgress } from './progress';
import { cardsByState, dueForecast, dueNext7Days, dueToday, dueTomorrow, leeches, studyItemKey } from './stats-cards';

const utc = (iso: string) => Date.parse(`${iso}Z`);
const UTC_MINUS_5 = { utcOffset: () => -300 };
const UTC_PLUS_9 = { utcOffset: () => 540 };

function p(cardId: string, state: State, due = 0, lapses = 0, deckId = 'd1'): CardProgress {
  return {
    deckId,
    cardId,
    due,
    stability: 10,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 3,
    lapses,
    state,
    lastReview: null
  };
}

describe('cardsByState', () => {
  // Ten items a..j. Stored: a, b, f Review; c Learning; d Relearning; e stored but still New.
  // Suspended: f (studied) and g (never studied). Not stored: g..j.
  const progress = [
    p('a', State.Review),
    p('b', State.Review),
    p('c', State.Learning),
    p('d', State.Relearning),
    p('e', State.New),
    p('f', State.Review)
  ];

  test('counts each state; new is what is not studied, less suspended items', () => {
    const suspended = new Set([studyItemKey('d1', 'f'), studyItemKey('d1', 'g')]);
    // Studied (not New): a, b, c, d, f = 5. Unstudied suspended: g = 1. New = 10 - 5 - 1 = 4 (e, h, i, j).
    expect(cardsByState(progress, 10, suspended)).toEqual({
      new: 4,
      learning: 1,
      review: 2,
      relearning: 1,
      suspended: 2
    });
  });

  test('without suspended items every studied card counts by its state', () => {
    // Studied 5 of 10 -> new 5; review a, b, f.
    expect(cardsByState(progress, 10)).toEqual({ new: 5, learning: 1, review: 3, relearning: 1, suspended: 0 });
  });

  test('keys name the deck: the same card id in another deck is not suspended', () => {
    const suspended = new Set([studyItemKey('d2', 'a')]);
    expect(cardsByState([p('a', State.Review, 0, 0, 'd1')], 1, suspended).review).toBe(1);
    // The separator cannot occur in ids, so deck and card cannot run into each other.
    expect(studyItemKey('d1', 'a#c2')).not.toBe(studyItemKey('d1a', '#c2'));
  });
});

describe('dueForecast', () => {
  // Now: 20:00Z on 2 March 2026.
  const now = new Date(utc('2026-03-02T20:00'));
  const progress = [
    p('overdue', State.Review, utc('2026-02-20T12:00')),
    p('tonight', State.Learning, utc('2026-03-03T08:59')),
    p('at-rollover', State.Review, utc('2026-03-03T09:00')),
    p('next-evening', State.Relearning, utc('2026-03-04T03:00')),
    p('sunday', State.Review, utc('2026-03-08T12:00')),
    p('monday', State.Review, utc('2026-03-09T12:00')),
    p('month-end', State.Review, utc('2026-03-31T12:00')),
    p('april', State.Review, utc('2026-04-01T12:00')),
    p('never-studied', State.New, utc('2026-03-01T00:00'))
  ];

  test('in UTC-5: overdue and before-4-a.m. count today; the never-studied card is left out', () => {
    // Local now is 15:00 on 2 March, so today is study day 2 March (09:00Z 2 Mar .. 09:00Z 3 Mar).
    // overdue -> 0; tonight 03:59 local 3 Mar -> 0; at-rollover 04:00 local 3 Mar -> 1;
    // next-evening 22:00 local 3 Mar -> 1; sunday 07:00 local 8 Mar -> 6; monday -> 7;
    // month-end 07:00 local 31 Mar -> 29 (last cell); april -> 30, beyond the 30 days.
    const f = dueForecast(progress, now, 30, UTC_MINUS_5);
    expect(f).toHaveLength(30);
    expect(f[0]).toEqual({ day: '2026-03-02', count: 2 });
    expect(f[29]).toEqual({ day: '2026-03-31', count: 1 });
    const expected = new Array(30).fill(0);
    expected[0] = 2;
    expected[1] = 2;
    expected[6] = 1;
    expected[7] = 1;
    expected[29] = 1;
    expect(f.map((d) => d.count)).toEqual(expected);
    expect([dueToday(f), dueTomorrow(f), dueNext7Days(f)]).toEqual([2, 2, 5]);
  });

  test('in UTC+9 the same instants fall on other study days', () => {
    // Local now is 05:00 on 3 March: today is study day 3 March (19:00Z 2 Mar .. 19:00Z 3 Mar).
    // overdue, tonight (17:59 local 3 Mar), at-rollover (18:00 local 3 Mar) -> 0; next-evening 12:00 4 Mar -> 1;
    // sunday 21:00 8 Mar -> 5; monday -> 6; month-end 21:00 31 Mar -> 28; april 21:00 1 Apr -> 29.
    const f = dueForecast(progress, now, 30, UTC_PLUS_9);
    expect(f[0].day).toBe('2026-03-03');
    expect(f[29].day).toBe('2026-04-01');
    const expected = new Array(30).fill(0);
    expected[0] = 3;
    expected[1] = 1;
    expected[5] = 1;
    expected[6] = 1;
    expected[28] = 1;
    expected[29] = 1;
    expect(f.map((d) => d.count)).toEqual(expected);
    expect([dueToday(f), dueTomorrow(f), dueNext7Days(f)]).toEqual([3, 1, 6]);
  });

  test('a shorter horizon, and nothing to forecast', () => {
    // UTC-5: cells 2, 3, 4 March hold 2, 2, 0.
    expect(dueForecast(progress, now, 3, UTC_MINUS_5)).toEqual([
      { day: '2026-03-02', count: 2 },
      { day: '2026-03-03', count: 2 },
      { day: '2026-03-04', count: 0 }
    ]);
    const empty = dueForecast([], now, 30, UTC_MINUS_5);
    expect([dueToday(empty), dueTomorrow(empty), dueNext7Days(empty)]).toEqual([0, 0, 0]);
    expect([dueToday([]), dueTomorrow([]), dueNext7Days([])]).toEqual([0, 0, 0]);
  });
});

describe('leeches', () => {
  const progress = [
    p('a', State.Review, 0, 8),
    p('b', State.Review, 0, 3),
    p('c', State.Relearning, 0, 12),
    p('d', State.Review, 0, 8),
    p('e', State.Review, 0, 7)
  ];

  test('cards forgotten at least 8 times by default, most lapses first', () => {
    // 8, 3, 12, 8, 7 lapses: c (12), then a and d (8) in their stored order; e (7) is one short.
    expect(leeches(progress).map((x) => x.cardId)).toEqual(['c', 'a', 'd']);
    expect(leeches(progress, 4).map((x) => x.cardId)).toEqual(['c', 'a', 'd', 'e']);
    expect(leeches(progress, 13)).toEqual([]);
  });
});
