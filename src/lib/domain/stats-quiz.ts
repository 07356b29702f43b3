/** Quiz scores over time, for one deck's progress chart. */
import { scorePercent, type QuizAttempt } from './quiz-attempt';

/** What a finished quiz attempt must carry to be charted. */
export type QuizAttemptResult = Pick<QuizAttempt, 'deckId' | 'finishedAt' | 'correct' | 'total' | 'onlyMissed'>;

export interface QuizScorePoint {
  /** Epoch ms the attempt finished. */
  at: number;
  /** Whole percent, as on the results screen (`scorePercent`). */
  percent: number;
}

/**
 * One deck's quiz scores, oldest first. Attempts with no questions have no score, and retries of
 * missed cards say nothing about the whole deck: both are left out.
 */
export function quizScoreHistory(attempts: readonly QuizAttemptResult[], deckId: string): QuizScorePoint[] {
  return attempts
    .filter((a) => a.deckId === deckId && a.total > 0 && !a.onlyMissed)
    .map((a) => ({ at: a.finishedAt, percent: scorePercent(a) }))
    .sort((a, b) => a.at - b.at);
}
