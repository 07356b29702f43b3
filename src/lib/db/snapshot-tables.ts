/**
 * Reading and replacing every data table at once, and snapshots: a copy of all of them taken before
 * a migration, import, reset, restore or repair, the last SNAPSHOTS_KEPT kept. Works on the database or on
 * an upgrade transaction alike; callers run it inside the transaction of the change it protects.
 */
import type { Table } from 'dexie';
import { BACKUP_FORMAT_VERSION, BACKUP_TABLES, countRows, type BackupData, type TableCounts } from '$lib/domain';
import { mediaHashesIn } from '$lib/domain/media';

export type SnapshotReason = 'migration' | 'import' | 'restore' | 'reset' | 'repair' | 'edit';

/** A snapshot as listed; its rows are in `snapshotData` under the same id, so listing stays light. */
export interface SnapshotInfo {
  id: number;
  /** Epoch ms. */
  takenAt: number;
  reason: SnapshotReason;
  /** The backup format its rows are in (a future format converts older snapshots like older backups). */
  formatVersion: number;
  counts: TableCounts;
  /**
   * Media hashes its imported decks show (media.repo.ts): the files are not copied, only kept while
   * a snapshot could bring their deck back. Absent in snapshots taken before version 6.
   */
  media?: string[];
}

export interface SnapshotDataRow {
  id: number;
  data: BackupData;
}

export const SNAPSHOTS_KEPT = 3;

/** The database itself, or an upgrade transaction. */
interface TableSource {
  table(name: string): Table;
}

export async function readTables(source: TableSource): Promise<BackupData> {
  const rows = await Promise.all(BACKUP_TABLES.map((t) => source.table(t).toArray()));
  return Object.fromEntries(BACKUP_TABLES.map((t, i) => [t, rows[i]])) as unknown as BackupData;
}

/** Rows written per request when replacing tables: small enough to report progress between them. */
const CHUNK = 10_000;

/**
 * Empties every data table and writes `data` in its place, in requests of CHUNK rows, calling
 * `onProgress` with the share written (the caller's transaction still lands all or nothing).
 */
export async function replaceTables(
  source: TableSource,
  data: BackupData,
  onProgress: (fraction: number) => void = () => {}
): Promise<void> {
  const total = BACKUP_TABLES.reduce((n, t) => n + data[t].length, 0) || 1;
  let written = 0;
  for (const t of BACKUP_TABLES) {
    await source.table(t).clear();
    const rows = data[t] as unknown[];
    for (let i = 0; i < rows.length; i += CHUNK) {
      const chunk = rows.slice(i, i + CHUNK);
      await source.table(t).bulkAdd(chunk);
      written += chunk.length;
      onProgress(written / total);
    }
  }
}

/**
 * Copies every data table into a new snapshot and drops the oldest beyond SNAPSHOTS_KEPT. Every
 * schema upgrade calls this first. Returns the snapshot id, or null when there was nothing to keep.
 */
export async function takeSnapshot(
  source: TableSource,
  reason: SnapshotReason,
  takenAt: number
): Promise<number | null> {
  const data = await readTables(source);
  const counts = countRows(data);
  if (Object.values(counts).every((n) => n === 0)) return null;
  const media = [...new Set(data.decks.flatMap((d) => mediaHashesIn(JSON.stringify(d.deck.cards))))];
  const info: Omit<SnapshotInfo, 'id'> = {
    takenAt,
    reason,
    formatVersion: BACKUP_FORMAT_VERSION,
    counts,
    ...(media.length ? { media } : {})
  };
  const id = (await source.table('snapshots').add(info)) as number;
  await source.table('snapshotData').add({ id, data } satisfies SnapshotDataRow);
  const ids = (await source.table('snapshots').toCollection().primaryKeys()) as number[];
  const old = ids.sort((a, b) => a - b).slice(0, -SNAPSHOTS_KEPT);
  if (old.length) {
    await source.table('snapshots').bulkDelete(old);
    await source.table('snapshotData').bulkDelete(old);
  }
  return id;
}
