/**
 * What the Settings page shows about keeping a learner's data safe (last backup, reminder, storage
 * persistence, snapshots), and the actions that change it. Shared by the backup, reset and snapshot
 * sections so that each refreshes what the others show.
 */
import {
  backupStatus,
  exportBackup,
  listSnapshots,
  recordBackup,
  resetAllProgress,
  restoreSnapshot,
  storagePersisted,
  type BackupStatus,
  type SnapshotInfo
} from '$lib/db';
import { backupFileName } from '$lib/domain';
import { APP_VERSION } from './app-version';

export class DataSafety {
  status = $state.raw<BackupStatus | null>(null);
  snapshots = $state.raw<SnapshotInfo[]>([]);
  /** undefined while checking; null where the browser cannot say. */
  persisted = $state<boolean | null | undefined>(undefined);
  readonly #onDataChanged: () => unknown;

  /** `onDataChanged` runs after a restore or reset, for what the page shows from storage (the settings form). */
  constructor(onDataChanged: () => unknown = () => {}) {
    this.#onDataChanged = onDataChanged;
  }

  async refresh(): Promise<void> {
    [this.status, this.snapshots, this.persisted] = await Promise.all([
      backupStatus(new Date()),
      listSnapshots(),
      storagePersisted()
    ]);
  }

  /** Downloads a backup of everything on this device; returns the file name. */
  async download(): Promise<string> {
    const now = new Date();
    const file = await exportBackup(APP_VERSION, now);
    const name = backupFileName(now);
    const url = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    await recordBackup(now);
    await this.refresh();
    return name;
  }

  async askPersist(): Promise<void> {
    this.persisted = (await navigator.storage?.persist?.()) ?? null;
  }

  async reset(): Promise<void> {
    await resetAllProgress(new Date());
    await this.changed();
  }

  async restoreSnapshot(id: number): Promise<void> {
    await restoreSnapshot(id, new Date());
    await this.changed();
  }

  /** After a restore or reset: everything shown may have changed. */
  async changed(): Promise<void> {
    await Promise.all([this.refresh(), this.#onDataChanged()]);
  }
}

/** "2 March 2026, 09:00" in the learner's locale. */
export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}
