/** "Check data": every card state checked against its review log, and repaired, in one transaction. */
import { checkIntegrity, Scheduler, type IntegrityReport } from '$lib/domain';
import { db } from './factdeck-db';
import { loadSettings } from './settings.repo';
import { takeSnapshot } from './snapshot-tables';

/**
 * Checks every card state against its review log (see `checkIntegrity`) and writes the repairs, after
 * a snapshot so they can be undone. Review log rows are only ever put back with recomputed states,
 * never deleted. `decks` holds the study item ids of every deck on this device, by deck id.
 */
export function checkData(decks: ReadonlyMap<string, ReadonlySet<string>>, now: Date): Promise<IntegrityReport> {
  const tables = [db.cardStates, db.reviewLogs, db.settings, db.quizAttempts, db.decks, db.snapshots, db.snapshotData];
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
    }
    return report;
  });
}
