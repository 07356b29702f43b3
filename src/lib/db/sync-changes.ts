/**
 * The changes that touch everything, as records while sync records changes (docs/sync.md, "What each
 * change writes"): restoring a backup or snapshot, resetting all progress, and the repairs of "Check
 * data". Each runs inside its caller's transaction, over `syncTables()` and the snapshot tables.
 */
import type { BackupData } from '$lib/domain';
import { mergeRecords, replaceRecords, resetAllRecords } from '$lib/domain/sync';
import { db } from './factdeck-db';
import type { SyncAccount } from './sync-rows';
import { advanceClock, applyRecords, bumpDecks, heldLive, localStamp, recordRow, setState } from './sync-store';

/** Restores `data` as records that every device applies: replace or merge. */
export async function restoreAsRecords(
  account: SyncAccount,
  data: BackupData,
  mode: 'replace' | 'merge',
  now: Date
): Promise<void> {
  const stamp = await localStamp(account, now);
  const records =
    mode === 'replace'
      ? replaceRecords((await db.decks.toCollection().primaryKeys()) as string[], data, stamp)
      : mergeRecords(await heldLive(), data, stamp);
  await applyRecords(records, { local: true });
}

/**
 * Resets all progress as one removal. Its `at` is later than every record held, so it takes away
 * every review, mark and quiz attempt held: their rows and records go at once, without the replay.
 */
export async function resetAllAsRecords(account: SyncAccount, now: Date): Promise<void> {
  const stamp = await localStamp(account, now);
  const [removal] = resetAllRecords(stamp);
  const [stateKeys, quizzes] = await Promise.all([
    db.cardStates.toCollection().primaryKeys() as Promise<[string, string][]>,
    db.quizAttempts.toArray()
  ]);
  const decks = new Set([...stateKeys.map(([deckId]) => deckId), ...quizzes.map((q) => q.deckId)]);
  await Promise.all([
    db.cardStates.clear(),
    db.reviewLogs.clear(),
    db.quizAttempts.clear(),
    // Reviews, marks and quiz attempts are the records with a scope.
    db.syncRecords.where('scope').aboveOrEqual('').delete(),
    setState('regraded', [])
  ]);
  await Promise.all([db.syncRecords.put(recordRow(removal, true)), advanceClock(removal.at), bumpDecks(decks)]);
}
