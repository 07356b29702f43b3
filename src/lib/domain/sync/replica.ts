/**
 * A device in memory, for tests: it holds records, an outbox and its data the way the Dexie client
 * does, changes its data only through `acceptIncoming` and `rebuild` (a grade through `gradeFrom`
 * when `canGradeInPlace`), and does what a learner does with the records of local-records.ts.
 */
import { DEVICE_SETTING_KEYS, type BackupData, type BackupDeckRow } from '../backup';
import type { Deck } from '../deck.schema';
import { diffDecks } from '../deck-diff';
import { gradeFrom } from '../grade';
import type { CardProgress, ReviewLogEntry } from '../progress';
import type { QuizAttempt } from '../quiz-attempt';
import type { RatingValue } from '../scheduler';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../settings';
import { acceptIncoming, rebuild, type HeldVersion, type RebuildScope } from './incremental';
import {
  canGradeInPlace,
  deleteDeckRecords,
  importRecords,
  markRecord,
  preferenceRecords,
  quizRecord,
  removedItemIds,
  resetAllRecords,
  resetItemsRecords,
  reviewRecord,
  undoRecords,
  type Stamp
} from './local-records';
import { schedulerFor, sortedData, type SyncedData } from './materialize';
import type { MemorySyncServer } from './memory-server';
import { itemKey, newestVersions, nextAt, recordKey } from './record-keys';
import { Removals } from './removals';
import { mergeRecords, replaceRecords } from './restore-records';
import type { RemovalRecord, SettingRecord, SyncRecord } from './sync-record';

/** The study item a review or mark belongs to; null for other records. */
function itemOf(r: SyncRecord): string | null {
  if (r.kind === 'review') return itemKey(r.row.deckId, r.row.cardId);
  if (r.kind === 'mark') return itemKey(r.deckId, r.cardId);
  return null;
}

function deckOf(r: SyncRecord): string | null {
  if (r.kind === 'review' || r.kind === 'quiz') return r.row.deckId;
  if (r.kind === 'mark') return r.deckId;
  return null;
}

export class Replica {
  /** Live records held, by `recordKey`; removals apart. */
  readonly records = new Map<string, SyncRecord>();
  readonly removalRecords = new Map<string, RemovalRecord>();
  removals = new Removals();
  /** Items whose logs have rows graded again. */
  readonly regraded = new Set<string>();
  /** Records written here and not yet acknowledged by the server, by key (a newer version replaces an older one). */
  readonly outbox = new Map<string, SyncRecord>();
  cursor = 0;
  lastAt = 0;
  syncing = false;
  #ids = 0;
  /** This device's own grades, newest last, for undo. */
  readonly ownGrades: string[] = [];

  readonly states = new Map<string, CardProgress>();
  readonly logs = new Map<string, ReviewLogEntry>();
  readonly quizzes = new Map<string, QuizAttempt>();
  readonly decks = new Map<string, BackupDeckRow>();
  preferences: Settings = DEFAULT_SETTINGS;

  constructor(readonly device: string) {}

  /** The device's data as its tables hold it. */
  data(): SyncedData {
    return sortedData({
      cardStates: [...this.states.values()],
      reviewLogs: [...this.logs.values()],
      quizAttempts: [...this.quizzes.values()],
      decks: [...this.decks.values()],
      preferences: this.preferences
    });
  }

  /** Its data as a backup file holds it. */
  backup(): BackupData {
    const d = this.data();
    return {
      cardStates: d.cardStates,
      reviewLogs: d.reviewLogs,
      quizAttempts: d.quizAttempts,
      decks: d.decks,
      settings: [
        // As the settings table: a preferences row once the learner has changed one.
        ...(JSON.stringify(d.preferences) === JSON.stringify(DEFAULT_SETTINGS)
          ? []
          : [{ key: 'preferences', value: d.preferences }]),
        { key: DEVICE_SETTING_KEYS.lastBackupAt, value: 0 }
      ]
    };
  }

  /** Every record held: what `materialize` must turn into `data()`. */
  held(): SyncRecord[] {
    return [...this.records.values(), ...this.removalRecords.values()];
  }

  stamp(now: number): Stamp {
    const at = nextAt(now, this.lastAt);
    return { device: this.device, at, newId: () => `${this.device}-removal-${at}-${++this.#ids}` };
  }

  /** Applies records, pulled or written here, through the incremental path. */
  apply(incoming: readonly SyncRecord[]): void {
    const held = new Map<string, HeldVersion>();
    for (const r of incoming) {
      const key = recordKey(r);
      const mine = this.records.get(key) ?? this.removalRecords.get(key);
      if (mine) held.set(key, mine);
    }
    const change = acceptIncoming(incoming, held, this.removals);
    const out = rebuild({ change, held: this.#read(change.scope), settings: this.#settings() });
    for (const item of out.items) {
      const key = itemKey(item.deckId, item.cardId);
      for (const [id, log] of this.logs)
        if (log.deckId === item.deckId && log.cardId === item.cardId) this.logs.delete(id);
      for (const log of item.logs) this.logs.set(log.id, log);
      if (item.state) this.states.set(key, item.state);
      else this.states.delete(key);
      if (item.regraded) this.regraded.add(key);
      else this.regraded.delete(key);
    }
    for (const q of out.quizAttempts.put) this.quizzes.set(q.id, q);
    for (const id of out.quizAttempts.remove) this.quizzes.delete(id);
    for (const d of out.decks.put) this.decks.set(d.id, d);
    for (const id of out.decks.remove) this.decks.delete(id);
    if (out.preferences) this.preferences = out.preferences;
    for (const key of out.records.remove) this.records.delete(key);
    for (const r of out.records.put) {
      if (r.kind === 'removal') this.removalRecords.set(recordKey(r), r);
      else this.records.set(recordKey(r), r);
    }
    this.removals = change.removals;
    for (const r of incoming) this.lastAt = Math.max(this.lastAt, r.at);
  }

  /** What the Dexie client reads for a scope: by item, log id, deck, quiz id, the regraded items, or all. */
  #read(scope: RebuildScope): SyncRecord[] {
    const all = [...this.records.values()];
    if (scope.all) return all;
    const items = new Set(scope.items);
    for (const id of scope.logIds) {
      const r = this.records.get(`review:${id}`);
      if (r) items.add(itemOf(r)!);
    }
    if (scope.regraded) for (const key of this.regraded) items.add(key);
    return all.filter((r) => {
      const item = itemOf(r);
      const deck = deckOf(r);
      return (
        (item !== null && items.has(item)) ||
        (deck !== null && scope.decks.has(deck)) ||
        (r.kind === 'quiz' && scope.quizzes.has(r.id))
      );
    });
  }

  #settings(): SettingRecord[] {
    return [...this.records.values()].filter((r): r is SettingRecord => r.kind === 'setting');
  }

  /** Records a local change: applied here, and queued for the server while syncing. */
  #write(records: readonly SyncRecord[]): void {
    this.apply(records);
    if (this.syncing) for (const r of records) this.outbox.set(recordKey(r), r);
  }

  grade(deckId: string, cardId: string, rating: RatingValue, now: number): ReviewLogEntry {
    const stamp = this.stamp(now);
    const key = itemKey(deckId, cardId);
    const current = this.states.get(key);
    const { log, progress } = gradeFrom(
      {
        deckId,
        cardId,
        rating,
        now: new Date(now),
        elapsedMs: 1000,
        scheduler: schedulerFor(this.preferences),
        id: `${this.device}-review-${stamp.at}-${++this.#ids}`
      },
      current
    );
    const record = reviewRecord(log, stamp);
    this.ownGrades.push(log.id);
    if (!canGradeInPlace(current, new Date(now))) {
      this.#write([record]);
      return this.logs.get(log.id)!;
    }
    // As the Dexie client grades: the state and row at once, the record beside them.
    this.states.set(key, progress);
    this.logs.set(log.id, log);
    this.records.set(recordKey(record), record);
    this.lastAt = stamp.at;
    if (this.syncing) this.outbox.set(recordKey(record), record);
    return log;
  }

  /** Undo as a study session offers it: only while the grade is still the item's latest here. */
  undo(logId: string, now: number): boolean {
    const log = this.logs.get(logId);
    const state = log && this.states.get(itemKey(log.deckId, log.cardId));
    if (!log || !state || state.reps !== log.after.reps) return false;
    this.#write(undoRecords(logId, this.stamp(now)));
    this.ownGrades.splice(this.ownGrades.lastIndexOf(logId), 1);
    return true;
  }

  resetCard(deckId: string, cardId: string, now: number): void {
    this.#write(resetItemsRecords(deckId, [cardId], this.stamp(now)));
  }

  resetAll(now: number): void {
    this.#write(resetAllRecords(this.stamp(now)));
  }

  setSuspended(deckId: string, cardId: string, suspended: boolean, now: number): void {
    this.#write([markRecord(deckId, cardId, suspended, this.stamp(now))]);
  }

  /** Imports a deck as saveImportedDeck does, optionally deleting the progress of removed cards. */
  importDeck(deck: Deck, deleteRemovedProgress: boolean, now: number): void {
    const stamp = this.stamp(now);
    const existing = this.decks.get(deck.id);
    const diff = diffDecks(existing?.deck, deck);
    const keep = new Set(deck.cards.map((c) => c.id));
    const changed: Record<string, number> = {};
    for (const [id, when] of Object.entries(existing?.changed ?? {})) if (keep.has(id)) changed[id] = when;
    for (const id of diff.changed) changed[id] = stamp.at;
    const row: BackupDeckRow = {
      id: deck.id,
      deck,
      fileName: `${deck.id}.csv`,
      format: 'csv',
      importedAt: existing?.importedAt ?? stamp.at,
      updatedAt: stamp.at,
      changed
    };
    const held = [...this.states.values()].filter((s) => s.deckId === deck.id).map((s) => s.cardId);
    const remove = deleteRemovedProgress ? removedItemIds(existing?.deck, diff.removed, held) : [];
    this.#write(importRecords(row, remove, stamp));
  }

  deleteDeck(deckId: string, now: number): void {
    this.#write(deleteDeckRecords(deckId, this.stamp(now)));
  }

  changePreferences(patch: Partial<Settings>, now: number): void {
    const next = sanitizeSettings({ ...this.preferences, ...patch });
    this.#write(preferenceRecords(this.preferences, next, this.stamp(now)));
  }

  saveQuiz(attempt: Omit<QuizAttempt, 'id'>, now: number): void {
    const stamp = this.stamp(now);
    this.#write([quizRecord({ ...attempt, id: `${this.device}-quiz-${stamp.at}-${++this.#ids}` }, stamp)]);
  }

  restore(file: BackupData, mode: 'replace' | 'merge', now: number): void {
    const stamp = this.stamp(now);
    this.#write(
      mode === 'replace' ? replaceRecords(this.decks.keys(), file, stamp) : mergeRecords(this.held(), file, stamp)
    );
  }

  /**
   * Turns sync on: what the account holds is pulled first, then this device's own data is merged in
   * as records (`mergeRecords`) and everything is rebuilt from the records.
   */
  join(server: MemorySyncServer, now: number): void {
    const own = this.backup();
    const pulled: SyncRecord[] = [];
    for (let more = true; more;) {
      const page = server.pull(this.cursor, 100);
      pulled.push(...page.records);
      this.cursor = page.cursor;
      more = page.more;
    }
    for (const r of pulled) this.lastAt = Math.max(this.lastAt, r.at);
    const mine = mergeRecords(liveOf(pulled), own, this.stamp(now));
    this.#reset();
    this.apply([...pulled, ...mine]);
    this.syncing = true;
    for (const r of mine) this.outbox.set(recordKey(r), r);
  }

  #reset(): void {
    for (const m of [this.records, this.removalRecords, this.regraded, this.outbox, this.states, this.logs]) m.clear();
    this.quizzes.clear();
    this.decks.clear();
    this.removals = new Removals();
    this.preferences = DEFAULT_SETTINGS;
  }

  /** Sends up to `limit` records of the outbox; `lost` drops the answer (the server stored them). */
  push(server: MemorySyncServer, limit: number, now: number, lost = false): void {
    const batch = [...this.outbox.values()].slice(0, limit);
    if (batch.length === 0) return;
    server.push(this.device, batch, now);
    if (lost) return;
    for (const r of batch) if (this.outbox.get(recordKey(r)) === r) this.outbox.delete(recordKey(r));
  }

  /** Pulls one page; returns whether there is more. */
  pull(server: MemorySyncServer, limit: number): boolean {
    const page = server.pull(this.cursor, limit);
    this.apply(page.records);
    this.cursor = page.cursor;
    return page.more;
  }

  /** Pushes everything waiting, then pulls everything new. */
  syncAll(server: MemorySyncServer, now: number): void {
    while (this.outbox.size) this.push(server, 50, now);
    while (this.pull(server, 50));
  }
}

/** The live records among `records`: the newest versions, less what their removals take away. */
function liveOf(records: readonly SyncRecord[]): SyncRecord[] {
  const newest = [...newestVersions(records).values()];
  const removals = new Removals(newest.filter((r): r is RemovalRecord => r.kind === 'removal'));
  return newest.filter((r) => r.kind === 'removal' || !removals.takes(r));
}
