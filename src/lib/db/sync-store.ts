/**
 * The records this device holds, and applying records to its tables (docs/sync.md): pulled records
 * and those written here go through the same `applyRecords`, inside the transaction of the change, so
 * the records and every table change together. Each batch reads only the held records of what it
 * touches (`acceptIncoming`), rebuilds those rows (`rebuild`), and writes only the rows that differ.
 */
import { v7 as uuidv7 } from 'uuid';
import type { CardProgress, ReviewLogEntry } from '$lib/domain';
import {
  acceptIncoming,
  itemKey,
  latestAt,
  nextAt,
  rebuild,
  recordKey,
  Removals,
  type HeldVersion,
  type MaterializedItem,
  type Rebuilt,
  type RebuildScope,
  type RemovalRecord,
  type SettingRecord,
  type Stamp,
  type SyncRecord
} from '$lib/domain/sync';
import { db } from './factdeck-db';
import type { SyncAccount, SyncRecordRow, SyncStateKey, SyncStateValues } from './sync-rows';
import { recordingAccount, syncSession } from './sync-session';

/** Every table applying records may write. A change that records itself runs in a transaction over these. */
export const syncTables = () => [
  db.syncRecords,
  db.syncState,
  db.deckChanges,
  db.cardStates,
  db.reviewLogs,
  db.quizAttempts,
  db.decks,
  db.settings,
  // Not written by applying records; here so a change that records itself can bump data versions too.
  db.dataVersions
];

const PREFERENCES = 'preferences';
const HIGH = '\uffff';

/** Where reads find a record: its study item for reviews and marks, its deck for quiz attempts. */
export function scopeOf(r: SyncRecord): string | undefined {
  if (r.kind === 'review') return itemKey(r.row.deckId, r.row.cardId);
  if (r.kind === 'mark') return r.id;
  if (r.kind === 'quiz') return `${r.row.deckId}/`;
  return undefined;
}

export function recordRow(record: SyncRecord, pending: boolean): SyncRecordRow {
  const scope = scopeOf(record);
  return {
    key: recordKey(record),
    ...(scope === undefined ? {} : { scope }),
    ...(pending ? { pending: 1 } : {}),
    record
  };
}

export async function getState<K extends SyncStateKey>(key: K): Promise<SyncStateValues[K] | undefined> {
  const row = await db.syncState.get(key);
  return row?.value as SyncStateValues[K] | undefined;
}

export async function setState<K extends SyncStateKey>(key: K, value: SyncStateValues[K]): Promise<void> {
  await db.syncState.put({ key, value } as never);
}

/** The account while this device records its changes (read in the caller's transaction), else null. */
export async function recordingNow(): Promise<SyncAccount | null> {
  const account = recordingAccount(await getState('account'));
  syncSession.account = account;
  return account;
}

/** Who writes local records and when: the next `at` after everything this device holds or wrote. */
export async function localStamp(account: SyncAccount, now: Date): Promise<Stamp> {
  const at = nextAt(now.getTime(), Math.max(syncSession.lastAt, (await getState('lastAt')) ?? 0));
  return { device: account.deviceId, at, newId: () => uuidv7({ msecs: at }) };
}

/** Notes that this device holds or wrote a record as late as `at`. */
export async function advanceClock(at: number): Promise<void> {
  syncSession.lastAt = Math.max(syncSession.lastAt, at);
  const stored = (await getState('lastAt')) ?? 0;
  if (at > stored) await setState('lastAt', at);
}

function keyRange(kind: string) {
  return db.syncRecords.where(':id').between(`${kind}:`, `${kind}:${HIGH}`);
}

export async function heldRemovals(): Promise<Removals> {
  const rows = await keyRange('removal').toArray();
  return new Removals(rows.map((r) => r.record as RemovalRecord));
}

export async function heldSettings(): Promise<SettingRecord[]> {
  return (await keyRange('setting').toArray()).map((r) => r.record as SettingRecord);
}

/** Every live record held (removals aside). */
export async function heldLive(): Promise<SyncRecord[]> {
  return (await db.syncRecords.toArray()).filter((r) => r.record.kind !== 'removal').map((r) => r.record);
}

/** The held records a change touches (see `RebuildInput.held`). */
async function readScope(scope: RebuildScope): Promise<SyncRecord[]> {
  if (scope.all) return heldLive();
  const items = new Set(scope.items);
  if (scope.logIds.size) {
    const rows = await db.syncRecords.bulkGet([...scope.logIds].map((id) => `review:${id}`));
    for (const row of rows) if (row?.scope) items.add(row.scope);
  }
  if (scope.regraded) for (const key of (await getState('regraded')) ?? []) items.add(key);
  const reads: Promise<(SyncRecordRow | undefined)[]>[] = [];
  if (items.size)
    reads.push(
      db.syncRecords
        .where('scope')
        .anyOf([...items])
        .toArray()
    );
  for (const deckId of scope.decks)
    reads.push(db.syncRecords.where('scope').between(`${deckId}/`, `${deckId}/${HIGH}`, true, true).toArray());
  if (scope.quizzes.size) reads.push(db.syncRecords.bulkGet([...scope.quizzes].map((id) => `quiz:${id}`)));
  const byKey = new Map<string, SyncRecord>();
  for (const rows of await Promise.all(reads)) for (const row of rows) if (row) byKey.set(row.key, row.record);
  return [...byKey.values()];
}

/** Whether two stored values (plain JSON-like rows) are equal, whatever the order of their keys. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * Writes each study item's rebuilt state and log, changing only the rows that differ; keeps the set
 * of items whose rows were graded again. Returns the decks whose rows changed.
 */
export async function writeItems(items: readonly MaterializedItem[]): Promise<Set<string>> {
  const changedDecks = new Set<string>();
  if (!items.length) return changedDecks;
  const keys = items.map((i): [string, string] => [i.deckId, i.cardId]);
  const [states, logs, regraded] = await Promise.all([
    db.cardStates.bulkGet(keys),
    db.reviewLogs.where('[deckId+cardId]').anyOf(keys).toArray(),
    getState('regraded')
  ]);
  const oldLogs = new Map<string, ReviewLogEntry[]>();
  for (const log of logs) {
    const key = itemKey(log.deckId, log.cardId);
    oldLogs.set(key, [...(oldLogs.get(key) ?? []), log]);
  }
  const putStates: CardProgress[] = [];
  const deleteStates: [string, string][] = [];
  const putLogs: ReviewLogEntry[] = [];
  const deleteLogs: string[] = [];
  const regradedSet = new Set(regraded ?? []);
  let regradedChanged = false;
  items.forEach((item, i) => {
    const key = itemKey(item.deckId, item.cardId);
    const before = new Map((oldLogs.get(key) ?? []).map((l) => [l.id, l]));
    let changed = false;
    for (const log of item.logs) {
      const old = before.get(log.id);
      before.delete(log.id);
      if (!old || !sameValue(old, log)) {
        putLogs.push(log);
        changed = true;
      }
    }
    for (const id of before.keys()) {
      deleteLogs.push(id);
      changed = true;
    }
    if (item.state) {
      if (!states[i] || !sameValue(states[i], item.state)) {
        putStates.push(item.state);
        changed = true;
      }
    } else if (states[i]) {
      deleteStates.push(keys[i]);
      changed = true;
    }
    if (item.regraded !== regradedSet.has(key)) {
      if (item.regraded) regradedSet.add(key);
      else regradedSet.delete(key);
      regradedChanged = true;
    }
    if (changed) changedDecks.add(item.deckId);
  });
  await Promise.all([
    deleteLogs.length ? db.reviewLogs.bulkDelete(deleteLogs) : null,
    putLogs.length ? db.reviewLogs.bulkPut(putLogs) : null,
    deleteStates.length ? db.cardStates.bulkDelete(deleteStates) : null,
    putStates.length ? db.cardStates.bulkPut(putStates) : null,
    regradedChanged ? setState('regraded', [...regradedSet].sort()) : null
  ]);
  return changedDecks;
}

/** Tells open study sessions (in any tab) that these decks' rows changed. */
export async function bumpDecks(deckIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(deckIds)];
  if (!ids.length) return;
  const rows = await db.deckChanges.bulkGet(ids);
  await db.deckChanges.bulkPut(ids.map((deckId, i) => ({ deckId, version: (rows[i]?.version ?? 0) + 1 })));
}

async function writeRebuilt(out: Rebuilt, local: boolean): Promise<void> {
  const decks = await writeItems(out.items);
  const quizRows = out.quizAttempts.remove.length ? await db.quizAttempts.bulkGet(out.quizAttempts.remove) : [];
  for (const q of [...out.quizAttempts.put, ...quizRows]) if (q) decks.add(q.deckId);
  for (const d of [...out.decks.put.map((d) => d.id), ...out.decks.remove]) decks.add(d);
  await Promise.all([
    out.quizAttempts.put.length ? db.quizAttempts.bulkPut(out.quizAttempts.put) : null,
    out.quizAttempts.remove.length ? db.quizAttempts.bulkDelete(out.quizAttempts.remove) : null,
    out.decks.put.length ? db.decks.bulkPut(out.decks.put) : null,
    out.decks.remove.length ? db.decks.bulkDelete(out.decks.remove) : null,
    out.preferences ? db.settings.put({ key: PREFERENCES, value: out.preferences }) : null,
    out.records.remove.length ? db.syncRecords.bulkDelete(out.records.remove) : null,
    bumpDecks(decks)
  ]);
  if (out.records.put.length) await db.syncRecords.bulkPut(out.records.put.map((r) => recordRow(r, local)));
}

/**
 * Applies records (pulled, or written here with `local`) inside the caller's transaction over
 * `syncTables()`: the records newer than those held are stored (local ones as not yet sent), and
 * every row they touch is rebuilt. Returns what was rebuilt.
 */
export async function applyRecords(records: readonly SyncRecord[], { local }: { local: boolean }): Promise<Rebuilt> {
  const keys = [...new Set(records.map(recordKey))];
  const [rows, removals] = await Promise.all([db.syncRecords.bulkGet(keys), heldRemovals()]);
  const held = new Map<string, HeldVersion>();
  rows.forEach((row, i) => {
    if (row) held.set(keys[i], row.record);
  });
  const change = acceptIncoming(records, held, removals);
  if (records.length) await advanceClock(latestAt(records));
  const [scope, settings] = await Promise.all([readScope(change.scope), heldSettings()]);
  const out = rebuild({ change, held: scope, settings });
  await writeRebuilt(out, local);
  return out;
}

/** Records a change made here, when sync records changes: applied, and queued for the server. */
export async function recordLocal(
  account: SyncAccount,
  now: Date,
  make: (stamp: Stamp) => SyncRecord[]
): Promise<Rebuilt> {
  return applyRecords(make(await localStamp(account, now)), { local: true });
}

/** The rebuilt item of `deckId`/`cardId` in `out`, if it was touched. */
export function rebuiltItem(out: Rebuilt, deckId: string, cardId: string): MaterializedItem | undefined {
  return out.items.find((i) => i.deckId === deckId && i.cardId === cardId);
}

/** How many records wait to be sent. */
export function pendingCount(): Promise<number> {
  return db.syncRecords.where('pending').equals(1).count();
}

/** Up to `limit` records waiting to be sent. */
export async function pendingRecords(limit: number): Promise<SyncRecord[]> {
  return (await db.syncRecords.where('pending').equals(1).limit(limit).toArray()).map((r) => r.record);
}

/** The server stored (or already held) these records: they no longer wait, unless a newer version replaced them here. */
export function acknowledge(records: readonly SyncRecord[]): Promise<void> {
  return db.transaction('rw', db.syncRecords, async () => {
    const keys = records.map(recordKey);
    const rows = await db.syncRecords.bulkGet(keys);
    const done = rows.filter(
      (row, i): row is SyncRecordRow =>
        !!row?.pending && row.record.at === records[i].at && row.record.device === records[i].device
    );
    await db.syncRecords.bulkPut(done.map(({ pending: _p, ...row }) => row));
  });
}

/** Every deck with a stored card state. */
export async function decksWithStates(): Promise<string[]> {
  const keys = (await db.cardStates.toCollection().primaryKeys()) as [string, string][];
  return [...new Set(keys.map(([deckId]) => deckId))];
}
