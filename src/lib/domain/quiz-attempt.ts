/** A finished quiz as stored: what was asked, what the learner answered, and the score. */
import type { QuestionType } from './quiz';

export interface QuizAnswer {
  questionId: string;
  type: QuestionType;
  /** The study items the question tested (a matching round tests several). */
  itemIds: string[];
  /** Those of `itemIds` the learner got wrong. */
  missed: string[];
  prompt: string;
  /** What the learner answered, as text. */
  given: string;
  rightAnswer: string;
  right: boolean;
  /** Right, but spelled slightly wrong. */
  almost?: boolean;
}

export interface QuizAttempt {
  /** UUID v7. */
  id: string;
  deckId: string;
  startedAt: number;
  finishedAt: number;
  seed: number;
  answers: QuizAnswer[];
  correct: number;
  total: number;
  /**
   * A quiz on only the items missed before ("Retry missed", or "Only cards I missed last time"): its
   * score says how the retry went and is kept apart from the deck's best and its score chart.
   */
  onlyMissed?: boolean;
}

/** Score as a whole percentage. */
export function scorePercent(attempt: Pick<QuizAttempt, 'correct' | 'total'>): number {
  return attempt.total === 0 ? 0 : Math.round((attempt.correct / attempt.total) * 100);
}

/** Study items answered wrongly in an attempt, for "only cards I missed last time". */
export function missedItemIds(attempt: Pick<QuizAttempt, 'answers'>): string[] {
  return [...new Set(attempt.answers.flatMap((a) => a.missed))];
}

/** The best score of the deck's whole quizzes (retries of missed cards left out); null if there is none. */
export function bestScore(attempts: readonly Pick<QuizAttempt, 'correct' | 'total' | 'onlyMissed'>[]): number | null {
  const whole = attempts.filter((a) => !a.onlyMissed && a.total > 0);
  return whole.length ? Math.max(...whole.map(scorePercent)) : null;
}
