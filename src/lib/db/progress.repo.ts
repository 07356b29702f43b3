/** Card states and the review log. Every grade and every undo touches both tables in one transaction. */
import { v7 as uuidv7 } from 'uuid';
import {
  gradeFrom,
  LEECH_LAPSES,
  newSchedulingState,
  type CardProgress,
  type Graded,
  type RatingValue,
  type Scheduler
} from '$lib/domain';
import { canGradeInPlace, markRecord, nextAt, resetItemsRecords, reviewRecord, undoRecords } from '$lib/domain/sync';
import { checkDataVersion, type SeenVersion } from './data-version';
import { db } from './factdeck-db';
import type { SyncAccount, SyncRecordRow } from './sync-rows';
import { recordingAccount, syncSession } from './sync-session';
import { getState, rebuiltItem, recordingNow, recordLocal, recordRow, setState, syncTables } from './sync-store';

// The reads live apart, so that pages that only show progress do not load the scheduler.
export * from './progress-reads.repo';

export interface GradeInput {
  deckId: string;
  cardId: string;
  rating: RatingValue;
  now: Date;
  /** Time the learner spent on the card before grading. */
  elapsedMs: number;
  scheduler: Scheduler;
  /**
   * The stored state the caller expects the card to have (null: none, a new card), such as a study
   * session's copy. With it, the writes go out together with the read instead of after it, which
   * saves a round trip to the database; if the stored state turns out different (another tab graded
   * the card meanwhile), that transaction is rolled back and the grade is made again from what is
   * stored.
   */
  expected?: CardProgress | null;
  /**
   * The data versions the session started from: if the deck was since deleted, imported again,
   * restored or reset, nothing is written and StaleDataError is thrown (data-version.ts).
   */
  seen?: SeenVersion;
}

/** Thrown inside a grade transaction to roll it back when what it assumed was not what is stored. */
class StaleState extends Error {}

/**
 * Grades a card: writes its new state and appends the log row, both or neither. While sync records
 * changes, the review's record is written in the same transaction; a review that does not come after
 * every review the card has (one pulled from a device whose clock runs ahead) rebuilds the card from
 * its records instead (docs/sync.md).
 */
export async function gradeCard(input: GradeInput): Promise<Graded> {
  const key: [string, string] = [input.deckId, input.cardId];
  const made = { ...input, id: uuidv7({ msecs: input.now.getTime() }) };
  if (input.expected !== undefined) {
    const expected = input.expected ?? undefined;
    const account = syncSession.account;
    if (!account || canGradeInPlace(expected, input.now))
      try {
        const tables = [db.cardStates, db.reviewLogs, db.syncRecords, db.syncState, db.dataVersions];
        return await db.transaction('rw', tables, async () => {
          const graded = gradeFrom(made, expected);
          const record = account ? await inPlaceRecord(account, graded, input.now) : null;
          // Requests run in order, so the reads see the rows before these writes; a stale session's
          // check throws StaleDataError, which rolls the writes back.
          const [current, stored] = await Promise.all([
            db.cardStates.get(key),
            db.syncState.get('account'),
            input.seen && checkDataVersion(input.deckId, input.seen),
            db.cardStates.put(graded.progress),
            db.reviewLogs.add(graded.log),
            record && db.syncRecords.put(record)
          ]);
          const recording = recordingAccount(stored?.value as SyncAccount | undefined);
          if (!sameRow(current, expected ?? null) || recording?.deviceId !== account?.deviceId) {
            syncSession.account = recording;
            throw new StaleState();
          }
          return graded;
        });
      } catch (e) {
        if (!(e instanceof StaleState)) throw e;
      }
  }
  // syncTables() holds dataVersions.
  return db.transaction('rw', syncTables(), async () => {
    if (input.seen) await checkDataVersion(input.deckId, input.seen);
    const [current, account] = await Promise.all([db.cardStates.get(key), recordingNow()]);
    const graded = gradeFrom(made, current);
    if (!account || canGradeInPlace(current, input.now)) {
      const record = account ? await inPlaceRecord(account, graded, input.now) : null;
      // Both requests at once: the transaction still lands both or neither.
      await Promise.all([
        db.cardStates.put(graded.progress),
        db.reviewLogs.add(graded.log),
        record && db.syncRecords.put(record)
      ]);
      return graded;
    }
    const out = await recordLocal(account, input.now, (stamp) => [reviewRecord(graded.log, stamp)]);
    const item = rebuiltItem(out, input.deckId, input.cardId)!;
    return { log: item.logs.find((l) => l.id === graded.log.id)!, progress: item.state! };
  });
}

/** The record of a grade written as `gradeFrom` computed it, with this device's next `at`. */
async function inPlaceRecord(account: SyncAccount, graded: Graded, now: Date): Promise<SyncRecordRow> {
  // The stored clock is read only when the one this tab holds is ahead of its clock.
  const lastAt =
    syncSession.lastAt >= now.getTime()
      ? Math.max(syncSession.lastAt, (await getState('lastAt')) ?? 0)
      : syncSession.lastAt;
  const at = nextAt(now.getTime(), lastAt);
  syncSession.lastAt = at;
  if (at > now.getTime()) await setState('lastAt', at);
  return recordRow(reviewRecord(graded.log, { device: account.deviceId, at }), true);
}

/** Whether two stored states are the same row, field for field (states are flat records). */
function sameRow(a: CardProgress | undefined, b: CardProgress | null): boolean {
  if (!a || !b) return !a && !b;
  const keys = Object.keys(a) as (keyof CardProgress)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * Takes back a grade: restores the card's state from before it and removes its log row, in one
 * transaction. Returns the restored state (null for a card that is new again), or undefined when the
 * grade is gone or no longer the card's latest (another tab graded it since). While sync records
 * changes, the undo is a removal record and the card is rebuilt from its remaining records. With
 * `seen`, as `gradeCard`'s.
 */
export function undoReview(
  logId: string,
  now = new Date(),
  seen?: SeenVersion
): Promise<CardProgress | null | undefined> {
  return db.transaction('rw', syncTables(), async () => {
    const log = await db.reviewLogs.get(logId);
    if (!log) return undefined;
    if (seen) await checkDataVersion(log.deckId, seen);
    const current = await db.cardStates.get([log.deckId, log.cardId]);
    if (!current || current.reps !== log.after.reps) return undefined;
    const account = await recordingNow();
    if (account) {
      const out = await recordLocal(account, now, (stamp) => undoRecords(logId, stamp));
      return rebuiltItem(out, log.deckId, log.cardId)?.state ?? null;
    }
    await db.reviewLogs.delete(logId);
    if (!log.before) {
      await db.cardStates.delete([log.deckId, log.cardId]);
      return null;
    }
    // Undoing the lapse that made a card a leech also takes back its automatic suspension.
    const leechBefore = !!current.leech && log.before.lapses >= LEECH_LAPSES;
    const suspended = !!current.suspended && (leechBefore || !current.leech);
    const restored: CardProgress = {
      deckId: log.deckId,
      cardId: log.cardId,
      ...log.before,
      ...(suspended ? { suspended } : {}),
      ...(leechBefore ? { leech: true } : {})
    };
    await db.cardStates.put(restored);
    return restored;
  });
}

/** Suspends or unsuspends a study item; a never-studied item gets a state row that stays new. */
export function setSuspended(deckId: string, cardId: string, suspended: boolean, now: Date): Promise<CardProgress> {
  return db.transaction('rw', syncTables(), async () => {
    const account = await recordingNow();
    if (account) {
      const out = await recordLocal(account, now, (stamp) => [markRecord(deckId, cardId, suspended, stamp)]);
      return rebuiltItem(out, deckId, cardId)?.state ?? { deckId, cardId, ...newSchedulingState(now) };
    }
    const current = await db.cardStates.get([deckId, cardId]);
    const { suspended: _s, leech, ...rest } = current ?? { deckId, cardId, ...newSchedulingState(now) };
    // Unsuspending a leech clears the mark: the learner has decided to keep studying it.
    const next: CardProgress = suspended ? { ...rest, suspended: true, ...(leech ? { leech } : {}) } : rest;
    await db.cardStates.put(next);
    return next;
  });
}

/** Forgets a study item: it becomes new again and its review history is deleted, in one transaction. */
export function resetCard(deckId: string, cardId: string, now = new Date()): Promise<number> {
  return db.transaction('rw', syncTables(), async () => {
    const account = await recordingNow();
    if (account) {
      const count = await db.reviewLogs.where('[deckId+cardId]').equals([deckId, cardId]).count();
      await recordLocal(account, now, (stamp) => resetItemsRecords(deckId, [cardId], stamp));
      return count;
    }
    await db.cardStates.delete([deckId, cardId]);
    return db.reviewLogs.where('[deckId+cardId]').equals([deckId, cardId]).delete();
  });
}
