/** Quiz attempts. They never touch card states: see docs/architecture.md, "Quizzes and FSRS". */
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { QuizAttempt } from '$lib/domain';
import { quizRecord } from '$lib/domain/sync';
import { checkDataVersion, type SeenVersion } from './data-version';
import { db } from './factdeck-db';
import { recordingNow, recordLocal, syncTables } from './sync-store';

/**
 * Saves a finished attempt and returns it with its id. With `seen` (the versions the quiz started
 * from), nothing is saved after the deck was deleted, imported again, restored or reset: StaleDataError.
 */
export async function saveQuizAttempt(attempt: Omit<QuizAttempt, 'id'>, seen?: SeenVersion): Promise<QuizAttempt> {
  const saved = { ...attempt, id: uuidv7({ msecs: attempt.finishedAt }) };
  // syncTables() holds dataVersions.
  await db.transaction('rw', syncTables(), async () => {
    if (seen) await checkDataVersion(attempt.deckId, seen);
    const account = await recordingNow();
    if (account) await recordLocal(account, new Date(attempt.finishedAt), (stamp) => [quizRecord(saved, stamp)]);
    else await db.quizAttempts.add(saved);
  });
  return saved;
}

/** Every attempt at a deck's quiz, newest first. */
export function quizAttempts(deckId: string): Promise<QuizAttempt[]> {
  return db.quizAttempts
    .where('[deckId+finishedAt]')
    .between([deckId, Dexie.minKey], [deckId, Dexie.maxKey])
    .reverse()
    .toArray();
}

/** The newest attempt at a deck's quiz, if any. */
export function lastQuizAttempt(deckId: string): Promise<QuizAttempt | undefined> {
  return db.quizAttempts.where('[deckId+finishedAt]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).last();
}
