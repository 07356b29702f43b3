/** Every figure of the stats page for a selection of decks, from one read of the database. */
import type { StatsRecords } from '$lib/db';
import {
  cardsByState,
  dueForecast,
  dueNext7Days,
  dueToday,
  dueTomorrow,
  leeches,
  quizScoreHistory,
  reviewStats,
  studyItemKey,
  type CardProgress,
  type CardStateCounts,
  type DueDay,
  type QuizScorePoint,
  type ReviewStats,
  type StudyDayOptions,
  type StudyItem
} from '$lib/domain';
import type { DeviceDeck } from '$lib/state';

export interface LeechRow {
  deckId: string;
  deckTitle: string;
  item: StudyItem;
  lapses: number;
  suspended: boolean;
}

export interface StatsSummary {
  itemCount: number;
  byState: CardStateCounts;
  forecast: DueDay[];
  due: { today: number; tomorrow: number; next7Days: number };
  reviews: ReviewStats;
  totalReviews: number;
  leeches: LeechRow[];
  /** Decks with at least one scored quiz attempt, in the order given. */
  quizzes: { deckId: string; title: string; scores: QuizScorePoint[] }[];
}

/**
 * Figures for `decks` (one deck, or all of them) from `records` read for the same selection. Card
 * states of items no deck has any more (a card removed from a deck) are left out, so the counts add up
 * to the items there are; the review log is kept whole, since those reviews did happen.
 */
export function statsSummary(
  decks: readonly DeviceDeck[],
  records: StatsRecords,
  now: Date,
  options: StudyDayOptions = {}
): StatsSummary {
  const items = new Map<string, { deck: DeviceDeck; item: StudyItem }>();
  for (const deck of decks)
    for (const item of deck.items) items.set(studyItemKey(deck.deck.id, item.id), { deck, item });

  const known: CardProgress[] = [];
  const suspended = new Set<string>();
  const active: CardProgress[] = [];
  for (const p of records.progress) {
    const key = studyItemKey(p.deckId, p.cardId);
    if (!items.has(key)) continue;
    known.push(p);
    if (p.suspended) suspended.add(key);
    else active.push(p);
  }
  const forecast = dueForecast(active, now, 30, options);

  const quizzes: StatsSummary['quizzes'] = [];
  for (const { deck } of decks) {
    const scores = quizScoreHistory(records.attempts, deck.id);
    if (scores.length) quizzes.push({ deckId: deck.id, title: deck.title, scores });
  }

  return {
    itemCount: items.size,
    byState: cardsByState(known, items.size, suspended),
    forecast,
    due: { today: dueToday(forecast), tomorrow: dueTomorrow(forecast), next7Days: dueNext7Days(forecast) },
    reviews: reviewStats(records.logs, now, options),
    totalReviews: records.logs.length,
    leeches: leeches(known).map((p) => {
      const { deck, item } = items.get(studyItemKey(p.deckId, p.cardId))!;
      return { deckId: p.deckId, deckTitle: deck.deck.title, item, lapses: p.lapses, suspended: !!p.suspended };
    }),
    quizzes
  };
}
