/** Thin wrapper over ts-fsrs: our stored shape in, our stored shape out. The clock is passed in. */
import { createEmptyCard, fsrs, type Card as FsrsCard, type FSRS, type Grade } from 'ts-fsrs';
import type { SchedulingState } from './progress';

export const RATINGS = [1, 2, 3, 4] as const;
export type RatingValue = (typeof RATINGS)[number];

export interface SchedulerOptions {
  /** Target probability of recall at the due date, 0.7..0.99. */
  desiredRetention: number;
  /** Spread intervals a little so cards learned together do not stay together (on by default). */
  fuzz?: boolean;
}

function toFsrs(s: SchedulingState): FsrsCard {
  return {
    due: new Date(s.due),
    stability: s.stability,
    difficulty: s.difficulty,
    elapsed_days: s.elapsedDays,
    scheduled_days: s.scheduledDays,
    learning_steps: s.learningSteps,
    reps: s.reps,
    lapses: s.lapses,
    state: s.state,
    last_review: s.lastReview === null ? undefined : new Date(s.lastReview)
  };
}

function fromFsrs(c: FsrsCard): SchedulingState {
  return {
    due: c.due.getTime(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsedDays: c.elapsed_days,
    scheduledDays: c.scheduled_days,
    learningSteps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
    lastReview: c.last_review ? c.last_review.getTime() : null
  };
}

/** The state of a card never studied, as of `now`. */
export function newSchedulingState(now: Date): SchedulingState {
  return fromFsrs(createEmptyCard(now));
}

/** FSRS-6 with default parameters, learning steps as ts-fsrs defaults. */
export class Scheduler {
  readonly #f: FSRS;
  constructor(options: SchedulerOptions) {
    this.#f = fsrs({ request_retention: options.desiredRetention, enable_fuzz: options.fuzz ?? true });
  }

  /**
   * The state after grading `rating` at `now`; `before` null means a new card. A `now` before the
   * card's last review (a clock that went backwards, on this device or the one a backup came from)
   * counts as the moment of that review: ts-fsrs refuses a negative time since it.
   */
  next(before: SchedulingState | null, now: Date, rating: RatingValue): SchedulingState {
    const at = notBeforeLastReview(before, now);
    const card = before ? toFsrs(before) : createEmptyCard(at);
    return fromFsrs(this.#f.next(card, at, rating as Grade).card);
  }

  /** For each rating, how long until the card would be due again. */
  previewIntervals(before: SchedulingState | null, now: Date): Record<RatingValue, number> {
    const at = notBeforeLastReview(before, now);
    const preview = this.#f.repeat(before ? toFsrs(before) : createEmptyCard(at), at);
    const out = {} as Record<RatingValue, number>;
    for (const r of RATINGS) out[r] = preview[r as Grade].card.due.getTime() - now.getTime();
    return out;
  }
}

function notBeforeLastReview(before: SchedulingState | null, now: Date): Date {
  const last = before?.lastReview;
  return last != null && now.getTime() < last ? new Date(last) : now;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Short interval label for grade buttons: "1m", "10m", "3h", "4d", "2mo", "1.5y". */
export function formatInterval(ms: number): string {
  if (ms < HOUR) return `${Math.max(1, Math.round(ms / MINUTE))}m`;
  if (ms < DAY) return `${Math.round(ms / HOUR)}h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${Math.round(days / 30)}mo`;
  const years = Math.round((days / 365) * 10) / 10;
  return `${years}y`;
}
