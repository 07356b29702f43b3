/**
 * Backups: downloading every table as one file, restoring one (replace or merge) in a single
 * transaction behind a snapshot, resetting all progress, and the reminder to download a backup.
 * Files are parsed and checked before they get here (`parseBackupText`, loaded on demand).
 */
import {
  DEVICE_SETTING_KEYS,
  diffBackup,
  makeBackup,
  mergeBackupData,
  renameShadowingDecks,
  sanitizeSettings,
  Scheduler,
  type BackupData,
  type BackupDiff,
  type BackupFile
} from '$lib/domain';
import { ALL_DATA, bumpDataVersion } from './data-version';
import { db } from './factdeck-db';
import { deleteThenBump } from './full-storage';
import { isQuotaError } from './quota-error';
import { readTables, replaceTables, takeSnapshot } from './snapshot-tables';
import { resetAllAsRecords, restoreAsRecords } from './sync-changes';
import { recordingNow, syncTables } from './sync-store';

// Its own module, so the home page's reminder does not load restore and merge code.
export { backupStatus, type BackupStatus } from './backup-status.repo';

export type RestoreMode = 'replace' | 'merge';

const LAST_BACKUP = DEVICE_SETTING_KEYS.lastBackupAt;
const PREFERENCES = 'preferences';

/** Every table a restore or reset may touch, snapshots, sync and data versions included. */
const allTables = () => [...syncTables(), db.snapshots, db.snapshotData];

/** Every data table, read in one transaction so the copy is consistent. */
export function readAllData(): Promise<BackupData> {
  return db.transaction('r', [db.cardStates, db.reviewLogs, db.settings, db.quizAttempts, db.decks], () =>
    readTables(db)
  );
}

/** The backup file of everything on this device. Call `recordBackup` once the learner has it. */
export async function exportBackup(appVersion: string, now: Date): Promise<BackupFile> {
  return makeBackup(await readAllData(), appVersion, now);
}

/** Notes that a backup was downloaded at `now`, for the reminder. */
export async function recordBackup(now: Date): Promise<void> {
  try {
    await db.settings.put({ key: LAST_BACKUP, value: now.getTime() });
  } catch (e) {
    // On a full device the file was still downloaded; only the reminder's date is not moved.
    if (!isQuotaError(e)) throw e;
  }
}

/**
 * How the file differs from what is here, for the preview; writes nothing. `builtInIds`: the ids of
 * the built-in decks, which a deck in the file may not take (see `restoreBackup`).
 */
export async function previewRestore(file: BackupFile, builtInIds: ReadonlySet<string>): Promise<BackupDiff> {
  return diffBackup(await readAllData(), renameShadowingDecks(file.data, builtInIds));
}

/**
 * Restores a checked backup in one transaction, after a snapshot of what is here. Replace makes the
 * device hold exactly the file; merge keeps both (see `mergeBackupData`). On any failure nothing changes.
 * An imported deck in the file with the id of a built-in deck (`builtInIds`) is renamed as an import
 * renames it, with its own progress, so it cannot take the built-in deck's place.
 */
export function restoreBackup(
  file: BackupFile,
  mode: RestoreMode,
  now: Date,
  builtInIds: ReadonlySet<string>,
  /** The share of rows written so far, 0..1. */
  onProgress?: (fraction: number) => void
): Promise<BackupData> {
  return db.transaction('rw', allTables(), async () => {
    await takeSnapshot(db, 'restore', now.getTime());
    let data = renameShadowingDecks(file.data, builtInIds);
    const account = await recordingNow();
    if (account) {
      await restoreAsRecords(account, data, mode, now);
      await bumpDataVersion(ALL_DATA, 'restored', now.getTime());
      return readTables(db);
    }
    const here = await readTables(db);
    if (mode === 'merge') {
      const preferences = sanitizeSettings(here.settings.find((s) => s.key === PREFERENCES)?.value);
      data = mergeBackupData(here, data, new Scheduler({ desiredRetention: preferences.desiredRetention }));
    }
    if (mode === 'replace') {
      // The file is itself a backup of exactly what the device now holds: the reminder counts from
      // when it was made, or from a later backup made here.
      const lastBackupAt = Math.max(
        Date.parse(file.exportedAt) || 0,
        ...[here, data].map((d) => Number(d.settings.find((s) => s.key === LAST_BACKUP)?.value) || 0)
      );
      data = {
        ...data,
        settings: [...data.settings.filter((s) => s.key !== LAST_BACKUP), { key: LAST_BACKUP, value: lastBackupAt }]
      };
    }
    await replaceTables(db, data, onProgress);
    await bumpDataVersion(ALL_DATA, 'restored', now.getTime());
    return data;
  });
}

/**
 * Forgets every card state, review and quiz attempt, after a snapshot. Imported decks and settings
 * stay. `snapshot: false` is for a full device, where the snapshot has no room: the learner chose to
 * go without it, and the clearing only deletes, so it commits (full-storage.ts; sync off only).
 */
export async function resetAllProgress(now: Date, { snapshot = true } = {}): Promise<void> {
  if (!snapshot && !(await recordingNow())) {
    const clear = () => Promise.all([db.cardStates.clear(), db.reviewLogs.clear(), db.quizAttempts.clear()]);
    return deleteThenBump([db.cardStates, db.reviewLogs, db.quizAttempts], clear, ALL_DATA, 'reset', now.getTime());
  }
  return db.transaction('rw', allTables(), async () => {
    if (snapshot) await takeSnapshot(db, 'reset', now.getTime());
    const account = await recordingNow();
    if (account) {
      await resetAllAsRecords(account, now);
      await bumpDataVersion(ALL_DATA, 'reset', now.getTime());
      return;
    }
    await Promise.all([db.cardStates.clear(), db.reviewLogs.clear(), db.quizAttempts.clear()]);
    await bumpDataVersion(ALL_DATA, 'reset', now.getTime());
  });
}
