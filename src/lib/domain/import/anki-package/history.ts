/**
 * Anki's review log as Factdeck's. Only answers the learner gave count: rows Anki writes for manual
 * changes (set due date, reset, reschedule: ease 0, types 4 and 5) and cramming in a filtered deck
 * that did not reschedule (type 3 with factor 0) are left out, as Anki's own FSRS leaves them out
 * (rslib/src/revlog/mod.rs, `has_rating_and_affects_scheduling`). A reset ("Forget") starts the card
 * over, so its earlier answers are left out too. Card states are then rebuilt by `replayLog` with
 * ts-fsrs, so FSRS starts from the learner's real history.
 */
import { v7 as uuidv7 } from 'uuid';
import { byReviewTime, replayLog } from '../../log-replay';
import { State, type CardProgress, type ReviewLogEntry, type SchedulingState } from '../../progress';
import { newSchedulingState, type Scheduler } from '../../scheduler';
import { hash53 } from '../card-ids';
import type { AnkiRevlog } from './collection-types';
import type { AnkiReview } from './package-types';
import type { PackageWarning } from './package-problems';

const MANUAL = 4;
const RESCHEDULED = 5;
const FILTERED = 3;
const LEARNING = 0;
const RELEARNING = 2;

export interface HistoryOptions {
  /**
   * The log comes from Anki's first scheduler, whose learning buttons were Again, Good, Easy (1-3):
   * they are renumbered as Anki's scheduler upgrade does (rslib/src/storage/revlog/v2_upgrade.sql).
   */
  firstScheduler: boolean;
}

/**
 * Reviews per Factdeck deck, oldest first. `items` maps an Anki card id to its deck and study items;
 * rows of other cards (notes left out) are counted in the warning.
 */
export function readHistory(
  revlog: AnkiRevlog[],
  items: Map<number, { deckId: string; ids: string[] }>,
  options: HistoryOptions
): { reviews: Map<string, AnkiReview[]>; warning?: PackageWarning } {
  const skipped = { manual: 0, cramming: 0, beforeReset: 0, otherCards: 0 };
  const lastReset = new Map<number, number>();
  for (const row of revlog) if (row.type === MANUAL && row.factor === 0) lastReset.set(row.cardId, row.id);

  const reviews = new Map<string, AnkiReview[]>();
  for (const row of revlog) {
    if (row.ease < 1 || row.ease > 4 || row.type === MANUAL || row.type === RESCHEDULED) {
      skipped.manual++;
      continue;
    }
    if (row.type === FILTERED && row.factor === 0) {
      skipped.cramming++;
      continue;
    }
    if (row.id < (lastReset.get(row.cardId) ?? -Infinity)) {
      skipped.beforeReset++;
      continue;
    }
    const target = items.get(row.cardId);
    if (!target || !target.ids.length) {
      skipped.otherCards++;
      continue;
    }
    let rating = row.ease;
    if (options.firstScheduler && (row.type === LEARNING || row.type === RELEARNING) && (rating === 2 || rating === 3))
      rating++;
    const list = reviews.get(target.deckId) ?? reviews.set(target.deckId, []).get(target.deckId)!;
    for (const cardId of target.ids)
      list.push({
        ankiId: row.id,
        deckId: target.deckId,
        cardId,
        rating: rating as AnkiReview['rating'],
        reviewedAt: row.id,
        elapsedMs: Math.max(0, Math.min(row.time, 60 * 60_000))
      });
  }
  const any = skipped.manual + skipped.cramming + skipped.beforeReset + skipped.otherCards;
  return { reviews, warning: any ? { code: 'history-skipped', ...skipped } : undefined };
}

/**
 * Log rows and card states of one deck from its Anki reviews; items Anki had suspended are suspended
 * here too (a new state as of `now` when they have no review). Each row's id is a UUID v7 of the
 * review time whose other bits come from the deck, the item and Anki's revlog id, so importing the
 * same history again gives the same rows, which merge into the log once.
 */
export function replayAnkiHistory(
  deckId: string,
  reviews: readonly AnkiReview[],
  suspended: readonly string[],
  scheduler: Scheduler,
  now: Date
): { logs: ReviewLogEntry[]; states: CardProgress[] } {
  const byItem = new Map<string, ReviewLogEntry[]>();
  for (const review of reviews) {
    const key = review.cardId;
    const row: ReviewLogEntry = {
      id: logId(review),
      deckId,
      cardId: review.cardId,
      rating: review.rating,
      reviewedAt: review.reviewedAt,
      elapsedMs: review.elapsedMs,
      before: null,
      stateBefore: State.New,
      // Not a state ts-fsrs could give, so replayLog grades the row from its rating.
      after: UNGRADED
    };
    (byItem.get(key) ?? byItem.set(key, []).get(key)!).push(row);
  }
  const suspendedSet = new Set(suspended);
  const logs: ReviewLogEntry[] = [];
  const states: CardProgress[] = [];
  for (const rows of byItem.values()) {
    const { rows: replayed, state, leech } = replayLog(rows.sort(byReviewTime), scheduler);
    logs.push(...replayed);
    const { cardId } = rows[0];
    states.push({
      ...state,
      deckId,
      cardId,
      ...(suspendedSet.has(cardId) || leech ? { suspended: true } : {}),
      ...(leech ? { leech: true } : {})
    });
  }
  for (const cardId of suspendedSet)
    if (!byItem.has(cardId)) states.push({ ...newSchedulingState(now), deckId, cardId, suspended: true });
  return { logs, states };
}

const UNGRADED: SchedulingState = {
  due: 0,
  stability: -1,
  difficulty: -1,
  elapsedDays: 0,
  scheduledDays: 0,
  learningSteps: 0,
  reps: -1,
  lapses: 0,
  state: State.New,
  lastReview: null
};

function logId(review: AnkiReview): string {
  const key = `anki\u0000${review.deckId}\u0000${review.cardId}\u0000${review.ankiId}`;
  const random = new Uint8Array(16);
  // Three 53-bit hashes give the 74 bits a UUID v7 takes besides its time.
  for (let lane = 0; lane < 3; lane++) {
    let h = hash53(key, lane);
    for (let b = 0; b < 6; b++, h = Math.floor(h / 256)) if (lane * 6 + b < 16) random[lane * 6 + b] = h & 0xff;
  }
  return uuidv7({ msecs: review.reviewedAt, random });
}
