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
  type CardProgress,
  type CardStateCounts,
  type DueDay,
  type QuizScorePoint,
  type ReviewStats,
  type StudyDayOptions,
  type StudyItem
} from '$lib/domain';
import type { DeviceDeck } from './all-decks';

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
  // Items by deck, then by id: a state is found without building a key string for each of them.
  const items = new Map<string, { deck: DeviceDeck; byId: Map<string, StudyItem> }>();
  for (const deck of decks) {
    const byId = items.get(deck.deck.id)?.byId ?? new Map<string, StudyItem>();
    items.set(deck.deck.id, { deck, byId });
    for (const item of deck.items) byId.set(item.id, item);
  }
  let itemCount = 0;
  for (const { byId } of items.values()) itemCount += byId.size;
  const isItem = (p: CardProgress) => items.get(p.deckId)?.byId.has(p.cardId) ?? false;

  const known: CardProgress[] = [];
  const active: CardProgress[] = [];
  let suspended = 0;
  for (const p of records.progress) {
    if (!isItem(p)) continue;
    known.push(p);
    if (p.suspended) suspended++;
    else active.push(p);
  }
  const forecast = dueForecast(active, now, 30, options);

  const quizzes: StatsSummary['quizzes'] = [];
  for (const { deck } of decks) {
    const scores = quizScoreHistory(records.attempts, deck.id);
    if (scores.length) quizzes.push({ deckId: deck.id, title: deck.title, scores });
  }

  return {
    itemCount,
    // Suspended items count only as suspended: the others are counted by state, then those added.
    byState: { ...cardsByState(active, itemCount - suspended), suspended },
    forecast,
    due: { today: dueToday(forecast), tomorrow: dueTomorrow(forecast), next7Days: dueNext7Days(forecast) },
    reviews: reviewStats(records.buckets, now, options),
    totalReviews: records.buckets.reduce((sum, b) => sum + b.reviews, 0),
    leeches: leeches(known).map((p) => {
      const { deck, byId } = items.get(p.deckId)!;
      const item = byId.get(p.cardId)!;
      return { deckId: p.deckId, deckTitle: deck.deck.title, item, lapses: p.lapses, suspended: !!p.suspended };
    }),
    quizzes
  };
}
