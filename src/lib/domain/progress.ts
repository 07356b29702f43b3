/** What Factdeck stores about one studied card: its FSRS scheduling state, keyed by deck and card. */
import { State } from 'ts-fsrs';

export { State };

/** FSRS state of one study item (a card, or one side of a reverse card, or one cloze deletion). */
export interface CardProgress {
  deckId: string;
  /** The study item id: the card id, `<id>#reverse` for a reverse card's second side, `<id>#c2` for a cloze's second deletion. */
  cardId: string;
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

/** The scheduling fields of a card without its key: what a review log row keeps as "before". */
export type SchedulingState = Omit<CardProgress, 'deckId' | 'cardId'>;

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
  const { deckId: _deckId, cardId: _cardId, ...scheduling } = progress;
  return scheduling;
}
