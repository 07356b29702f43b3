/** Statistics over the review log: the heatmap, true retention, study streaks and time studied. */
import { State, type ReviewLogEntry } from './progress';
import { studyDayCounter, studyDayLabel, type StudyDayOptions } from './study-day';

/**
 * Longest answer time counted per review, as Anki's default "maximum answer seconds": a phone left
 * open on a card adds a minute, not an hour.
 */
export const MAX_ANSWER_MS = 60_000;

/** Anki's line between young and mature cards: an interval of 21 days or more. */
export const MATURE_INTERVAL_DAYS = 21;

function answerMs(elapsedMs: number): number {
  return elapsedMs > 0 ? Math.min(elapsedMs, MAX_ANSWER_MS) : 0;
}

/** One pass over the log: per-study-day tallies for the `span` days ending today, and all-time figures. */
interface ReviewTallies {
  /** Day number of cell 0; the last cell is today. */
  first: number;
  reviews: number[];
  ms: number[];
  matureTotal: number[];
  maturePassed: number[];
  /** Every study day up to today with a review. */
  studiedDays: Set<number>;
  totalMs: number;
}

function isMatureReview(log: ReviewLogEntry): boolean {
  return log.stateBefore === State.Review && log.before !== null && log.before.scheduledDays >= MATURE_INTERVAL_DAYS;
}

function tallyReviews(
  logs: readonly ReviewLogEntry[],
  now: Date,
  span: number,
  options: StudyDayOptions
): ReviewTallies {
  span = Math.max(0, Math.floor(span));
  const dayOf = studyDayCounter(options);
  const today = dayOf(now.getTime());
  const first = today - span + 1;
  const t: ReviewTallies = {
    first,
    reviews: new Array<number>(span).fill(0),
    ms: new Array<number>(span).fill(0),
    matureTotal: new Array<number>(span).fill(0),
    maturePassed: new Array<number>(span).fill(0),
    studiedDays: new Set(),
    totalMs: 0
  };
  let previousDay = NaN;
  for (const log of logs) {
    const day = dayOf(log.reviewedAt);
    const ms = answerMs(log.elapsedMs);
    t.totalMs += ms;
    // Reviews dated after today (a device clock ahead) count towards total time only.
    if (day > today) continue;
    if (day !== previousDay) t.studiedDays.add(day);
    previousDay = day;
    const i = day - first;
    if (i < 0) continue;
    t.reviews[i]++;
    t.ms[i] += ms;
    if (isMatureReview(log)) {
      t.matureTotal[i]++;
      if (log.rating >= 2) t.maturePassed[i]++;
    }
  }
  return t;
}

export interface HeatmapDay {
  /** Study day, 'YYYY-MM-DD' local. */
  day: string;
  reviews: number;
  /** Answer time, each review capped at `MAX_ANSWER_MS`. */
  ms: number;
}

function heatmapOf(t: ReviewTallies): HeatmapDay[] {
  return t.reviews.map((reviews, i) => ({ day: studyDayLabel(t.first + i), reviews, ms: t.ms[i] }));
}

/** Reviews and time per study day for the `days` study days ending today, oldest first, empty days included. */
export function reviewHeatmap(
  logs: readonly ReviewLogEntry[],
  now: Date,
  days = 365,
  options: StudyDayOptions = {}
): HeatmapDay[] {
  return heatmapOf(tallyReviews(logs, now, days, options));
}

export interface Retention {
  /** Mature reviews graded Hard, Good or Easy. */
  passed: number;
  total: number;
  /** passed / total; null when there were no mature reviews. */
  rate: number | null;
}

function retentionOf(t: ReviewTallies, windowDays: number): Retention {
  let passed = 0;
  let total = 0;
  for (let i = Math.max(0, t.reviews.length - windowDays); i < t.reviews.length; i++) {
    passed += t.maturePassed[i];
    total += t.matureTotal[i];
  }
  return { passed, total, rate: total > 0 ? passed / total : null };
}

/**
 * Anki's "true retention" over the `windowDays` study days ending today: of the reviews of mature
 * cards (in Review with an interval of at least `MATURE_INTERVAL_DAYS` when reviewed), the share not
 * graded Again. Learning, relearning and young reviews are left out.
 */
export function trueRetention(
  logs: readonly ReviewLogEntry[],
  now: Date,
  windowDays: number,
  options: StudyDayOptions = {}
): Retention {
  return retentionOf(tallyReviews(logs, now, windowDays, options), windowDays);
}

export interface Streak {
  /** Study days in a row with reviews up to today, or up to yesterday while today has none yet. */
  current: number;
  longest: number;
}

function streakOf(t: ReviewTallies): Streak {
  const studied = t.studiedDays;
  let longest = 0;
  for (const start of studied) {
    if (studied.has(start - 1)) continue;
    let run = 1;
    while (studied.has(start + run)) run++;
    longest = Math.max(longest, run);
  }
  const today = t.first + t.reviews.length - 1;
  let current = 0;
  for (let day = studied.has(today) ? today : today - 1; studied.has(day); day--) current++;
  return { current, longest };
}

/** Runs of study days with at least one review. Reviews dated after today (a clock ahead) are ignored. */
export function studyStreak(logs: readonly ReviewLogEntry[], now: Date, options: StudyDayOptions = {}): Streak {
  return streakOf(tallyReviews(logs, now, 1, options));
}

export interface TimeStudied {
  todayMs: number;
  totalMs: number;
}

function timeOf(t: ReviewTallies): TimeStudied {
  return { todayMs: t.ms[t.ms.length - 1], totalMs: t.totalMs };
}

/** Answer time today and in all, each review capped at `MAX_ANSWER_MS`. */
export function timeStudied(logs: readonly ReviewLogEntry[], now: Date, options: StudyDayOptions = {}): TimeStudied {
  return timeOf(tallyReviews(logs, now, 1, options));
}

export interface ReviewStats {
  heatmap: HeatmapDay[];
  retention7: Retention;
  retention30: Retention;
  streak: Streak;
  time: TimeStudied;
}

/** Everything above in one pass over the log, for the stats page: a year of heatmap, 7- and 30-day retention. */
export function reviewStats(logs: readonly ReviewLogEntry[], now: Date, options: StudyDayOptions = {}): ReviewStats {
  const t = tallyReviews(logs, now, 365, options);
  return {
    heatmap: heatmapOf(t),
    retention7: retentionOf(t, 7),
    retention30: retentionOf(t, 30),
    streak: streakOf(t),
    time: timeOf(t)
  };
}
