import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, Scheduler, type BackupData, type Card, type Deck } from '$lib/domain';
import {
  markRecord,
  materialize,
  removalRecord,
  reviewRecord,
  sortedData,
  type SyncedData,
  type SyncRecord
} from '$lib/domain/sync';
import { MemorySyncServer } from '$lib/domain/sync/memory-server';
import { Replica } from '$lib/domain/sync/replica';
import { readAllData, resetAllProgress, restoreBackup } from './backup.repo';
import { deleteImportedDeck, saveImportedDeck } from './decks.repo';
import { db } from './factdeck-db';
import { checkData } from './integrity.repo';
import { gradeCard, resetCard, setSuspended, undoReview } from './progress.repo';
import { saveQuizAttempt } from './quiz.repo';
import { bucketsMatch } from './review-buckets';
import { loadSettings, updateSettings } from './settings.repo';
import { restoreSnapshot, listSnapshots } from './snapshots.repo';
import {
  acknowledge,
  applyPulled,
  beginJoin,
  leaveSync,
  loadSyncAccount,
  mergeOwnData,
  pendingCount,
  pendingRecords,
  rebuildForJoin,
  storeJoinBatch,
  syncCursor
} from './sync-account.repo';

const scheduler = new Scheduler({ desiredRetention: 0.9 });
const T0 = Date.parse('2026-03-02T09:00:00Z');
const DAY = 86_400_000;
const grade = (cardId: string, rating: 1 | 2 | 3 | 4, at: number, deckId = 'b') =>
  gradeCard({ deckId, cardId, rating, now: new Date(at), elapsedMs: 1000, scheduler });
/** As a study session grades: with the state it holds, so the writes go out with the read. */
const gradeAsSession = async (cardId: string, rating: 1 | 2 | 3 | 4, at: number) =>
  gradeCard({
    deckId: 'b',
    cardId,
    rating,
    now: new Date(at),
    elapsedMs: 1000,
    scheduler,
    expected: (await db.cardStates.get(['b', cardId])) ?? null
  });

/** The tables as the records they should follow. */
async function tables(): Promise<SyncedData> {
  const data = await readAllData();
  return sortedData({ ...data, preferences: await loadSettings() });
}
async function held(): Promise<SyncRecord[]> {
  return (await db.syncRecords.toArray()).map((r) => r.record);
}
async function expectTablesFollowRecords() {
  expect(await tables()).toEqual(materialize(await held()));
  expect(await bucketsMatch(db.reviewBuckets, await db.reviewLogs.toArray())).toBe(true);
}

/** Turns sync on for a new account (nothing to pull), as "Turn on sync" does. */
async function turnOn(deviceId = 'phone', pulled: SyncRecord[] = []) {
  await beginJoin({ accountId: 'acc', deviceId, token: 't', deviceName: 'Phone' });
  if (pulled.length) await storeJoinBatch(pulled, pulled.length);
  await mergeOwnData(new Date(T0));
  await rebuildForJoin();
}

const card = (id: string): Card => ({ id, type: 'basic', front: id, back: id.toUpperCase() });
const deck = (ids: string[]): Deck => ({
  id: 'imp',
  title: 'Imp',
  description: '',
  language: 'en',
  tags: [],
  cards: ids.map(card)
});

beforeEach(() => db.open());
afterEach(() => db.delete());

describe('with sync off', () => {
  test('nothing is recorded', async () => {
    await grade('x', 3, T0);
    await setSuspended('b', 'y', true, new Date(T0));
    await updateSettings({ theme: 'dark' });
    expect(await db.syncRecords.count()).toBe(0);
  });
});

describe('turning sync on', () => {
  test("the device's own data becomes records waiting to be sent; the tables follow the records", async () => {
    await grade('x', 3, T0);
    await grade('x', 3, T0 + DAY);
    await setSuspended('b', 'x', true, new Date(T0 + DAY));
    await setSuspended('b', 'y', true, new Date(T0));
    await updateSettings({ desiredRetention: 0.85 });
    await saveImportedDeck(deck(['p', 'q']), {
      fileName: null,
      format: 'csv',
      now: new Date(T0),
      deleteRemovedProgress: false
    });
    const before = await tables();
    await turnOn();
    expect((await loadSyncAccount())?.phase).toBe('on');
    // The same, but a card suspended before any review is new as of its mark.
    const after = await tables();
    expect(after.cardStates.find((s) => s.cardId === 'y')).toMatchObject({ suspended: true, reps: 0 });
    const notY = (d: SyncedData) => ({ ...d, cardStates: d.cardStates.filter((s) => s.cardId !== 'y') });
    expect(notY(after)).toEqual(notY(before));
    await expectTablesFollowRecords();
    // 2 reviews, 2 marks, 1 preference, 1 deck.
    expect(await pendingCount()).toBe(6);
  });

  test("linking merges the account's records and this device's data", async () => {
    const other = new Replica('laptop');
    other.grade('b', 'x', 3, T0);
    other.changePreferences({ desiredRetention: 0.8 }, T0);
    await grade('y', 4, T0 + 1000);
    await updateSettings({ desiredRetention: 0.95, theme: 'dark' });
    await turnOn('phone', other.held());
    const data = await tables();
    expect(data.cardStates.map((s) => s.cardId)).toEqual(['x', 'y']);
    expect(data.preferences).toMatchObject({ desiredRetention: 0.8, theme: 'dark' });
    await expectTablesFollowRecords();
  });
});

describe('with sync on, every change is recorded in its own transaction', () => {
  beforeEach(() => turnOn());

  test('grade, undo, suspend, reset a card', async () => {
    const a = await gradeAsSession('x', 3, T0);
    await gradeAsSession('x', 3, T0 + DAY);
    await expectTablesFollowRecords();
    expect((await pendingRecords(10)).map((r) => r.id)).toContain(a.log.id);
    const last = await grade('x', 1, T0 + 2 * DAY);
    const restored = await undoReview(last.log.id, new Date(T0 + 2 * DAY + 1));
    expect(restored).toMatchObject({ reps: 2 });
    await expectTablesFollowRecords();
    await setSuspended('b', 'x', true, new Date(T0 + 3 * DAY));
    await setSuspended('b', 'new', true, new Date(T0 + 3 * DAY));
    await expectTablesFollowRecords();
    expect((await db.cardStates.get(['b', 'x']))?.suspended).toBe(true);
    await resetCard('b', 'x', new Date(T0 + 4 * DAY));
    expect(await db.reviewLogs.count()).toBe(0);
    await expectTablesFollowRecords();
  });

  test('import, re-import deleting removed progress, delete the deck', async () => {
    const now = new Date(T0);
    await saveImportedDeck(deck(['p', 'q']), { fileName: null, format: 'csv', now, deleteRemovedProgress: false });
    await grade('p', 3, T0 + 1, 'imp');
    await grade('q', 3, T0 + 2, 'imp');
    await saveImportedDeck(deck(['p']), {
      fileName: null,
      format: 'csv',
      now: new Date(T0 + 3),
      deleteRemovedProgress: true
    });
    expect((await db.cardStates.toArray()).map((s) => s.cardId)).toEqual(['p']);
    await expectTablesFollowRecords();
    await saveQuizAttempt({
      deckId: 'imp',
      startedAt: T0,
      finishedAt: T0 + 5,
      seed: 1,
      answers: [],
      correct: 0,
      total: 0
    });
    await deleteImportedDeck('imp', new Date(T0 + 10));
    expect(await db.decks.count()).toBe(0);
    expect(await db.cardStates.count()).toBe(0);
    expect(await db.quizAttempts.count()).toBe(0);
    await expectTablesFollowRecords();
  });

  test('preferences: one record per changed field', async () => {
    await updateSettings({ theme: 'light', limits: { newPerDay: 3, reviewsPerDay: 30 } });
    const settings = (await held()).filter((r) => r.kind === 'setting').map((r) => r.id);
    expect(settings.sort()).toEqual(['limits', 'theme']);
    expect(await loadSettings()).toMatchObject({ theme: 'light', limits: { newPerDay: 3 } });
    await expectTablesFollowRecords();
  });

  test('reset all, restore a snapshot, restore a backup (replace and merge), check data', async () => {
    await grade('x', 3, T0);
    await grade('y', 3, T0 + 1);
    const backup: BackupData = await readAllData();
    await resetAllProgress(new Date(T0 + 2));
    expect(await db.reviewLogs.count()).toBe(0);
    await expectTablesFollowRecords();
    const [snapshot] = await listSnapshots();
    await restoreSnapshot(snapshot.id, new Date(T0 + 3));
    expect(await db.reviewLogs.count()).toBe(2);
    await expectTablesFollowRecords();
    await grade('z', 3, T0 + 4);
    await restoreBackup({ data: backup } as never, 'replace', new Date(T0 + 5), new Set());
    expect((await db.cardStates.toArray()).map((s) => s.cardId)).toEqual(['x', 'y']);
    await expectTablesFollowRecords();
    await grade('z', 3, T0 + 6);
    await restoreBackup(
      { data: { ...backup, cardStates: [], reviewLogs: [] } } as never,
      'merge',
      new Date(T0 + 7),
      new Set()
    );
    expect(await db.cardStates.count()).toBe(3);
    await expectTablesFollowRecords();

    // A row the records lack (written behind sync's back) becomes a record; a wrong state is rebuilt.
    await db.cardStates.update(['b', 'x'], { reps: 99 });
    const report = await checkData(new Map([['b', new Set(['x', 'y', 'z'])]]), new Date(T0 + 8));
    expect(report.repaired).toHaveLength(1);
    await expectTablesFollowRecords();
    expect((await db.cardStates.get(['b', 'x']))?.reps).toBe(1);
  });
});

describe('applying pulled records', () => {
  beforeEach(() => turnOn());

  test('a pulled grade rebuilds that card alone; a pulled removal takes it away; the cursor moves', async () => {
    await grade('x', 3, T0);
    const other = new Replica('laptop');
    const r = other.grade('b', 'y', 4, T0 + 1000);
    await applyPulled([reviewRecord(r, { device: 'laptop', at: T0 + 1000 })], 7);
    expect(await syncCursor()).toBe(7);
    expect((await db.cardStates.toArray()).map((s) => s.cardId)).toEqual(['x', 'y']);
    await expectTablesFollowRecords();
    const versions = (await db.deckChanges.get('b'))?.version ?? 0;
    const stamp = { device: 'laptop', at: T0 + 2000, newId: () => 'rm-1' };
    await applyPulled([removalRecord({ type: 'review', logId: r.id }, stamp), markRecord('b', 'x', true, stamp)], 9);
    expect((await db.cardStates.toArray()).map((s) => [s.cardId, !!s.suspended])).toEqual([['x', true]]);
    expect((await db.deckChanges.get('b'))?.version).toBe(versions + 1);
    await expectTablesFollowRecords();
    // The same batch again changes nothing.
    await applyPulled([removalRecord({ type: 'review', logId: r.id }, stamp), markRecord('b', 'x', true, stamp)], 9);
    expect((await db.deckChanges.get('b'))?.version).toBe(versions + 1);
  });

  test('an acknowledged record stops waiting, unless a newer version replaced it meanwhile', async () => {
    await setSuspended('b', 'x', true, new Date(T0));
    const sent = await pendingRecords(10);
    await setSuspended('b', 'x', false, new Date(T0 + 1));
    await acknowledge(sent);
    expect((await pendingRecords(10)).map((r) => r.kind === 'mark' && r.suspended)).toEqual([false]);
    await acknowledge(await pendingRecords(10));
    expect(await pendingCount()).toBe(0);
  });

  test('leaving sync keeps every table and forgets the records', async () => {
    await grade('x', 3, T0);
    const before = await tables();
    await leaveSync();
    expect(await tables()).toEqual(before);
    expect(await db.syncRecords.count()).toBe(0);
    expect(await loadSyncAccount()).toBeNull();
  });
});

describe('the Dexie client and an in-memory device converge through the server', () => {
  test('random grades, undos, suspensions and settings on both, synced both ways', async () => {
    const server = new MemorySyncServer();
    await turnOn('phone');
    const laptop = new Replica('laptop');
    laptop.join(server, T0);
    let now = T0;
    const items = ['x', 'y', 'z'];
    const sync = async () => {
      for (let sent = await pendingRecords(5); sent.length; sent = await pendingRecords(5)) {
        server.push('phone', sent, now);
        await acknowledge(sent);
      }
      for (let more = true; more;) {
        const page = server.pull(await syncCursor(), 4);
        await applyPulled(page.records, page.cursor);
        more = page.more;
      }
      laptop.syncAll(server, now);
    };
    /** Every grade given on either device and not undone. */
    const made = new Set<string>();
    for (let i = 0; i < 60; i++) {
      now += (i % 5) * 3_600_000 + 60_000;
      const item = items[(i * 7) % 3];
      const rating = ((i * 5) % 4) + 1;
      if (i % 3 === 0) made.add(laptop.grade('b', item, rating as 1, now).id);
      else if (i % 2) made.add((await grade(item, rating as 1, now)).log.id);
      else made.add((await gradeAsSession(item, rating as 1, now)).log.id);
      if (i % 11 === 4) {
        const last = (await db.reviewLogs.toArray())
          .filter((l) => l.cardId === item)
          .sort((a, b) => a.reviewedAt - b.reviewedAt)
          .at(-1);
        if (last && (await undoReview(last.id, new Date(now))) !== undefined) made.delete(last.id);
      }
      if (i % 13 === 6)
        await setSuspended('b', item, !(await db.cardStates.get(['b', item]))?.suspended, new Date(now));
      if (i % 17 === 8) laptop.changePreferences({ desiredRetention: 0.8 + (i % 3) * 0.05 }, now);
      if (i % 7 === 3) await sync();
    }
    await sync();
    await sync();
    await expectTablesFollowRecords();
    const mine = await tables();
    expect(new Set(mine.reviewLogs.map((l) => l.id))).toEqual(made);
    expect(mine).toEqual(laptop.data());
    expect(mine.preferences).toEqual({ ...DEFAULT_SETTINGS, desiredRetention: mine.preferences.desiredRetention });
  });
});
