import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { Scheduler, type Deck } from '$lib/domain';
import { exportBackup, readAllData, resetAllProgress, restoreBackup } from './backup.repo';
import { saveImportedDeck } from './decks.repo';
import { db } from './factdeck-db';
import { gradeCard } from './progress.repo';
import { deleteSnapshot, listSnapshots, restoreSnapshot, SNAPSHOTS_KEPT, watchSnapshots } from './snapshots.repo';

const scheduler = new Scheduler({ desiredRetention: 0.9 });
const T0 = Date.parse('2026-03-02T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const grade = (cardId: string, minutes: number) =>
  gradeCard({ deckId: 'deck', cardId, rating: 3, now: at(minutes), elapsedMs: 1000, scheduler });
const deck = (title: string): Deck => ({
  id: 'words',
  title,
  description: 'Words',
  language: 'en',
  tags: [],
  cards: [{ id: 'one', type: 'basic', front: 'one', back: '1' }]
});
const importDeck = (title: string, minutes: number) =>
  saveImportedDeck(deck(title), { fileName: null, format: 'csv', now: at(minutes), deleteRemovedProgress: false });

beforeEach(() => db.open());
afterEach(() => db.delete());

describe('snapshots', () => {
  test('an import takes one, holding everything as it was before; restoring it undoes the import', async () => {
    await importDeck('First', 0);
    expect(await listSnapshots()).toEqual([]); // nothing to keep yet
    await grade('a', 1);
    const before = await readAllData();
    await importDeck('Second', 2);
    const [snap] = await listSnapshots();
    expect(snap).toMatchObject({
      reason: 'import',
      takenAt: at(2).getTime(),
      counts: { cardStates: 1, reviewLogs: 1, decks: 1, settings: 0, quizAttempts: 0 }
    });
    await restoreSnapshot(snap.id, at(3));
    expect(await readAllData()).toEqual(before);
    // The restore took a snapshot too, so it can itself be undone.
    const [undo] = await listSnapshots();
    expect(undo).toMatchObject({ reason: 'restore', takenAt: at(3).getTime() });
    await restoreSnapshot(undo.id, at(4));
    expect((await readAllData()).decks[0].deck.title).toBe('Second');
  });

  test('a restore and a reset take one; only the last three are kept', async () => {
    await grade('a', 0);
    const file = await exportBackup('1', at(1));
    await importDeck('One', 2);
    await restoreBackup(file, 'replace', at(3), new Set());
    await grade('b', 4);
    await resetAllProgress(at(5));
    await grade('c', 5.5);
    await importDeck('Two', 6);
    const list = await listSnapshots();
    expect(list).toHaveLength(SNAPSHOTS_KEPT);
    expect(list.map((s) => [s.reason, s.takenAt])).toEqual([
      ['import', at(6).getTime()],
      ['reset', at(5).getTime()],
      ['restore', at(3).getTime()]
    ]);
    expect(await db.snapshotData.count()).toBe(SNAPSHOTS_KEPT);
    // The reset's snapshot holds the two reviews it removed.
    await restoreSnapshot(list[1].id, at(7));
    expect((await readAllData()).reviewLogs.map((l) => l.cardId)).toEqual(['a', 'b']);
  });

  test('a snapshot that is gone cannot be restored, and nothing changes', async () => {
    await grade('a', 0);
    const before = await readAllData();
    await expect(restoreSnapshot(99, at(1))).rejects.toThrow('no longer exists');
    expect(await readAllData()).toEqual(before);
  });

  test('deleting one removes it and its rows, and leaves the rest and the data as they are', async () => {
    await importDeck('First', 0);
    await grade('a', 1);
    await importDeck('Second', 2);
    await grade('b', 3);
    await importDeck('Third', 4);
    const [newer, older] = await listSnapshots();
    const before = await readAllData();
    await deleteSnapshot(older.id);
    expect((await listSnapshots()).map((s) => s.id)).toEqual([newer.id]);
    expect(await db.snapshotData.toCollection().primaryKeys()).toEqual([newer.id]);
    expect(await readAllData()).toEqual(before);
  });

  test('a list that follows the snapshots hears of one deleted elsewhere (the free-space choices on Settings)', async () => {
    await importDeck('First', 0);
    await grade('a', 1);
    await importDeck('Second', 2);
    await grade('b', 3);
    await importDeck('Third', 4);
    const seen: number[][] = [];
    const stop = watchSnapshots((list) => seen.push(list.map((s) => s.id)));
    const [newer, older] = await listSnapshots();
    await expect.poll(() => seen.at(-1)).toEqual([newer.id, older.id]);
    await deleteSnapshot(older.id);
    await expect.poll(() => seen.at(-1)).toEqual([newer.id]);
    stop();
  });

  test('a reset without a snapshot, for a full device, clears progress, takes none and tells open sessions', async () => {
    await importDeck('First', 0);
    await grade('a', 1);
    await resetAllProgress(at(2), { snapshot: false });
    const data = await readAllData();
    expect([data.cardStates.length, data.reviewLogs.length, data.decks.length]).toEqual([0, 0, 1]);
    expect(await listSnapshots()).toEqual([]);
    expect(await db.dataVersions.get('*')).toMatchObject({ version: 1, change: 'reset' });
  });
});
