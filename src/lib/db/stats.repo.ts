/** Reads for the stats and card pages: card states, the review log in time order and quiz attempts. */
import Dexie from 'dexie';
import type { CardProgress, QuizAttempt, ReviewLogEntry } from '$lib/domain';
import { db } from './factdeck-db';

export interface StatsRecords {
  progress: CardProgress[];
  /** Oldest first, as `reviewStats` reads them fastest. */
  logs: ReviewLogEntry[];
  attempts: QuizAttempt[];
}

const inDeck = (deckId: string): [[string, unknown], [string, unknown]] => [
  [deckId, Dexie.minKey],
  [deckId, Dexie.maxKey]
];

/** Stored card states of one deck, or of every deck when `deckId` is null. */
export function cardStatesOf(deckId: string | null): Promise<CardProgress[]> {
  if (deckId === null) return db.cardStates.toArray();
  return db.cardStates
    .where('[deckId+due]')
    .between(...inDeck(deckId))
    .toArray();
}

/**
 * Everything the stats page counts, for one deck or (null) every deck, read in one transaction so
 * states and logs agree. Each table is read once, through an index that already sorts it.
 */
export function statsRecords(deckId: string | null): Promise<StatsRecords> {
  return db.transaction('r', db.cardStates, db.reviewLogs, db.quizAttempts, async () => {
    const logs =
      deckId === null
        ? db.reviewLogs.orderBy('reviewedAt').toArray()
        : db.reviewLogs
            .where('[deckId+reviewedAt]')
            .between(...inDeck(deckId))
            .toArray();
    const attempts =
      deckId === null
        ? db.quizAttempts.toArray()
        : db.quizAttempts
            .where('[deckId+finishedAt]')
            .between(...inDeck(deckId))
            .toArray();
    const [progress, logRows, attemptRows] = await Promise.all([cardStatesOf(deckId), logs, attempts]);
    return { progress, logs: logRows, attempts: attemptRows };
  });
}
