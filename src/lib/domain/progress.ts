/** What Factdeck stores about one studied card: its FSRS scheduling state, keyed by deck and card. */
import type { State as FsrsState } from 'ts-fsrs';

/**
 * The FSRS learning states: ts-fsrs's `State` enum, as a plain object with the same numbers, so that
 * code reading stored states (the home page's due counts) does not load ts-fsrs; only grading does.
 */
export const State = { New: 0, Learning: 1, Review: 2, Relearning: 3 } as unknown as typeof FsrsState;
export type State = FsrsState;

/** The FSRS scheduling fields of one study item, as ts-fsrs computes them. */
export interface SchedulingState {
  /** When the card is next due, epoch ms. */
  due: number;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  /** Number of reviews; equals the number of review log rows for this card. */
  reps: number;
  lapses: number;
  state: State;
  /** Time of the last review, epoch ms; null when never reviewed. */
  lastReview: number | null;
}

/** What is stored about one study item (a card, one side of a reverse card, or one cloze deletion). */
export interface CardProgress extends SchedulingState {
  deckId: string;
  /** The study item id: the card id, `<id>#reverse` for a reverse card's second side, `<id>#c2` for a cloze's second deletion. */
  cardId: string;
  /** Left out of study until unsuspended. */
  suspended?: boolean;
  /** Lapsed LEECH_LAPSES times: suspended automatically, listed on the stats page. */
  leech?: boolean;
}

/** A card that lapses this many times is a leech and is suspended, as Anki does by default. */
export const LEECH_LAPSES = 8;

/** The furthest a JavaScript Date reaches either side of 1970, in ms: any other time is no date. */
export const MAX_DATE_MS = 8.64e15;
/** FSRS's longest interval (ts-fsrs's maximum_interval, 36,500 days), in ms. */
const MAX_INTERVAL_MS = 36_500 * 86_400_000;

/** Whether `ms` is a time a Date can hold. */
export function isDateTime(ms: unknown): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS;
}

/** Whether a review at `ms` can be graded: its next due date, up to 100 years on, is still a date. */
export function isGradableTime(ms: unknown): ms is number {
  return isDateTime(ms) && Math.abs(ms) <= MAX_DATE_MS - MAX_INTERVAL_MS;
}

/** One grade, as appended to the review log. */
export interface ReviewLogEntry {
  /** Globally unique (UUID v7), so logs from two devices or backups merge without conflict. */
  id: string;
  deckId: string;
  cardId: string;
  /** 1 Again, 2 Hard, 3 Good, 4 Easy. */
  rating: 1 | 2 | 3 | 4;
  /** When the grade was given, epoch ms. */
  reviewedAt: number;
  /** Time from showing the card to grading it. */
  elapsedMs: number;
  /** The card's state before this review; null when the card was new. */
  before: SchedulingState | null;
  /** Copy of `before.state` (0 when new), indexed-friendly for daily limits and stats. */
  stateBefore: State;
  /** The card's state after this review. */
  after: SchedulingState;
}

/** The scheduling fields of a stored card state. */
export function schedulingOf(progress: CardProgress): SchedulingState {
  const { deckId: _deckId, cardId: _cardId, suspended: _suspended, leech: _leech, ...scheduling } = progress;
  return scheduling;
}
