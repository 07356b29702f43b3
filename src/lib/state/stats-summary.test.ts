import { describe, expect, test } from 'vitest';
import {
  bucketsOf,
  State,
  studyDayNumber,
  studyItems,
  type CardProgress,
  type Deck,
  type ReviewLogEntry
} from '$lib/domain';
import type { DeviceDeck } from './all-decks';
import { statsSummary } from './stats-summary';

const UTC = { utcOffset: () => 0 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date(Date.UTC(2026, 2, 10, 12));

function deck(id: string, cards: Deck['cards']): DeviceDeck {
  const d: Deck = { id, title: `Deck ${id}`, description: 'd', language: 'en', tags: [], cards };
  return { deck: d, imported: false, items: studyItems(d) };
}

const A = deck('a', [
  { id: 'one', type: 'basic', front: 'One?', back: '1' },
  { id: 'two', type: 'reverse', front: 'Two', back: '2' },
  { id: 'cloze', type: 'cloze', text: '{{Three}} and {{four}}' }
]);
const B = deck('b', [{ id: 'solo', type: 'basic', front: 'Solo?', back: 'yes' }]);

function progress(deckId: string, cardId: string, state: State, due: number, extra: Partial<CardProgress> = {}) {
  return {
    deckId,
    cardId,
    due,
    stability: 30,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 30,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state,
    lastReview: NOW.getTime() - DAY,
    ...extra
  } satisfies CardProgress;
}

function log(
  deckId: string,
  cardId: string,
  at: number,
  rating: ReviewLogEntry['rating'],
  mature = false
): ReviewLogEntry {
  const before = mature ? { ...progress(deckId, cardId, State.Review, at), scheduledDays: 30 } : null;
  return {
    id: `${cardId}-${at}`,
    deckId,
    cardId,
    rating,
    reviewedAt: at,
    elapsedMs: 10_000,
    before,
    stateBefore: before ? State.Review : State.New,
    after: progress(deckId, cardId, State.Review, at + DAY)
  };
}

describe('statsSummary', () => {
  const records = {
    progress: [
      progress('a', 'one', State.Learning, NOW.getTime() + 10 * 60_000),
      progress('a', 'two', State.Review, NOW.getTime() + DAY),
      progress('a', 'two#reverse', State.Review, NOW.getTime() + 5 * DAY, { lapses: 8, leech: true, suspended: true }),
      // A card removed from the deck: its state is not counted.
      progress('a', 'gone', State.Review, NOW.getTime()),
      progress('b', 'solo', State.Relearning, NOW.getTime() - HOUR)
    ],
    buckets: bucketsOf([
      log('a', 'one', NOW.getTime() - 2 * DAY, 3),
      log('a', 'two', NOW.getTime() - HOUR, 3, true),
      log('a', 'two#reverse', NOW.getTime() - HOUR, 1, true)
    ]),
    attempts: [
      { deckId: 'a', finishedAt: 2, correct: 9, total: 10 },
      { deckId: 'a', finishedAt: 1, correct: 1, total: 2 },
      { deckId: 'b', finishedAt: 3, correct: 0, total: 0 }
    ].map((a) => ({ ...a, id: String(a.finishedAt), startedAt: 0, seed: 1, answers: [] }))
  };

  test('counts states over the items the decks have, suspended apart', () => {
    const s = statsSummary([A, B], records, NOW, UTC);
    expect(s.itemCount).toBe(6);
    expect(s.byState).toEqual({ new: 2, learning: 1, review: 1, relearning: 1, suspended: 1 });
  });

  test('a card suspended before it was studied counts as suspended, not new, and not twice', () => {
    const withNewRow = {
      ...records,
      progress: [...records.progress, progress('a', 'cloze#c1', State.New, NOW.getTime(), { reps: 0, suspended: true })]
    };
    const s = statsSummary([A, B], withNewRow, NOW, UTC);
    expect(s.byState).toEqual({ new: 1, learning: 1, review: 1, relearning: 1, suspended: 2 });
    expect(Object.values(s.byState).reduce((a, b) => a + b)).toBe(s.itemCount);
  });

  test('forecasts unsuspended cards only; overdue counts today', () => {
    const s = statsSummary([A, B], records, NOW, UTC);
    expect(s.forecast).toHaveLength(30);
    expect(s.due).toEqual({ today: 2, tomorrow: 1, next7Days: 3 });
  });

  test('reviews, retention and leeches come from the records given', () => {
    const s = statsSummary([A, B], records, NOW, UTC);
    expect(s.totalReviews).toBe(3);
    expect(s.reviews.heatmap.at(-1)).toMatchObject({ day: '2026-03-10', reviews: 2 });
    expect(s.reviews.retention7).toEqual({ passed: 1, total: 2, rate: 0.5 });
    expect(s.leeches).toHaveLength(1);
    expect(s.leeches[0]).toMatchObject({ deckId: 'a', deckTitle: 'Deck a', lapses: 8, suspended: true });
    expect(s.leeches[0].item.id).toBe('two#reverse');
  });

  test('quiz scores per deck, oldest first; decks without a scored attempt are left out', () => {
    const s = statsSummary([A, B], records, NOW, UTC);
    expect(s.quizzes).toEqual([
      {
        deckId: 'a',
        title: 'Deck a',
        scores: [
          { at: 1, percent: 50 },
          { at: 2, percent: 90 }
        ]
      }
    ]);
  });

  test('one deck: only its items count', () => {
    const s = statsSummary([B], { ...records, buckets: [] }, NOW, UTC);
    expect(s.itemCount).toBe(1);
    expect(s.byState).toEqual({ new: 0, learning: 0, review: 0, relearning: 1, suspended: 0 });
    expect(s.reviews.streak.current).toBe(0);
    expect(s.quizzes).toEqual([]);
  });
});

test('200,000 reviews over a 20,000-card deck are all counted', () => {
  const cards: Deck['cards'] = Array.from({ length: 20_000 }, (_, i) => ({
    id: `c${i}`,
    type: 'basic' as const,
    front: `Q${i}`,
    back: `A${i}`
  }));
  const big = deck('big', cards);
  const start = NOW.getTime() - 2 * 365 * DAY;
  const logs = Array.from({ length: 200_000 }, (_, i) =>
    log('big', `c${i % 20_000}`, start + Math.floor((i / 200_000) * 2 * 365 * DAY), ((i % 4) + 1) as 1, i % 3 === 0)
  );
  const states = [State.Learning, State.Review, State.Relearning];
  const stored = cards.map((c, i) =>
    progress('big', c.id, states[i % 3], NOW.getTime() + (i % 40) * DAY, { lapses: i % 100 === 0 ? 8 : 0 })
  );
  const s = statsSummary([big], { progress: stored, buckets: bucketsOf(logs), attempts: [] }, NOW);
  expect(s.totalReviews).toBe(200_000);
  // The heatmap (from quarter-hour buckets) counts what each review's own study day says.
  const today = studyDayNumber(NOW.getTime());
  const inLastYear = logs.filter((l) => studyDayNumber(l.reviewedAt) > today - 365).length;
  expect(s.reviews.heatmap.reduce((sum, d) => sum + d.reviews, 0)).toBe(inLastYear);
  expect(s.byState.new).toBe(0);
  expect(s.leeches).toHaveLength(200);
});
