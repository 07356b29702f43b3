import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { formatInterval, newSchedulingState, Scheduler } from './scheduler';
import { State, type SchedulingState } from './progress';

const NOW = new Date('2026-03-02T09:00:00Z');
const MIN = 60_000;
const DAY = 86_400_000;

describe('Scheduler (ts-fsrs, FSRS-6 defaults, retention 0.9)', () => {
  const exact = new Scheduler({ desiredRetention: 0.9, fuzz: false });

  test('a new card: Again 1m, Hard 6m, Good 10m, Easy days away', () => {
    const iv = exact.previewIntervals(null, NOW);
    expect(iv[1]).toBe(1 * MIN);
    expect(iv[2]).toBe(6 * MIN);
    expect(iv[3]).toBe(10 * MIN);
    expect(iv[4]).toBeGreaterThanOrEqual(1 * DAY);
    expect(['1m', '6m', '10m'].map((s, i) => formatInterval(iv[(i + 1) as 1 | 2 | 3]) === s)).toEqual([
      true,
      true,
      true
    ]);
  });

  test('grading a new card Good puts it in learning, due in 10 minutes, with one rep', () => {
    const after = exact.next(null, NOW, 3);
    expect(after.state).toBe(State.Learning);
    expect(after.reps).toBe(1);
    expect(after.due).toBe(NOW.getTime() + 10 * MIN);
    expect(after.lastReview).toBe(NOW.getTime());
  });

  test('a card that graduates gets a review interval in days; Again from review is a lapse', () => {
    const learning = exact.next(null, NOW, 3);
    const t2 = new Date(learning.due);
    const review = exact.next(learning, t2, 3);
    expect(review.state).toBe(State.Review);
    expect(review.scheduledDays).toBeGreaterThanOrEqual(1);
    const t3 = new Date(review.due);
    const iv = exact.previewIntervals(review, t3);
    expect(iv[1]).toBeLessThan(iv[2]);
    expect(iv[2]).toBeLessThan(iv[3]);
    expect(iv[3]).toBeLessThan(iv[4]);
    const lapsed = exact.next(review, t3, 1);
    expect(lapsed.state).toBe(State.Relearning);
    expect(lapsed.lapses).toBe(1);
    expect(lapsed.reps).toBe(3);
  });

  test('higher desired retention gives shorter review intervals', () => {
    const strict = new Scheduler({ desiredRetention: 0.97, fuzz: false });
    const l = exact.next(null, NOW, 3);
    const r = exact.next(l, new Date(l.due), 3);
    const at = new Date(r.due);
    expect(strict.previewIntervals(r, at)[3]).toBeLessThan(exact.previewIntervals(r, at)[3]);
  });

  test('fuzz is deterministic for the same card and time', () => {
    const fuzzy = new Scheduler({ desiredRetention: 0.9 });
    const l = fuzzy.next(null, NOW, 3);
    const r = fuzzy.next(l, new Date(l.due), 4);
    expect(fuzzy.next(r, new Date(r.due), 3).due).toBe(fuzzy.next(r, new Date(r.due), 3).due);
  });

  test('an empty state is new with no reps', () => {
    const s = newSchedulingState(NOW);
    expect(s.state).toBe(State.New);
    expect(s.reps).toBe(0);
    expect(s.lastReview).toBeNull();
  });
});

describe('the interval on a grade button is the one the grade gives', () => {
  const fuzzy = new Scheduler({ desiredRetention: 0.9 });
  /** A card's state after grading `ratings`, each `gaps[i]` minutes after the card was due. */
  function history(ratings: (1 | 2 | 3 | 4)[], gaps: number[]): { state: SchedulingState | null; at: Date } {
    let state: SchedulingState | null = null;
    let at = NOW;
    ratings.forEach((r, i) => {
      state = fuzzy.next(state, at, r);
      at = new Date(state.due + gaps[i] * MIN);
    });
    return { state, at };
  }
  const grade = fc.constantFrom<1 | 2 | 3 | 4>(1, 2, 3, 4);

  test('for any card, state and moment, preview and grade made at the same moment agree, fuzz included', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(grade, fc.integer({ min: 0, max: 20 * 24 * 60 })), { maxLength: 12 }),
        grade,
        (steps, rating) => {
          const { state, at } = history(
            steps.map(([r]) => r),
            steps.map(([, g]) => g)
          );
          const shown = fuzzy.previewIntervals(state, at)[rating];
          const given = fuzzy.next(state, at, rating).due - at.getTime();
          expect(formatInterval(given)).toBe(formatInterval(shown));
          expect(given).toBe(shown);
        }
      ),
      { numRuns: 300 }
    );
  });

  test('why they differed: the fuzz is seeded with the moment, so a grade seconds after the preview can move', () => {
    // A review card, previewed when the answer is shown and graded a few seconds later.
    const { state, at } = history([3, 3, 3, 3], [0, 0, 0, 0]);
    const moved = Array.from({ length: 20 }, (_, s) => {
      const later = new Date(at.getTime() + (s + 1) * 1000);
      return fuzzy.previewIntervals(state, at)[4] !== fuzzy.next(state, later, 4).due - later.getTime();
    });
    expect(moved.filter(Boolean).length).toBeGreaterThan(10);
  });
});

describe('formatInterval', () => {
  test.each([
    [30_000, '1m'],
    [10 * MIN, '10m'],
    [3 * 60 * MIN, '3h'],
    [3 * DAY, '3d'],
    [65 * DAY, '2mo'],
    [548 * DAY, '1.5y']
  ])('%i ms is %s', (ms, label) => expect(formatInterval(ms)).toBe(label));
});
