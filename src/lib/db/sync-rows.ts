/** The rows of the sync tables (version 6): what a device holds of sync, and where it stands. */
import type { SyncRecord } from '$lib/domain/sync';

/** A record this device holds: every live record, and every removal. */
export interface SyncRecordRow {
  /** `recordKey`: `<kind>:<id>`. */
  key: string;
  /** What reads find it by: `<deckId>/<itemId>` for reviews and marks, `<deckId>/` for quiz attempts. */
  scope?: string;
  /** 1 while the server has not acknowledged this version: the outbox is the rows that have it. */
  pending?: 1;
  record: SyncRecord;
}

/** This device's account, from "Turn on sync", linking or recovery. */
export interface SyncAccount {
  accountId: string;
  deviceId: string;
  token: string;
  deviceName: string;
  /**
   * `joining`: pulling what the account holds, the device's own data not yet merged in (nothing is
   * recorded); `rebuilding`: merged, tables being rebuilt from the records; `on`: every table follows
   * the records.
   */
  phase: 'joining' | 'rebuilding' | 'on';
  /** Sync is turned off: records are still written, nothing is sent or fetched. */
  paused?: boolean;
  /** Shown once, until the learner says it is written down. */
  recoveryKey?: string;
}

export interface SyncStateValues {
  account: SyncAccount;
  /** The server cursor of the last pulled record. */
  cursor: number;
  /** The latest `at` this device holds or wrote (`nextAt`). */
  lastAt: number;
  /** When a sync last finished, epoch ms. */
  lastSyncedAt: number;
  /** Study items whose logs have rows graded again (`MaterializedItem.regraded`). */
  regraded: string[];
}

export type SyncStateKey = keyof SyncStateValues;
export type SyncStateRow = { [K in SyncStateKey]: { key: K; value: SyncStateValues[K] } }[SyncStateKey];

/** A deck whose rows a sync (or another change from elsewhere) changed: `version` goes up each time. */
export interface DeckChange {
  deckId: string;
  version: number;
}
