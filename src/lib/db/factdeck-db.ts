/** The one IndexedDB database of Factdeck. Every schema version lives here, oldest first. */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  BackupDeckRow,
  BackupSettingRow,
  BucketKey,
  CardProgress,
  QuizAttempt,
  ReviewBucket,
  ReviewLogEntry
} from '$lib/domain';
import type { MediaKind } from '$lib/domain/media';
import * as t from '$lib/text';
import type { DataVersionRow } from './data-version';
import { rebuildReviewBuckets, reviewBucketsMiddleware } from './review-buckets';
import type { DeckChange, SyncRecordRow, SyncStateRow } from './sync-rows';
import { loadSyncSession } from './sync-session';
import { takeSnapshot, type SnapshotDataRow, type SnapshotInfo } from './snapshot-tables';

// Stored rows are in the backup format's shapes, so a backup holds exactly what the tables hold.
export type SettingRow = BackupSettingRow;
export type ImportedDeck = BackupDeckRow;

/**
 * An image or sound of imported cards, stored once by the SHA-256 of its content (card text names it
 * `media:<hash>.<ext>`, src/lib/domain/media.ts). Not in backups: see docs/architecture.md.
 */
export interface MediaRow {
  hash: string;
  blob: Blob;
  mime: string;
  kind: MediaKind;
  ext: string;
  size: number;
  /** Epoch ms of the import that first stored it. */
  addedAt: number;
}

export class FactdeckDB extends Dexie {
  cardStates!: Table<CardProgress, [string, string]>;
  reviewLogs!: EntityTable<ReviewLogEntry, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  quizAttempts!: EntityTable<QuizAttempt, 'id'>;
  decks!: EntityTable<ImportedDeck, 'id'>;
  snapshots!: EntityTable<SnapshotInfo, 'id'>;
  snapshotData!: EntityTable<SnapshotDataRow, 'id'>;
  reviewBuckets!: Table<ReviewBucket, BucketKey>;
  media!: EntityTable<MediaRow, 'hash'>;
  syncRecords!: EntityTable<SyncRecordRow, 'key'>;
  syncState!: EntityTable<SyncStateRow, 'key'>;
  deckChanges!: EntityTable<DeckChange, 'deckId'>;
  dataVersions!: EntityTable<DataVersionRow, 'scope'>;

  constructor(name = 'factdeck') {
    super(name);
    // Version 1. Never edit a released version: add version(2) with an upgrade instead.
    this.version(1).stores({
      cardStates: '[deckId+cardId], [deckId+due], due',
      reviewLogs: 'id, [deckId+cardId], [deckId+reviewedAt], reviewedAt',
      settings: 'key'
    });
    // Version 2: quiz attempts. Adds a table only; every existing row is kept as it is.
    this.version(2).stores({
      quizAttempts: 'id, [deckId+finishedAt]'
    });
    // Version 3: decks imported on the device. Adds a table only.
    this.version(3).stores({
      decks: 'id, updatedAt'
    });
    // Version 4: snapshots of every data table (see snapshot-tables.ts). Every upgrade from here on
    // that changes or moves stored rows starts with `await takeSnapshot(tx, 'migration', Date.now())`,
    // so a failed migration can be undone.
    this.version(4)
      .stores({ snapshots: '++id, takenAt', snapshotData: 'id' })
      .upgrade(async (tx) => {
        await takeSnapshot(tx, 'migration', Date.now());
      });
    // Version 5: the review log summed per deck and quarter hour, for the stats page, kept up to date
    // by `reviewBucketsMiddleware` (review-buckets.ts). A table computed from the log, changing no
    // stored row, so no snapshot: a failed upgrade leaves version 4 as it was.
    this.version(5)
      .stores({ reviewBuckets: '[deckId+start]' })
      .upgrade(async (tx) => {
        await rebuildReviewBuckets(tx.table('reviewBuckets'), await tx.table('reviewLogs').toArray());
      });
    // Version 6: images and sounds of imported decks, as Blobs by content hash. Adds a table only.
    this.version(6).stores({ media: 'hash' });
    // Version 7: sync (docs/sync.md). The records this device holds and those not yet acknowledged by
    // the server, the account and cursor, and a version per deck that changes when records pulled or
    // written here change its rows. Adds tables only; every existing row is kept as it is.
    this.version(7).stores({
      syncRecords: 'key, scope, pending',
      syncState: 'key',
      deckChanges: 'deckId'
    });
    // Version 8: a counter per deck and one for all data, bumped by every change that removes or
    // replaces what an open session holds (data-version.ts). Adds a table only.
    this.version(8).stores({ dataVersions: 'scope' });
    this.use(reviewBucketsMiddleware);
  }
}

export const db = new FactdeckDB();
// Before any other request, so a grade knows whether it must be recorded for sync.
db.on('ready', (vip) => loadSyncSession(vip), true);

export type StorageEvent = 'updated-elsewhere' | 'deleted-elsewhere' | 'blocked';

// Subscribed as soon as the database object exists: a "blocked" upgrade can happen before any
// component has mounted, and must still be shown.
let lastStorageEvent: StorageEvent | null = null;
const storageListeners = new Set<(event: StorageEvent) => void>();
function storageEvent(event: StorageEvent) {
  lastStorageEvent = event;
  for (const listener of storageListeners) listener(event);
}
db.on('versionchange', (ev: IDBVersionChangeEvent) =>
  storageEvent(ev.newVersion && ev.newVersion > 0 ? 'updated-elsewhere' : 'deleted-elsewhere')
);
db.on('blocked', (ev: IDBVersionChangeEvent) => {
  if (ev.newVersion && ev.newVersion > ev.oldVersion) storageEvent('blocked');
});

/**
 * Tells the app when another tab changes the database under it: a newer version of the app upgraded
 * it (this tab's code is now too old to use it), deleted it, or an older tab keeps this one from
 * upgrading. Dexie closes this tab's connection in the first two cases so the other tab can proceed.
 * A listener added late still hears the last event.
 */
export function watchStorage(listener: (event: StorageEvent) => void): () => void {
  storageListeners.add(listener);
  if (lastStorageEvent) listener(lastStorageEvent);
  return () => storageListeners.delete(listener);
}

/** Thrown by `unlessBlocked` when an older tab keeps the database from opening. */
export class StorageBlockedError extends Error {
  constructor() {
    super(t.storageEvents.blocked);
    this.name = 'StorageBlockedError';
  }
}

/** Resolves like `work`, or rejects with StorageBlockedError as soon as the database is blocked. */
export function unlessBlocked<T>(work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = watchStorage((event) => {
      if (event === 'blocked') reject(new StorageBlockedError());
    });
    work.then(resolve, reject).finally(stop);
  });
}
