/** "Check data": every card state checked against its review log, and repaired, in one transaction. */
import { checkIntegrity, Scheduler, type IntegrityReport } from '$lib/domain';
import { ALL_DATA, bumpDataVersion } from './data-version';
import { db } from './factdeck-db';
import { bucketsMatch, rebuildReviewBuckets } from './review-buckets';
import { loadSettings } from './settings.repo';
import { takeSnapshot } from './snapshot-tables';

/**
 * Checks every card state against its review log (see `checkIntegrity`) and writes the repairs, after
 * a snapshot so they can be undone. Review log rows are only ever put back with recomputed states,
 * never deleted. The review buckets (review-buckets.ts) are rebuilt from the log if they disagree with
 * it; they are sums kept for the stats page, so that needs no snapshot and no mention. `decks` holds
 * the study item ids of every deck on this device, by deck id.
 */
export function checkData(decks: ReadonlyMap<string, ReadonlySet<string>>, now: Date): Promise<IntegrityReport> {
  const tables = [
    db.cardStates,
    db.reviewLogs,
    db.reviewBuckets,
    db.settings,
    db.quizAttempts,
    db.decks,
    db.snapshots,
    db.snapshotData,
    db.dataVersions
  ];
  return db.transaction('rw', tables, async () => {
    const [cardStates, reviewLogs, settings] = await Promise.all([
      db.cardStates.toArray(),
      db.reviewLogs.toArray(),
      loadSettings()
    ]);
    const scheduler = new Scheduler({ desiredRetention: settings.desiredRetention });
    const report = checkIntegrity({ decks, cardStates, reviewLogs, scheduler, now });
    if (report.cardStates.length || report.reviewLogs.length) {
      await takeSnapshot(db, 'repair', now.getTime());
      await db.cardStates.bulkPut(report.cardStates);
      await db.reviewLogs.bulkPut(report.reviewLogs);
      await bumpDataVersion(ALL_DATA, 'repaired', now.getTime());
    }
    const repaired = new Map(report.reviewLogs.map((l) => [l.id, l]));
    const logs = reviewLogs.map((l) => repaired.get(l.id) ?? l);
    if (!(await bucketsMatch(db.reviewBuckets, logs))) await rebuildReviewBuckets(db.reviewBuckets, logs);
    return report;
  });
}
