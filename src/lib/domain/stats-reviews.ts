/**
 * Statistics over the review log: the heatmap, true retention, study streaks and time studied, all in
 * one pass (`reviewStats`). They are computed from review buckets, the log summed per deck and quarter
 * hour, which the database keeps up to date beside the log (a year of 200,000 reviews is a few
 * thousand buckets).
 */
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

/**
 * Length of a review bucket. Every time zone's offset and every daylight-saving change is a whole
 * number of quarter hours, and the study day turns at a whole hour, so all reviews of one bucket fall
 * on the same study day wherever and however the buckets are read.
 */
export const BUCKET_MS = 15 * 60_000;

/** The reviews of one deck given in one quarter hour (UTC), summed. */
export interface ReviewBucket {
  deckId: string;
  /** Start of the quarter hour, epoch ms. */
  start: number;
  reviews: number;
  /** Answer time, each review capped at `MAX_ANSWER_MS`. */
  ms: number;
  /** Reviews of mature cards (see `Retention`)... */
  matureReviews: number;
  /** ...and how many of them were not graded Again. */
  maturePassed: number;
}

/** A bucket's key in the database and in maps: deck id, then start. */
export type BucketKey = [deckId: string, start: number];

export function bucketKeyOf(log: Pick<ReviewLogEntry, 'deckId' | 'reviewedAt'>): BucketKey {
  return [log.deckId, Math.floor(log.reviewedAt / BUCKET_MS) * BUCKET_MS];
}

const mapKey = ([deckId, start]: BucketKey) => `${start} ${deckId}`;

/**
 * Adds `logs` to the buckets in `into` (or takes them away, with `sign` -1), creating buckets as
 * needed; `into` is keyed by `bucketMapKey`. Buckets left with no reviews stay in the map with zeros.
 */
export function addToBuckets(into: Map<string, ReviewBucket>, logs: Iterable<ReviewLogEntry>, sign: 1 | -1 = 1): void {
  for (const log of logs) {
    const key = bucketKeyOf(log);
    const k = mapKey(key);
    let bucket = into.get(k);
    if (!bucket) {
      bucket = { deckId: key[0], start: key[1], reviews: 0, ms: 0, matureReviews: 0, maturePassed: 0 };
      into.set(k, bucket);
    }
    bucket.reviews += sign;
    bucket.ms += sign * answerMs(log.elapsedMs);
    if (isMatureReview(log)) {
      bucket.matureReviews += sign;
      if (log.rating >= 2) bucket.maturePassed += sign;
    }
  }
}

export const bucketMapKey = (bucket: Pick<ReviewBucket, 'deckId' | 'start'>) => mapKey([bucket.deckId, bucket.start]);

/** The buckets `logs` sum to, in key order (deck, then start) as the database holds them. */
export function bucketsOf(logs: Iterable<ReviewLogEntry>): ReviewBucket[] {
  const buckets = new Map<string, ReviewBucket>();
  addToBuckets(buckets, logs);
  return [...buckets.values()].sort((a, b) => (a.deckId < b.deckId ? -1 : a.deckId > b.deckId ? 1 : a.start - b.start));
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
  buckets: readonly ReviewBucket[],
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
  for (const bucket of buckets) {
    if (bucket.reviews <= 0) continue;
    const day = dayOf(bucket.start);
    t.totalMs += bucket.ms;
    // Reviews dated after today (a device clock ahead) count towards total time only.
    if (day > today) continue;
    if (day !== previousDay) t.studiedDays.add(day);
    previousDay = day;
    const i = day - first;
    if (i < 0) continue;
    t.reviews[i] += bucket.reviews;
    t.ms[i] += bucket.ms;
    t.matureTotal[i] += bucket.matureReviews;
    t.maturePassed[i] += bucket.maturePassed;
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

/**
 * Anki's "true retention": of the reviews of mature cards (in Review with an interval of at least
 * `MATURE_INTERVAL_DAYS` when reviewed), the share not graded Again. Learning, relearning and young
 * reviews are left out.
 */
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

export interface TimeStudied {
  todayMs: number;
  totalMs: number;
}

function timeOf(t: ReviewTallies): TimeStudied {
  return { todayMs: t.ms[t.ms.length - 1], totalMs: t.totalMs };
}

export interface ReviewStats {
  /** Reviews and time per study day for the 365 study days ending today, oldest first, empty days included. */
  heatmap: HeatmapDay[];
  /** True retention over the 7 and the 30 study days ending today. */
  retention7: Retention;
  retention30: Retention;
  /** Runs of study days with at least one review; reviews dated after today (a clock ahead) are ignored. */
  streak: Streak;
  /** Answer time today and in all, each review capped at `MAX_ANSWER_MS`. */
  time: TimeStudied;
}

/** Everything above in one pass over the log, for the stats page. */
export function reviewStats(buckets: readonly ReviewBucket[], now: Date, options: StudyDayOptions = {}): ReviewStats {
  const t = tallyReviews(buckets, now, 365, options);
  return {
    heatmap: heatmapOf(t),
    retention7: retentionOf(t, 7),
    retention30: retentionOf(t, 30),
    streak: streakOf(t),
    time: timeOf(t)
  };
}
