/** The study day starts at 4 a.m. local time, as in Anki, so late-night study counts for the day before. */
export const ROLLOVER_HOUR = 4;

/** Start of the study day containing `now` (local time). */
export function studyDayStart(now: Date, rolloverHour = ROLLOVER_HOUR): Date {
  const start = new Date(now);
  start.setHours(rolloverHour, 0, 0, 0);
  if (start.getTime() > now.getTime()) start.setDate(start.getDate() - 1);
  return start;
}

/** Start of the next study day after `now`. */
export function nextStudyDayStart(now: Date, rolloverHour = ROLLOVER_HOUR): Date {
  const next = studyDayStart(now, rolloverHour);
  next.setDate(next.getDate() + 1);
  return next;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** Minutes to add to UTC to get local wall-clock time at instant `ms`: UTC-5 gives -300, UTC+9 gives 540. */
export type UtcOffset = (ms: number) => number;

/** This device's offset at `ms`, daylight saving included. `|| 0` turns UTC's -0 into 0. */
export const localUtcOffset: UtcOffset = (ms) => -new Date(ms).getTimezoneOffset() || 0;

/** How instants are bucketed into study days; defaults are 4 a.m. in this device's time zone. */
export interface StudyDayOptions {
  rolloverHour?: number;
  /** Pass a fixed or simulated offset to bucket as another time zone would (tests, or a chosen zone). */
  utcOffset?: UtcOffset;
}

/**
 * Number of the study day containing `ms`: study days since the one that began on 1970-01-01 at the
 * rollover hour, local time. Arithmetic on the offset instead of Date setters, so it is cheap enough
 * to run over every review log row.
 */
export function studyDayNumber(ms: number, options: StudyDayOptions = {}): number {
  const { rolloverHour = ROLLOVER_HOUR, utcOffset = localUtcOffset } = options;
  return Math.floor((ms + utcOffset(ms) * MINUTE_MS - rolloverHour * HOUR_MS) / DAY_MS);
}

/** 'YYYY-MM-DD' of the calendar date on which study day `n` begins. */
export function studyDayLabel(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' of the study day containing `ms`: a review at 02:00 on 3 March belongs to '…-03-02'. */
export function studyDayKey(ms: number, options: StudyDayOptions = {}): string {
  return studyDayLabel(studyDayNumber(ms, options));
}

/**
 * `studyDayNumber` for many instants, in any order. It remembers where each day it has found begins,
 * so it asks for the offset about three times per distinct day rather than once per instant. A day
 * is remembered only when the offset is the same at both ends, i.e. not on a daylight-saving change
 * day (no zone changes its offset twice within 24 hours); instants on those days are worked out each
 * time.
 */
export function studyDayCounter(options: StudyDayOptions = {}): (ms: number) => number {
  const { rolloverHour = ROLLOVER_HOUR, utcOffset = localUtcOffset } = options;
  const rollover = rolloverHour * HOUR_MS;
  /** Day number -> its start, for days with one offset throughout. */
  const starts = new Map<number, number>();
  // The last day found, checked first: logs read in time order mostly stay on it.
  let from = Infinity;
  let day = 0;
  // The last offset seen, to guess which remembered day an instant falls on.
  let guess = 0;
  return (ms) => {
    if (ms >= from && ms < from + DAY_MS) return day;
    const guessed = Math.floor((ms + guess - rollover) / DAY_MS);
    const start = starts.get(guessed);
    if (start !== undefined && ms >= start && ms < start + DAY_MS) {
      from = start;
      day = guessed;
      return guessed;
    }
    const offset = utcOffset(ms) * MINUTE_MS;
    guess = offset;
    const n = Math.floor((ms + offset - rollover) / DAY_MS);
    const nStart = n * DAY_MS + rollover - offset;
    if (utcOffset(nStart) * MINUTE_MS === offset && utcOffset(nStart + DAY_MS - 1) * MINUTE_MS === offset) {
      starts.set(n, nStart);
      from = nStart;
      day = n;
    }
    return n;
  };
}
