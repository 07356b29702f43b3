/** "Check data": every card state checked against its review log, and repaired, in one transaction. */
import { checkIntegrity, Scheduler, type IntegrityReport } from '$lib/domain';
import { mergeRecords } from '$lib/domain/sync';
import { ALL_DATA, bumpDataVersion } from './data-version';
import { db } from './factdeck-db';
import { bucketsMatch, rebuildReviewBuckets } from './review-buckets';
import { loadSettings } from './settings.repo';
import { readTables, takeSnapshot } from './snapshot-tables';
import { rebuildAll } from './sync-rebuild';
import type { SyncAccount } from './sync-rows';
import { applyRecords, heldLive, heldRemovals, localStamp, recordingNow, syncTables } from './sync-store';

/**
 * Checks every card state against its review log (see `checkIntegrity`) and writes the repairs, after
 * a snapshot so they can be undone. Review log rows are only ever put back with recomputed states,
 * never deleted. The review buckets (review-buckets.ts) are rebuilt from the log if they disagree with
 * it; they are sums kept for the stats page, so that needs no snapshot and no mention. `decks` holds
 * the study item ids of every deck on this device, by deck id.
 */
export function checkData(decks: ReadonlyMap<string, ReadonlySet<string>>, now: Date): Promise<IntegrityReport> {
  const tables = [...syncTables(), db.reviewBuckets, db.snapshots, db.snapshotData];
  return db.transaction('rw', tables, async () => {
    const [cardStates, reviewLogs, settings] = await Promise.all([
      db.cardStates.toArray(),
      db.reviewLogs.toArray(),
      loadSettings()
    ]);
    const scheduler = new Scheduler({ desiredRetention: settings.desiredRetention });
    const report = checkIntegrity({ decks, cardStates, reviewLogs, scheduler, now });
    const account = await recordingNow();
    if (account) {
      await repairFromRecords(account, report.repaired.length > 0, now);
    } else if (report.cardStates.length || report.reviewLogs.length) {
      await takeSnapshot(db, 'repair', now.getTime());
      await db.cardStates.bulkPut(report.cardStates);
      await db.reviewLogs.bulkPut(report.reviewLogs);
      await bumpDataVersion(ALL_DATA, 'repaired', now.getTime());
    }
    const logs = await db.reviewLogs.toArray();
    if (!(await bucketsMatch(db.reviewBuckets, logs))) await rebuildReviewBuckets(db.reviewBuckets, logs);
    return report;
  });
}

/**
 * While sync records changes, the records are what the device holds: rows the tables have and the
 * records lack become records (as a restore merge would make them, sent to the other devices), then
 * every table is rebuilt from the records. A snapshot comes first when something was found wrong.
 */
async function repairFromRecords(account: SyncAccount, foundProblems: boolean, now: Date): Promise<void> {
  const removals = await heldRemovals();
  const live = (await heldLive()).filter((r) => !removals.takes(r));
  const missing = mergeRecords(live, await readTables(db), await localStamp(account, now));
  if (foundProblems || missing.length) await takeSnapshot(db, 'repair', now.getTime());
  if (missing.length) await applyRecords(missing, { local: true });
  await rebuildAll();
  if (foundProblems || missing.length) await bumpDataVersion(ALL_DATA, 'repaired', now.getTime());
}
