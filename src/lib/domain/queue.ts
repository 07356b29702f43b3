/** Which card comes next: learning cards first, then due reviews, then new cards within the day's limits. */
import { State, type CardProgress } from './progress';
import { cardIdOf } from './study-items';

export interface DailyLimits {
  newPerDay: number;
  reviewsPerDay: number;
}

/** What was already studied in this deck since the study day began. */
export interface StudiedToday {
  newCards: number;
  reviews: number;
}

export interface QueueInput {
  /** Every study item id of the deck, in deck order. */
  itemIds: readonly string[];
  progress: ReadonlyMap<string, CardProgress>;
  now: Date;
  /** Start of the next study day, epoch ms: reviews due before it are due today. */
  dayEnd: number;
  limits: DailyLimits;
  today: StudiedToday;
  /** When nothing else is left, learning cards due within this window are shown early. */
  learnAheadMs?: number;
  /**
   * The earliest due date among the deck's scheduled items left out of `itemIds` because they cannot
   * come up before `dayEnd` (a study session passes only the items that can), so `nextDueAt` still
   * counts them.
   */
  laterDue?: number | null;
  /**
   * Bury siblings, as Anki does by default: a new or review item waits until the next study day when
   * another item of its card (the other direction of a reverse card, another deletion of a cloze) was
   * graded today or comes before it in this queue. Learning items are never buried.
   */
  burySiblings?: boolean;
  /** Item ids graded since the study day began (for burying their siblings). */
  gradedToday?: ReadonlySet<string>;
}

export interface StudyQueue {
  /** Item ids in the order to study them. */
  order: string[];
  /**
   * Learning items due now or within the learn-ahead window: all of them come up in this session
   * (the ones not yet due once nothing else is left), so a grade that sends a card back to learning
   * counts it here at once rather than later.
   */
  learning: number;
  review: number;
  new: number;
  /**
   * New and review items that would be shown today but wait for the next day, because another item of
   * their card was or will be studied today (`burySiblings`).
   */
  buried: number;
  /** When the first card not in `order` is due, epoch ms; null if none. */
  nextDueAt: number | null;
}

const LEARNING = new Set<State>([State.Learning, State.Relearning]);

/** How early a learning card may be shown when nothing else is left, unless the input says otherwise. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export function buildQueue(input: QueueInput): StudyQueue {
  const { itemIds, progress, now, dayEnd, limits, today } = input;
  const nowMs = now.getTime();
  const learnAhead = nowMs + (input.learnAheadMs ?? LEARN_AHEAD_MS);
  const learningNow: CardProgress[] = [];
  const learningSoon: CardProgress[] = [];
  const reviews: CardProgress[] = [];
  let nextDueAt: number | null = input.laterDue ?? null;
  const later = (due: number) => {
    if (nextDueAt === null || due < nextDueAt) nextDueAt = due;
  };
  const newCandidates: string[] = [];

  for (const id of itemIds) {
    const p = progress.get(id);
    if (p?.suspended) continue;
    if (!p || p.state === State.New)
      newCandidates.push(id); // no row, or a row kept for a never-studied card
    else if (LEARNING.has(p.state)) {
      if (p.due <= nowMs) learningNow.push(p);
      else if (p.due <= learnAhead) learningSoon.push(p);
      else later(p.due);
    } else if (p.due < dayEnd) reviews.push(p);
    else later(p.due);
  }
  const byDue = (a: CardProgress, b: CardProgress) => a.due - b.due;
  learningNow.sort(byDue);
  reviews.sort(byDue);

  // Cards with an item shown today, or queued before: their other new and review items are buried.
  const shown = input.burySiblings ? new Set([...(input.gradedToday ?? [])].map(cardIdOf)) : null;
  let buried = 0;
  const take = (id: string): boolean => {
    if (!shown) return true;
    const card = cardIdOf(id);
    if (shown.has(card)) {
      buried++;
      return false;
    }
    shown.add(card);
    return true;
  };
  for (const p of learningNow) shown?.add(cardIdOf(p.cardId));

  const reviewRoom = Math.max(0, limits.reviewsPerDay - today.reviews);
  const dueReviews: CardProgress[] = [];
  for (const r of reviews) {
    if (dueReviews.length >= reviewRoom) later(Math.max(r.due, dayEnd));
    else if (take(r.cardId)) dueReviews.push(r);
    else later(dayEnd);
  }
  const newRoom = Math.max(0, limits.newPerDay - today.newCards);
  const newIds: string[] = [];
  for (const id of newCandidates) {
    if (newIds.length >= newRoom) break;
    if (take(id)) newIds.push(id);
  }

  learningSoon.sort(byDue);
  const learning = [...learningNow];
  // Learn ahead only when nothing else is left, as Anki does.
  if (learning.length + dueReviews.length + newIds.length === 0) learning.push(...learningSoon);
  else for (const p of learningSoon) later(p.due);

  return {
    order: [...learning, ...dueReviews].map((p) => p.cardId).concat(newIds),
    learning: learningNow.length + learningSoon.length,
    review: dueReviews.length,
    new: newIds.length,
    buried,
    nextDueAt
  };
}
