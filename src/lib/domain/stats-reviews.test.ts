import { describe, expect, test } from 'vitest';
import { State, type ReviewLogEntry, type SchedulingState } from './progress';
import { bucketsOf, reviewStats, type ReviewBucket } from './stats-reviews';
import type { StudyDayOptions } from './study-day';

// Each figure the stats page shows, read one at a time from the one pass that computes them all.
const reviewHeatmap = (buckets: ReviewBucket[], now: Date, days = 365, options: StudyDayOptions = {}) =>
  reviewStats(buckets, now, options).heatmap.slice(-days);
const timeStudied = (buckets: ReviewBucket[], now: Date, options: StudyDayOptions = {}) =>
  reviewStats(buckets, now, options).time;
const studyStreak = (buckets: ReviewBucket[], now: Date, options: StudyDayOptions = {}) =>
  reviewStats(buckets, now, options).streak;
const trueRetention = (buckets: ReviewBucket[], now: Date, windowDays: 7 | 30, options: StudyDayOptions = {}) =>
  reviewStats(buckets, now, options)[windowDays === 7 ? 'retention7' : 'retention30'];

const UTC_MINUS_5: StudyDayOptions = { utcOffset: () => -300 };
const UTC_PLUS_9: StudyDayOptions = { utcOffset: () => 540 };
// New York in 2026: EST (UTC-5) until 2 a.m. on 8 March, EDT (UTC-4) until 2 a.m. EDT on 1 November.
const EDT_FROM = Date.UTC(2026, 2, 8, 7);
const EDT_UNTIL = Date.UTC(2026, 10, 1, 6);
const NEW_YORK: StudyDayOptions = { utcOffset: (ms) => (ms >= EDT_FROM && ms < EDT_UNTIL ? -240 : -300) };

const utc = (iso: string) => Date.parse(`${iso}Z`);
/** The instant at which wall clocks `offsetMinutes` from UTC read `local`. */
const wall = (local: string, offsetMinutes: number) => utc(local) - offsetMinutes * 60_000;

function scheduling(state: State, scheduledDays: number): SchedulingState {
  return {
    due: 0,
    stability: scheduledDays,
    difficulty: 5,
    elapsedDays: scheduledDays,
    scheduledDays,
    learningSteps: 0,
    reps: 5,
    lapses: 0,
    state,
    lastReview: 0
  };
}

let nextId = 0;
function log(
  reviewedAt: number,
  { elapsedMs = 5_000, rating = 3, before = State.Review, interval = 30 } = {}
): ReviewLogEntry {
  return {
    id: String(nextId++),
    deckId: 'd',
    cardId: 'c',
    rating: rating as ReviewLogEntry['rating'],
    reviewedAt,
    elapsedMs,
    before: before === State.New ? null : scheduling(before, interval),
    stateBefore: before,
    after: scheduling(State.Review, interval * 2)
  };
}

// Now: 17:00Z on 10 March 2026 (12:00 on 10 March in UTC-5, 02:00 on 11 March in UTC+9).
const NOW = new Date(utc('2026-03-10T17:00'));

describe('reviewHeatmap and timeStudied', () => {
  const logs = [
    log(utc('2026-03-10T14:00'), { elapsedMs: 5_000 }),
    log(utc('2026-03-10T07:00'), { elapsedMs: 8_000 }),
    log(utc('2026-03-09T15:00'), { elapsedMs: 3_600_000 }), // a phone left open for an hour
    log(utc('2026-03-07T12:00'), { elapsedMs: 2_000 }),
    log(utc('2026-03-05T12:00'), { elapsedMs: 1_000 }),
    log(utc('2026-03-11T10:00'), { elapsedMs: 4_000 }), // a clock ahead: a day after today
    log(utc('2026-03-08T12:00'), { elapsedMs: -50 }) // a clock set back mid-answer
  ];

  test('in UTC-5, reviews before 4 a.m. count for the day before; answer times are capped at a minute', () => {
    // Local: 09:00 10 Mar -> 10th; 02:00 10 Mar -> 9th; 10:00 9 Mar -> 9th (60 s of the hour);
    // 07:00 7 Mar -> 7th; 5 Mar is before the five days; 05:00 11 Mar is after today; 07:00 8 Mar -> 8th, 0 ms.
    expect(reviewHeatmap(bucketsOf(logs), NOW, 5, UTC_MINUS_5)).toEqual([
      { day: '2026-03-06', reviews: 0, ms: 0 },
      { day: '2026-03-07', reviews: 1, ms: 2_000 },
      { day: '2026-03-08', reviews: 1, ms: 0 },
      { day: '2026-03-09', reviews: 2, ms: 68_000 },
      { day: '2026-03-10', reviews: 1, ms: 5_000 }
    ]);
    // Today (10th) is the 09:00 review only. Total: 5 + 8 + 60 + 2 + 1 + 4 + 0 seconds = 80 s.
    expect(timeStudied(bucketsOf(logs), NOW, UTC_MINUS_5)).toEqual({ todayMs: 5_000, totalMs: 80_000 });
  });

  test('in UTC+9 the same instants fall on other study days', () => {
    // Local now is 02:00 on 11 March, still study day 10 March. Local: 23:00 10 Mar -> 10th;
    // 16:00 10 Mar -> 10th; 00:00 10 Mar -> 9th; 21:00 7 Mar -> 7th; 5 Mar out; 19:00 11 Mar after today;
    // 21:00 8 Mar -> 8th.
    expect(reviewHeatmap(bucketsOf(logs), NOW, 5, UTC_PLUS_9)).toEqual([
      { day: '2026-03-06', reviews: 0, ms: 0 },
      { day: '2026-03-07', reviews: 1, ms: 2_000 },
      { day: '2026-03-08', reviews: 1, ms: 0 },
      { day: '2026-03-09', reviews: 1, ms: 60_000 },
      { day: '2026-03-10', reviews: 2, ms: 13_000 }
    ]);
    expect(timeStudied(bucketsOf(logs), NOW, UTC_PLUS_9)).toEqual({ todayMs: 13_000, totalMs: 80_000 });
  });

  test('a year of cells by default, oldest first, ending today', () => {
    const year = reviewHeatmap(bucketsOf(logs), NOW, undefined, UTC_MINUS_5);
    // 2025 is not a leap year: 364 days before 10 March 2026 is 11 March 2025.
    expect(year).toHaveLength(365);
    expect(year[0].day).toBe('2025-03-11');
    expect(year[364]).toEqual({ day: '2026-03-10', reviews: 1, ms: 5_000 });
    expect(year.reduce((sum, d) => sum + d.reviews, 0)).toBe(6);
  });

  test('the 25-hour study day when clocks fall back ends at 4 a.m. standard time', () => {
    // New York, 1 November 2026: 14:00Z 31 Oct is 10:00 EDT; 08:30Z 1 Nov is 03:30 EST (31 Oct's study
    // day); 09:30Z is 04:30 EST (1 Nov). A fixed UTC-4 would put 08:30Z at 04:30, on 1 November.
    const dst = [log(utc('2026-10-31T14:00')), log(utc('2026-11-01T08:30')), log(utc('2026-11-01T09:30'))];
    const now = new Date(utc('2026-11-02T17:00'));
    expect(reviewHeatmap(bucketsOf(dst), now, 3, NEW_YORK).map((d) => [d.day, d.reviews])).toEqual([
      ['2026-10-31', 2],
      ['2026-11-01', 1],
      ['2026-11-02', 0]
    ]);
  });

  test('uses this device’s zone by default', () => {
    const now = new Date(2026, 2, 10, 12);
    const local = [log(new Date(2026, 2, 10, 3).getTime()), log(new Date(2026, 2, 10, 5).getTime())];
    // 03:00 belongs to 9 March; only the 05:00 review is today's.
    expect(timeStudied(bucketsOf(local), now)).toEqual({ todayMs: 5_000, totalMs: 10_000 });
    expect(reviewHeatmap(bucketsOf(local), now, 2).map((d) => [d.day, d.reviews])).toEqual([
      ['2026-03-09', 1],
      ['2026-03-10', 1]
    ]);
  });
});

describe('trueRetention', () => {
  // UTC-5, today 10 March. 7 days: 4..10 March. 30 days: 9 February..10 March.
  const logs = [
    log(utc('2026-03-10T14:00'), { interval: 30, rating: 3 }), // a: 10 Mar, pass
    log(utc('2026-03-09T15:00'), { interval: 21, rating: 1 }), // b: 9 Mar, 21 days is mature, fail
    log(utc('2026-03-08T15:00'), { interval: 20, rating: 1 }), // young: left out
    log(utc('2026-03-08T15:00'), { interval: 40, rating: 3, before: State.Relearning }), // left out
    log(utc('2026-03-05T04:30'), { interval: 50, rating: 2 }), // e: 23:30 on 4 Mar, Hard is a pass
    log(utc('2026-03-04T08:00'), { interval: 25, rating: 4 }), // f: 03:00 on 4 Mar = 3 Mar, pass
    log(utc('2026-02-09T12:00'), { interval: 100, rating: 1 }), // g: 9 Feb, fail
    log(utc('2026-02-09T08:00'), { interval: 100, rating: 3 }), // 03:00 on 9 Feb = 8 Feb: outside 30 days
    log(utc('2026-03-10T15:00'), { before: State.New }), // a new card: left out
    log(utc('2026-03-10T16:00'), { interval: 30, rating: 1, before: State.Learning }) // left out
  ];

  test('7 days: a, b, e -> 2 of 3; 30 days: a, b, e, f, g -> 3 of 5; the 7 days from today on: a -> 1 of 1', () => {
    expect(trueRetention(bucketsOf(logs), NOW, 7, UTC_MINUS_5)).toEqual({ passed: 2, total: 3, rate: 2 / 3 });
    expect(trueRetention(bucketsOf(logs), NOW, 30, UTC_MINUS_5)).toEqual({ passed: 3, total: 5, rate: 0.6 });
    const sixDaysOn = new Date(NOW.getTime() + 6 * 86_400_000);
    expect(trueRetention(bucketsOf(logs), sixDaysOn, 7, UTC_MINUS_5)).toEqual({ passed: 1, total: 1, rate: 1 });
  });

  test('reviewStats gives the same figures in one pass', () => {
    // Study days (UTC-5): 10 Mar (a, the new card, the learning card), 9 (b), 8 (two left out of
    // retention), 4 (e), 3 (f), 9 Feb (g), 8 Feb. Streak: 8-10 March. Every review took 5 s; 3 today.
    const stats = reviewStats(bucketsOf(logs), NOW, UTC_MINUS_5);
    expect(stats.retention7).toEqual({ passed: 2, total: 3, rate: 2 / 3 });
    expect(stats.retention30).toEqual({ passed: 3, total: 5, rate: 0.6 });
    expect(stats.streak).toEqual({ current: 3, longest: 3 });
    expect(stats.time).toEqual({ todayMs: 15_000, totalMs: 50_000 });
    expect(stats.heatmap).toHaveLength(365);
    expect(stats.heatmap.reduce((sum, d) => sum + d.reviews, 0)).toBe(10);
    expect(stats.heatmap.slice(-3).map((d) => d.reviews)).toEqual([2, 1, 3]);
  });

  test('no mature reviews gives no rate', () => {
    expect(trueRetention(bucketsOf([]), NOW, 30, UTC_MINUS_5)).toEqual({ passed: 0, total: 0, rate: null });
    expect(trueRetention(bucketsOf(logs.slice(2, 4)), NOW, 30, UTC_MINUS_5).rate).toBeNull();
  });
});

describe('studyStreak', () => {
  const at = (local: string) => wall(local, -300); // UTC-5 wall-clock time
  const noon10 = new Date(at('2026-03-10T12:00'));

  test('a review at 02:00 counts for the day before', () => {
    const days = [at('2026-03-07T10:00'), at('2026-03-08T10:00'), at('2026-03-10T09:00')];
    // Study days 7, 8, 10: the run ending today is 1 day; the longest is 2.
    expect(studyStreak(bucketsOf(days.map((t) => log(t))), noon10, UTC_MINUS_5)).toEqual({ current: 1, longest: 2 });
    // 02:00 on 10 March fills study day 9: 7, 8, 9, 10.
    const filled = [...days, at('2026-03-10T02:00')].map((t) => log(t));
    expect(studyStreak(bucketsOf(filled), noon10, UTC_MINUS_5)).toEqual({ current: 4, longest: 4 });
  });

  test('today without reviews yet keeps yesterday’s streak; a whole missed day ends it', () => {
    const logs = [log(at('2026-03-08T20:00')), log(at('2026-03-09T20:00'))];
    expect(studyStreak(bucketsOf(logs), noon10, UTC_MINUS_5)).toEqual({ current: 2, longest: 2 });
    // 03:00 on 10 March is still study day 9: today has reviews.
    expect(studyStreak(bucketsOf(logs), new Date(at('2026-03-10T03:00')), UTC_MINUS_5).current).toBe(2);
    // 11 March: 10 March had none.
    expect(studyStreak(bucketsOf(logs), new Date(at('2026-03-11T12:00')), UTC_MINUS_5)).toEqual({
      current: 0,
      longest: 2
    });
  });

  test('longest run in the past, input out of order, several reviews a day', () => {
    // Days 1-5 and 7-8 March; now 10 March, and 9 March had none.
    const days = [5, 1, 8, 3, 2, 4, 7, 3, 3, 1].map((d) => log(at(`2026-03-0${d}T12:00`)));
    expect(studyStreak(bucketsOf(days), noon10, UTC_MINUS_5)).toEqual({ current: 0, longest: 5 });
    expect(studyStreak(bucketsOf([]), noon10, UTC_MINUS_5)).toEqual({ current: 0, longest: 0 });
  });

  test('the same instants make different streaks in UTC-5 and UTC+9', () => {
    const logs = ['2026-03-07T07:00', '2026-03-08T15:00', '2026-03-09T15:00', '2026-03-10T08:00'].map((t) =>
      log(utc(t))
    );
    const now = new Date(utc('2026-03-10T12:00'));
    // UTC-5: 02:00 7 Mar -> 6; 10:00 8 Mar -> 8; 10:00 9 Mar -> 9; 03:00 10 Mar -> 9; now 07:00 10 Mar.
    // Days 6, 8, 9; today (10) has none yet, so the current streak is 8-9.
    expect(studyStreak(bucketsOf(logs), now, UTC_MINUS_5)).toEqual({ current: 2, longest: 2 });
    // UTC+9: 16:00 7 Mar -> 7; 00:00 9 Mar -> 8; 00:00 10 Mar -> 9; 17:00 10 Mar -> 10; now 21:00 10 Mar.
    expect(studyStreak(bucketsOf(logs), now, UTC_PLUS_9)).toEqual({ current: 4, longest: 4 });
  });

  test('the 23-hour study day when clocks spring forward', () => {
    // New York, 8 March 2026. 15:00Z 7 Mar is 10:00 EST -> 7; 07:30Z 8 Mar is 03:30 EDT -> 7;
    // 08:30Z 8 Mar is 04:30 EDT -> 8; 14:00Z 9 Mar is 10:00 EDT -> 9; now 16:00Z 9 Mar (12:00 EDT).
    // A fixed UTC-5 would read 08:30Z as 03:30 and leave 8 March empty: { current: 1, longest: 1 }.
    const logs = ['2026-03-07T15:00', '2026-03-08T07:30', '2026-03-08T08:30', '2026-03-09T14:00'].map((t) =>
      log(utc(t))
    );
    const now = new Date(utc('2026-03-09T16:00'));
    expect(studyStreak(bucketsOf(logs), now, NEW_YORK)).toEqual({ current: 3, longest: 3 });
    expect(studyStreak(bucketsOf(logs), now, UTC_MINUS_5)).toEqual({ current: 1, longest: 1 });
  });

  test('reviews dated after today are ignored', () => {
    const logs = [log(at('2026-03-10T09:00')), log(at('2026-03-11T09:00')), log(at('2026-03-12T09:00'))];
    expect(studyStreak(bucketsOf(logs), noon10, UTC_MINUS_5)).toEqual({ current: 1, longest: 1 });
  });
});
