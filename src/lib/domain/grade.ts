/**
 * One grade as a device records it: the log row and the card's next state, from its stored state.
 * Pure: the time, the row's id and the scheduler come in from the caller.
 */
import { LEECH_LAPSES, schedulingOf, State, type CardProgress, type ReviewLogEntry } from './progress';
import type { RatingValue, Scheduler } from './scheduler';

export interface GradeFrom {
  deckId: string;
  cardId: string;
  rating: RatingValue;
  now: Date;
  /** Time the learner spent on the card before grading. */
  elapsedMs: number;
  scheduler: Scheduler;
  /** The new log row's id (UUID v7 of `now`). */
  id: string;
}

export interface Graded {
  log: ReviewLogEntry;
  progress: CardProgress;
}

/** The log row a grade appends and the state it writes, given the card's stored state (undefined: none). */
export function gradeFrom(input: GradeFrom, current: CardProgress | undefined): Graded {
  const { deckId, cardId, rating, now, scheduler } = input;
  const before = current ? schedulingOf(current) : null;
  const after = scheduler.next(before, now, rating);
  const log: ReviewLogEntry = {
    id: input.id,
    deckId,
    cardId,
    rating,
    reviewedAt: now.getTime(),
    elapsedMs: Math.max(0, Math.round(input.elapsedMs)),
    before,
    stateBefore: before ? before.state : State.New,
    after
  };
  // A lapse that makes the card a leech suspends it, as Anki does.
  const leech = current?.leech || isLeechLapse(log);
  const progress: CardProgress = {
    deckId,
    cardId,
    ...after,
    ...(current?.suspended || leech ? { suspended: true } : {}),
    ...(leech ? { leech: true } : {})
  };
  return { log, progress };
}

/** Whether a log row is a lapse that makes its card a leech: Again on a review card, LEECH_LAPSES lapses or more. */
export function isLeechLapse(log: Pick<ReviewLogEntry, 'before' | 'rating' | 'after'>): boolean {
  return log.before?.state === State.Review && log.rating === 1 && log.after.lapses >= LEECH_LAPSES;
}
