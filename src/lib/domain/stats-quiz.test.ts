import { describe, expect, test } from 'vitest';
import { quizScoreHistory } from './stats-quiz';

describe('quizScoreHistory', () => {
  test('one deck’s scores as percentages, oldest first; empty attempts left out', () => {
    const attempts = [
      { deckId: 'd1', finishedAt: 3_000, correct: 9, total: 10 },
      { deckId: 'd2', finishedAt: 1_500, correct: 1, total: 1 },
      { deckId: 'd1', finishedAt: 1_000, correct: 2, total: 8 },
      { deckId: 'd1', finishedAt: 2_000, correct: 0, total: 0 },
      { deckId: 'd1', finishedAt: 2_500, correct: 2, total: 3 }
    ];
    // 2/8 = 25 %, 2/3 = 66.7 % shown as 67 (as on the results screen), 9/10 = 90 %.
    expect(quizScoreHistory(attempts, 'd1')).toEqual([
      { at: 1_000, percent: 25 },
      { at: 2_500, percent: 67 },
      { at: 3_000, percent: 90 }
    ]);
    expect(quizScoreHistory(attempts, 'none')).toEqual([]);
  });
});
