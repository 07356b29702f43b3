/**
 * Rebuilding a study item's state from its review log: used when merging backups and when checking
 * the data on a device. Pure: the scheduler comes in from the caller.
 */
import { isDateTime, LEECH_LAPSES, State, type ReviewLogEntry, type SchedulingState } from './progress';
import type { Scheduler } from './scheduler';

export const SCHEDULING_FIELDS = [
  'due',
  'stability',
  'difficulty',
  'elapsedDays',
  'scheduledDays',
  'learningSteps',
  'reps',
  'lapses',
  'state',
  'lastReview'
] as const satisfies readonly (keyof SchedulingState)[];

/** Whether two states schedule alike (every FSRS field equal). */
export function sameScheduling(a: SchedulingState, b: SchedulingState): boolean {
  return SCHEDULING_FIELDS.every((f) => a[f] === b[f]);
}

const isCount = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * Whether a stored state could have come from ts-fsrs: finite numbers, times a Date can hold,
 * stability and difficulty in range, a known FSRS state, whole counts, and no more lapses than reviews.
 */
export function isPossibleState(s: unknown): s is SchedulingState {
  if (!s || typeof s !== 'object') return false;
  const v = s as Record<keyof SchedulingState, unknown>;
  return (
    isDateTime(v.due) &&
    finite(v.stability) &&
    v.stability >= 0 &&
    finite(v.difficulty) &&
    v.difficulty >= 0 &&
    v.difficulty <= 10 &&
    finite(v.elapsedDays) &&
    finite(v.scheduledDays) &&
    isCount(v.learningSteps) &&
    isCount(v.reps) &&
    isCount(v.lapses) &&
    (v.lapses as number) <= (v.reps as number) &&
    [State.New, State.Learning, State.Review, State.Relearning].includes(v.state as State) &&
    (v.lastReview === null || isDateTime(v.lastReview))
  );
}

/** Oldest first; UUID v7 ids break ties in the order they were made. */
export function byReviewTime(a: ReviewLogEntry, b: ReviewLogEntry): number {
  return a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Whether a log row was graded from `state` and recorded a possible result: then its `after` is what
 * ts-fsrs gave and is kept.
 */
function gradedFrom(log: ReviewLogEntry, state: SchedulingState | null): boolean {
  const { before, after } = log;
  if (!isPossibleState(after) || after.reps !== (state?.reps ?? 0) + 1) return false;
  // A card suspended before its first review has a stored new state where the log says null.
  if (!state) return !before || (before.reps === 0 && before.state === State.New);
  return !!before && sameScheduling(before, state);
}

/** A study item's rebuilt state and log. */
export interface Replayed {
  /** The rows in time order: the same objects where kept, copies where graded again. */
  rows: ReviewLogEntry[];
  state: SchedulingState;
  /** A row graded again made the card a leech (rows kept carry their marks on the stored state). */
  leech: boolean;
}

/**
 * Replays one study item's log, oldest first (sort with `byReviewTime`; at least one row). A row
 * graded from the state the replay has reached keeps what it recorded (the desired retention may
 * have differed then); any other row is graded again with `scheduler` and its `before`/`after`
 * rewritten, so the log still explains the state.
 */
export function replayLog(logs: readonly ReviewLogEntry[], scheduler: Scheduler): Replayed {
  let state: SchedulingState | null = null;
  let leech = false;
  const rows: ReviewLogEntry[] = [];
  for (const log of logs) {
    if (gradedFrom(log, state)) {
      rows.push(log);
      state = log.after;
      continue;
    }
    const after = scheduler.next(state, new Date(log.reviewedAt), log.rating);
    // The same leech rule as gradeCard.
    if (state?.state === State.Review && log.rating === 1 && after.lapses >= LEECH_LAPSES) leech = true;
    rows.push({ ...log, before: state, stateBefore: state ? state.state : State.New, after });
    state = after;
  }
  return { rows, state: state!, leech };
}
