/** Snapshots a learner can go back to from Settings (they are taken by the changes they protect). */
import { liveQuery } from 'dexie';
import { BACKUP_FORMAT_VERSION } from '$lib/domain';
import * as t from '$lib/text';
import { ALL_DATA, bumpDataVersion } from './data-version';
import { db } from './factdeck-db';
import { deleteUnusedMedia } from './media.repo';
import { replaceTables, takeSnapshot, type SnapshotInfo } from './snapshot-tables';
import { restoreAsRecords } from './sync-changes';
import { recordingNow, syncTables } from './sync-store';

export { SNAPSHOTS_KEPT, type SnapshotInfo, type SnapshotReason } from './snapshot-tables';

/** Every snapshot, newest first. */
export function listSnapshots(): Promise<SnapshotInfo[]> {
  return db.snapshots.reverse().toArray();
}

/** Follows the snapshots, newest first, whoever takes or deletes one; returns the function that stops. */
export function watchSnapshots(listener: (snapshots: SnapshotInfo[]) => void): () => void {
  const subscription = liveQuery(listSnapshots).subscribe({ next: listener, error: () => {} });
  return () => subscription.unsubscribe();
}

/**
 * Puts every data table back as the snapshot holds it, in one transaction. A snapshot of what is
 * here is taken first, so this too can be undone.
 */
export function restoreSnapshot(id: number, now: Date): Promise<void> {
  return db.transaction('rw', [...syncTables(), db.snapshots, db.snapshotData], async () => {
    const [info, row] = await Promise.all([db.snapshots.get(id), db.snapshotData.get(id)]);
    if (!info || !row) throw new Error(t.settings.snapshots.gone);
    if (info.formatVersion > BACKUP_FORMAT_VERSION) throw new Error(t.settings.snapshots.newer);
    await takeSnapshot(db, 'restore', now.getTime());
    const account = await recordingNow();
    if (account) await restoreAsRecords(account, row.data, 'replace', now);
    else await replaceTables(db, row.data);
    await bumpDataVersion(ALL_DATA, 'restored', now.getTime());
  });
}

/**
 * Deletes one snapshot, and the images and sounds only it kept. It only deletes, so it works on a
 * full device and is the first way to free space there (a snapshot holds a copy of everything).
 */
export function deleteSnapshot(id: number): Promise<void> {
  return db.transaction('rw', [db.snapshots, db.snapshotData, db.decks, db.media], async () => {
    await db.snapshots.delete(id);
    await db.snapshotData.delete(id);
    await deleteUnusedMedia();
  });
}
