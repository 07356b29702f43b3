/**
 * Applying records to a device without replaying everything it holds. A study item's data depends
 * only on its own reviews and mark, the removals, and the desired retention; a quiz attempt, deck or
 * preference only on its own record. So incoming records name what they touch (`acceptIncoming`),
 * the device reads just those held records, and `rebuild` gives their new rows: exactly what
 * `materialize` gives for them on everything the device then holds.
 */
import type { BackupDeckRow } from '../backup';
import type { QuizAttempt } from '../quiz-attempt';
import type { Settings } from '../settings';
import { groupLive, materializeItem, preferencesOf, schedulerFor, type MaterializedItem } from './materialize';
import { itemKey, newestVersions, recordKey } from './record-keys';
import type { Removals } from './removals';
import { isNewer, type RemovalRecord, type SettingRecord, type SyncRecord } from './sync-record';

/** What a change touches, so the device knows which held records to read. */
export interface RebuildScope {
  /** Study items (`itemKey`) whose reviews or mark changed, or that a removal names. */
  items: Set<string>;
  /** Review log ids a removal names: their items are touched too (read the held review to learn which). */
  logIds: Set<string>;
  /** Decks a removal takes from: each of their items and quiz attempts. */
  decks: Set<string>;
  /** A reset of all progress: every item and quiz attempt. */
  all: boolean;
  /** Quiz attempts whose record changed. */
  quizzes: Set<string>;
  /** Imported decks whose record changed. */
  deckRows: Set<string>;
  /** A preference changed. */
  preferences: boolean;
  /** The desired retention may have changed: items with rows graded again (`MaterializedItem.regraded`) are touched. */
  regraded: boolean;
}

export interface IncomingChange {
  /** The records that change what the device holds: newer versions not taken away, and removals it lacked. */
  accepted: SyncRecord[];
  scope: RebuildScope;
  /** The removals held, with the accepted ones. */
  removals: Removals;
}

/** The version a device holds of a record (for a removal, only that it holds it). */
export type HeldVersion = Pick<SyncRecord, 'at' | 'device'>;

/**
 * Sorts incoming records (any order, repeats, versions older than those held) into those that change
 * what the device holds, and what they touch. `held` has the device's version of each incoming key
 * (`recordKey`) it holds; `removals` every removal it holds (not changed: a new index is returned).
 */
export function acceptIncoming(
  incoming: Iterable<SyncRecord>,
  held: ReadonlyMap<string, HeldVersion>,
  removals: Removals
): IncomingChange {
  const fresh = [...newestVersions(incoming).entries()].filter(([key, r]) => {
    const mine = held.get(key);
    return !mine || (r.kind !== 'removal' && isNewer(r, mine));
  });
  const newRemovals = fresh.flatMap(([, r]) => (r.kind === 'removal' ? [r] : []));
  const index = newRemovals.length ? removals.with(newRemovals) : removals;
  const scope = emptyScope();
  const accepted: SyncRecord[] = [];
  for (const [, r] of fresh) {
    if (index.takes(r)) continue;
    accepted.push(r);
    touch(scope, r);
  }
  return { accepted, scope, removals: index };
}

function emptyScope(): RebuildScope {
  return {
    items: new Set(),
    logIds: new Set(),
    decks: new Set(),
    all: false,
    quizzes: new Set(),
    deckRows: new Set(),
    preferences: false,
    regraded: false
  };
}

function touch(scope: RebuildScope, r: SyncRecord): void {
  switch (r.kind) {
    case 'review':
      scope.items.add(itemKey(r.row.deckId, r.row.cardId));
      break;
    case 'mark':
      scope.items.add(itemKey(r.deckId, r.cardId));
      break;
    case 'quiz':
      scope.quizzes.add(r.id);
      break;
    case 'deck':
      scope.deckRows.add(r.id);
      break;
    case 'setting':
      scope.preferences = true;
      if (r.id === 'desiredRetention') scope.regraded = true;
      break;
    case 'removal':
      touchRemoval(scope, r);
  }
}

function touchRemoval(scope: RebuildScope, { scope: s }: RemovalRecord): void {
  if (s.type === 'review') scope.logIds.add(s.logId);
  else if (s.type === 'items') for (const id of s.cardIds) scope.items.add(itemKey(s.deckId, id));
  else if (s.type === 'deck') scope.decks.add(s.deckId);
  else scope.all = true;
}

export interface RebuildInput {
  /** The accepted change. */
  change: IncomingChange;
  /**
   * The held records of everything the scope touches: every review and mark of its items (and of the
   * items whose review `logIds` names), every review, mark and quiz attempt of its decks, its quiz
   * attempts; with `scope.regraded`, every record of the items held as regraded; with `scope.all`,
   * everything. Records beyond that do no harm (their items come out as they were).
   */
  held: Iterable<SyncRecord>;
  /** Every setting record held. */
  settings: Iterable<SettingRecord>;
}

/** The new rows of everything a change touches. */
export interface Rebuilt {
  /** Each touched study item: its state (null: delete it) and its whole log (delete its other rows). */
  items: MaterializedItem[];
  quizAttempts: { put: QuizAttempt[]; remove: string[] };
  decks: { put: BackupDeckRow[]; remove: string[] };
  /** The preferences, when a setting changed. */
  preferences: Settings | null;
  /** How the held records change: the accepted records to store, and the keys of held ones now taken away. */
  records: { put: SyncRecord[]; remove: string[] };
}

/** The rows `change` rebuilds, from what the device held of its scope. */
export function rebuild({ change, held, settings }: RebuildInput): Rebuilt {
  const { accepted, removals, scope } = change;
  const records = new Map<string, SyncRecord>();
  const remove: string[] = [];
  for (const r of held) {
    if (r.kind === 'removal') continue;
    const key = recordKey(r);
    records.set(key, r);
    if (removals.takes(r)) remove.push(key);
  }
  const settingRecords = new Map<string, SettingRecord>();
  for (const s of settings) settingRecords.set(s.id, s);
  for (const r of accepted) {
    if (r.kind === 'removal') continue;
    records.set(recordKey(r), r);
    if (r.kind === 'setting') settingRecords.set(r.id, r);
  }

  const live = groupLive(records.values(), removals);
  const preferences = preferencesOf(settingRecords.values());
  const scheduler = schedulerFor(preferences);
  const items = new Map<string, MaterializedItem>();
  const quizAttempts: Rebuilt['quizAttempts'] = { put: [], remove: [] };
  for (const r of records.values()) {
    if (r.kind === 'review' || r.kind === 'mark') {
      const { deckId, cardId } = r.kind === 'review' ? r.row : r;
      const key = itemKey(deckId, cardId);
      if (!items.has(key))
        items.set(key, materializeItem(live.items.get(key) ?? { deckId, cardId, reviews: [], mark: null }, scheduler));
    } else if (r.kind === 'quiz') {
      if (live.quizzes.has(r.id)) quizAttempts.put.push(r.row);
      else quizAttempts.remove.push(r.id);
    }
  }
  const decks: Rebuilt['decks'] = { put: [], remove: [] };
  for (const r of accepted)
    if (r.kind === 'deck') {
      if (r.row) decks.put.push(r.row);
      else decks.remove.push(r.id);
    }
  return {
    items: [...items.values()],
    quizAttempts,
    decks,
    preferences: scope.preferences ? preferences : null,
    records: { put: accepted, remove }
  };
}

/**
 * The rows of every study item and quiz attempt among `held`, which has all of their records: for
 * rebuilding every table a chunk of items at a time (turning sync on) without holding every record
 * in memory at once. `removals`: every removal held.
 */
export function rebuildHeld(
  held: Iterable<SyncRecord>,
  settings: Iterable<SettingRecord>,
  removals: Removals
): Pick<Rebuilt, 'items' | 'quizAttempts' | 'records'> {
  const { items, quizAttempts, records } = rebuild({
    change: { accepted: [], scope: emptyScope(), removals },
    held,
    settings
  });
  return { items, quizAttempts, records };
}
