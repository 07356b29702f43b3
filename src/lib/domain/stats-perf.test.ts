import { expect, test } from 'vitest';
import { State, type CardProgress, type ReviewLogEntry, type SchedulingState } from './progress';
import { bucketsOf, cardsByState, dueForecast, dueNext7Days, leeches, quizScoreHistory, reviewStats } from './stats';

const DAY = 86_400_000;
const LOGS = 200_000;
const CARDS = 20_000;

/** Deterministic pseudo-random numbers (mulberry32), so the run is the same every time. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('every statistic over 200,000 review logs completes', () => {
  const rand = random(42);
  const now = new Date(2026, 2, 10, 12);
  const start = now.getTime() - 2 * 365 * DAY;
  const state = (i: number): SchedulingState => ({
    due: now.getTime() + Math.floor((rand() - 0.2) * 60 * DAY),
    stability: 10,
    difficulty: 5,
    elapsedDays: 10,
    scheduledDays: 1 + Math.floor(rand() * 60),
    learningSteps: 0,
    reps: 10,
    lapses: i % 50 === 0 ? 9 : 1,
    state: [State.Learning, State.Review, State.Review, State.Review, State.Relearning][i % 5],
    lastReview: now.getTime() - DAY
  });
  // Two years of reviews in time order, as read from the log's time index.
  const logs: ReviewLogEntry[] = [];
  for (let i = 0; i < LOGS; i++) {
    const before = i % 10 === 0 ? null : state(i);
    logs.push({
      id: String(i),
      deckId: 'd',
      cardId: String(i % CARDS),
      rating: (1 + Math.floor(rand() * 4)) as ReviewLogEntry['rating'],
      reviewedAt: start + Math.floor((i / LOGS) * 2 * 365 * DAY),
      elapsedMs: Math.floor(rand() * 90_000),
      before,
      stateBefore: before ? before.state : State.New,
      after: state(i)
    });
  }
  const progress: CardProgress[] = Array.from({ length: CARDS }, (_, i) => ({
    deckId: 'd',
    cardId: String(i),
    ...state(i)
  }));
  const attempts = Array.from({ length: 1_000 }, (_, i) => ({
    deckId: 'd',
    finishedAt: i,
    correct: i % 10,
    total: 10
  }));

  // What the stats page does: the buckets (kept by the database) once through reviewStats.
  const buckets = bucketsOf(logs);
  const t0 = performance.now();
  const results = {
    states: cardsByState(progress, CARDS + 5_000),
    next7: dueNext7Days(dueForecast(progress, now)),
    reviews: reviewStats(buckets, now),
    leeches: leeches(progress),
    quiz: quizScoreHistory(attempts, 'd')
  };
  const page = performance.now() - t0;
  console.log(`stats over ${LOGS} logs, ${CARDS} cards: page ${page.toFixed(1)} ms`);

  // Every day of the two years has reviews: the streak runs to today and the heatmap has no gaps.
  expect(results.reviews.heatmap).toHaveLength(365);
  expect(results.reviews.heatmap.every((d) => d.reviews > 0)).toBe(true);
  expect(results.reviews.streak.current).toBeGreaterThan(700);
  expect(results.reviews.time.totalMs).toBeLessThanOrEqual(LOGS * 60_000);
  expect(results.reviews.retention30.total).toBeGreaterThan(0);
  expect(results.states.new).toBe(5_000);
  expect(results.leeches).toHaveLength(CARDS / 50);
});
