/** Reads for the stats and card pages: card states, the review log summed by quarter hour, quiz attempts. */
import Dexie from 'dexie';
import type { CardProgress, QuizAttempt, ReviewBucket } from '$lib/domain';
import { db } from './factdeck-db';

export interface StatsRecords {
  progress: CardProgress[];
  /** The review log summed per deck and quarter hour (review-buckets.ts). */
  buckets: ReviewBucket[];
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
 * states and reviews agree. Each table is read once.
 */
export function statsRecords(deckId: string | null): Promise<StatsRecords> {
  return db.transaction('r', db.cardStates, db.reviewBuckets, db.quizAttempts, async () => {
    const buckets =
      deckId === null
        ? db.reviewBuckets.toArray()
        : db.reviewBuckets
            .where('[deckId+start]')
            .between(...inDeck(deckId))
            .toArray();
    const attempts =
      deckId === null
        ? db.quizAttempts.toArray()
        : db.quizAttempts
            .where('[deckId+finishedAt]')
            .between(...inDeck(deckId))
            .toArray();
    const [progress, bucketRows, attemptRows] = await Promise.all([cardStatesOf(deckId), buckets, attempts]);
    return { progress, buckets: bucketRows, attempts: attemptRows };
  });
}
