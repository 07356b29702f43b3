/**
 * This device's sync account and where it stands: turning sync on (join), the pulled batches, what
 * waits to be sent, and leaving. Joining an account pulls everything it holds first, then merges
 * this device's own tables in as records, then rebuilds every table from the records (docs/sync.md).
 */
import { liveQuery } from 'dexie';
import { isNewer, latestAt, mergeRecords, recordKey, type RemovalRecord, type SyncRecord } from '$lib/domain/sync';
import { ALL_DATA, bumpDataVersion } from './data-version';
import { db } from './factdeck-db';
import { readTables } from './snapshot-tables';
import { finishRebuild, rebuildChunk } from './sync-rebuild';
import type { SyncAccount, SyncRecordRow } from './sync-rows';
import { recordingAccount, syncSession } from './sync-session';
import {
  advanceClock,
  applyRecords,
  getState,
  heldLive,
  heldRemovals,
  localStamp,
  pendingCount,
  recordRow,
  setState,
  syncTables
} from './sync-store';

export type { SyncAccount };
export { acknowledge, pendingCount, pendingRecords } from './sync-store';

export async function loadSyncAccount(): Promise<SyncAccount | null> {
  return (await getState('account')) ?? null;
}

/** Where sync stands, for Settings. */
export interface SyncOverview {
  account: SyncAccount | null;
  pending: number;
  lastSyncedAt: number | null;
}

/** Follows where sync stands, in this tab and others; returns the function that stops. */
export function watchSync(listener: (overview: SyncOverview) => void): () => void {
  const subscription = liveQuery(async () => ({
    account: (await getState('account')) ?? null,
    pending: await pendingCount(),
    lastSyncedAt: (await getState('lastSyncedAt')) ?? null
  })).subscribe({ next: listener, error: () => {} });
  return () => subscription.unsubscribe();
}

/**
 * Starts joining an account (created, linked or recovered): what a previous account left here is
 * forgotten (the tables stay), and nothing is recorded until the device's own data is merged in.
 */
export function beginJoin(account: Omit<SyncAccount, 'phase'>): Promise<void> {
  return db.transaction('rw', db.syncRecords, db.syncState, db.deckChanges, async () => {
    await db.syncRecords.clear();
    await Promise.all([
      db.syncState.bulkDelete(['cursor', 'lastSyncedAt', 'regraded']),
      setState('account', { ...account, phase: 'joining' }),
      setState('cursor', 0)
    ]);
    syncSession.account = null;
  });
}

/** While joining: stores a pulled batch as held records, without touching the tables. */
export function storeJoinBatch(records: readonly SyncRecord[], cursor: number): Promise<void> {
  return db.transaction('rw', db.syncRecords, db.syncState, async () => {
    const rows = await db.syncRecords.bulkGet(records.map((r) => recordRow(r, false).key));
    const newest = new Map<string, SyncRecordRow>();
    records.forEach((r, i) => {
      const row = recordRow(r, false);
      const held = newest.get(row.key)?.record ?? rows[i]?.record;
      if (!held || (r.kind !== 'removal' && isNewer(r, held))) newest.set(row.key, row);
    });
    await db.syncRecords.bulkPut([...newest.values()]);
    if (records.length) await advanceClock(latestAt(records));
    await setState('cursor', cursor);
  });
}

/**
 * Once everything the account holds is here: this device's own tables become records (those the
 * account lacks, as a restore merge would), waiting to be sent; from now on every change is recorded.
 */
export function mergeOwnData(now: Date): Promise<void> {
  return db.transaction('rw', syncTables(), async () => {
    const account = await getState('account');
    if (!account || account.phase !== 'joining') return;
    const own = await readTables(db);
    const hasOwn = own.reviewLogs.length + own.cardStates.length + own.quizAttempts.length + own.decks.length > 0;
    const hasPrefs = own.settings.some((s) => s.key === 'preferences');
    if (hasOwn || hasPrefs) {
      const removals = await heldRemovals();
      const live = (await heldLive()).filter((r) => !removals.takes(r));
      const records = mergeRecords(live, own, await localStamp(account, now));
      await db.syncRecords.bulkPut(records.map((r) => recordRow(r, true)));
      if (records.length) await advanceClock(latestAt(records));
    }
    const next: SyncAccount = { ...account, phase: 'rebuilding' };
    await setState('account', next);
    syncSession.account = recordingAccount(next);
  });
}

/** Rebuilds every table from the records, a chunk per transaction (so studying is not held up), then marks the join done. */
export async function rebuildForJoin(onProgress?: (scope: string) => void): Promise<void> {
  for (let after: string | null = ''; after !== null;) {
    const from: string = after;
    after = await db.transaction('rw', syncTables(), () => rebuildChunk(from));
    if (after !== null) onProgress?.(after);
  }
  await db.transaction('rw', syncTables(), async () => {
    await finishRebuild();
    const account = await getState('account');
    if (account?.phase === 'rebuilding') {
      const next: SyncAccount = { ...account, phase: 'on' };
      await setState('account', next);
      syncSession.account = recordingAccount(next);
    }
  });
}

/**
 * Applies a pulled batch to every table in one transaction, and moves the cursor past it. A deck
 * deleted or all progress reset on another device bumps the data versions, as it does here, so an
 * open session stops (data-version.ts); other pulled changes it follows (deck-changes.ts).
 */
export function applyPulled(records: readonly SyncRecord[], cursor: number): Promise<void> {
  return db.transaction('rw', syncTables(), async () => {
    const removals = records.filter(
      (r): r is RemovalRecord => r.kind === 'removal' && (r.scope.type === 'deck' || r.scope.type === 'all')
    );
    const held = await db.syncRecords.bulkGet(removals.map(recordKey));
    await applyRecords(records, { local: false });
    await setState('cursor', cursor);
    const at = Date.now();
    for (const [i, r] of removals.entries())
      if (!held[i]) await bumpDataVersion(r.scope.type === 'deck' ? r.scope.deckId : ALL_DATA, 'synced', at);
  });
}

export async function syncCursor(): Promise<number> {
  return (await getState('cursor')) ?? 0;
}

/** The server no longer knows the cursor (its data was restored): pull everything again. */
export function resetCursor(): Promise<void> {
  return setState('cursor', 0);
}

export function recordSynced(now: Date): Promise<void> {
  return setState('lastSyncedAt', now.getTime());
}

async function updateAccount(change: (account: SyncAccount) => SyncAccount): Promise<void> {
  await db.transaction('rw', db.syncState, async () => {
    const account = await getState('account');
    if (account) await setState('account', change(account));
  });
}

/** Turns sync off or on again; changes keep being recorded, to be sent when it is on. */
export const setSyncPaused = (paused: boolean) => updateAccount((a) => ({ ...a, paused }));

/** The learner has written the recovery key down: it is not kept. */
export const forgetRecoveryKey = () => updateAccount(({ recoveryKey: _k, ...a }) => a);

/**
 * This device leaves its account (it was removed, or the learner turns sync on afresh): the account,
 * its records and cursor are forgotten; every table stays as it is.
 */
export function leaveSync(): Promise<void> {
  return db.transaction('rw', db.syncRecords, db.syncState, async () => {
    await db.syncRecords.clear();
    await db.syncState.bulkDelete(['account', 'cursor', 'lastSyncedAt', 'regraded']);
    syncSession.account = null;
  });
}
