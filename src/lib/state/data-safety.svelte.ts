/**
 * What the Settings page shows about keeping a learner's data safe (last backup, reminder, storage
 * persistence, snapshots), and the actions that change it: backup, restore, snapshots, reset and
 * "Check data". Shared by those sections so that each refreshes what the others show.
 */
import {
  backupStatus,
  checkData,
  deleteSnapshot,
  exportBackup,
  listSnapshots,
  recordBackup,
  resetAllProgress,
  restoreSnapshot,
  storagePersisted,
  watchSnapshots,
  type BackupStatus,
  type SnapshotInfo
} from '$lib/db';
import { backupFileName, type IntegrityReport } from '$lib/domain';
import { loadAllDecks } from './all-decks';
import { APP_VERSION } from './app-version';
import { downloadFile } from './download';

export { SNAPSHOTS_KEPT, type RestoreMode, type SnapshotInfo, type SnapshotReason } from '$lib/db';

export class DataSafety {
  status = $state.raw<BackupStatus | null>(null);
  snapshots = $state.raw<SnapshotInfo[]>([]);
  /** undefined while checking; null where the browser cannot say. */
  persisted = $state<boolean | null | undefined>(undefined);
  readonly #onDataChanged: () => unknown;

  /** `onDataChanged` runs after a restore, reset or repair, for what the page shows from storage (the settings form). */
  constructor(onDataChanged: () => unknown = () => {}) {
    this.#onDataChanged = onDataChanged;
  }

  /** Keeps `snapshots` current while the page is open (the free-space choices delete them too); returns the function that stops. */
  follow(): () => void {
    return watchSnapshots((list) => (this.snapshots = list));
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
    downloadFile(name, JSON.stringify(file), 'application/json');
    await recordBackup(now);
    await this.refresh();
    return name;
  }

  async askPersist(): Promise<void> {
    this.persisted = (await navigator.storage?.persist?.()) ?? null;
  }

  /** `snapshot: false` when the device has no room for one and the learner chose to go without. */
  async reset({ snapshot = true } = {}): Promise<void> {
    await resetAllProgress(new Date(), { snapshot });
    await this.changed();
  }

  async deleteSnapshot(id: number): Promise<void> {
    await deleteSnapshot(id);
    await this.refresh();
  }

  async restoreSnapshot(id: number): Promise<void> {
    await restoreSnapshot(id, new Date());
    await this.changed();
  }

  /**
   * "Check data": checks every card state against its review log over the decks on this device and
   * repairs what disagrees. Returns the report and each deck's title, by id, to name the findings.
   */
  async check(fetch: typeof globalThis.fetch): Promise<{ report: IntegrityReport; titles: Map<string, string> }> {
    const decks = await loadAllDecks(fetch);
    const titles = new Map(decks.map((d) => [d.deck.id, d.deck.title]));
    const report = await checkData(
      new Map(decks.map((d) => [d.deck.id, new Set(d.items.map((i) => i.id))])),
      new Date()
    );
    if (report.repaired.length) await this.changed();
    return { report, titles };
  }

  /** After a restore, reset or repair: everything shown may have changed. */
  async changed(): Promise<void> {
    await Promise.all([this.refresh(), this.#onDataChanged()]);
  }
}
