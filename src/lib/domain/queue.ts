/** Which card comes next: learning cards first, then due reviews, then new cards within the day's limits. */
import { State, type CardProgress } from './progress';

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
}

export interface StudyQueue {
  /** Item ids in the order to study them. */
  order: string[];
  learning: number;
  review: number;
  new: number;
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
  const newIds: string[] = [];
  const newRoom = Math.max(0, limits.newPerDay - today.newCards);

  for (const id of itemIds) {
    const p = progress.get(id);
    if (p?.suspended) continue;
    if (!p) {
      if (newIds.length < newRoom) newIds.push(id);
      continue;
    }
    if (LEARNING.has(p.state)) {
      if (p.due <= nowMs) learningNow.push(p);
      else if (p.due <= learnAhead) learningSoon.push(p);
      else later(p.due);
    } else if (p.state === State.Review && p.due < dayEnd) reviews.push(p);
    else if (p.state !== State.New) later(p.due);
    else if (newIds.length < newRoom) newIds.push(id); // a state row kept for a never-studied card
  }
  const byDue = (a: CardProgress, b: CardProgress) => a.due - b.due;
  learningNow.sort(byDue);
  reviews.sort(byDue);
  const reviewRoom = Math.max(0, limits.reviewsPerDay - today.reviews);
  for (const r of reviews.slice(reviewRoom)) later(Math.max(r.due, dayEnd));
  const dueReviews = reviews.slice(0, reviewRoom);

  learningSoon.sort(byDue);
  const learning = [...learningNow];
  // Learn ahead only when nothing else is left, as Anki does.
  if (learning.length + dueReviews.length + newIds.length === 0) learning.push(...learningSoon);
  else for (const p of learningSoon) later(p.due);

  return {
    order: [...learning, ...dueReviews].map((p) => p.cardId).concat(newIds),
    learning: learning.length,
    review: dueReviews.length,
    new: newIds.length,
    nextDueAt
  };
}
