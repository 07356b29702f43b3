import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { Scheduler } from '$lib/domain';
import { readAnkiPackage, replayAnkiHistory, sqlJsOpener, type PackageResult } from '$lib/domain/import/anki-package';
import { saveAnkiImport, type AnkiDeckToSave } from './anki-import.repo';
import { deleteImportedDeck } from './decks.repo';
import { db } from './factdeck-db';
import { getMedia, mediaUsage } from './media.repo';
import { gradeCard } from './progress.repo';

const scheduler = new Scheduler({ desiredRetention: 0.9, fuzz: false });
const NOW = new Date('2024-03-01T09:00:00Z');
let result: PackageResult;

beforeAll(async () => {
  const bytes = new Uint8Array(readFileSync('tests/fixtures/anki/current.apkg'));
  result = await readAnkiPackage({ bytes, fileName: 'current.apkg', openSqlite: sqlJsOpener(await initSqlJs()) });
});
beforeEach(() => db.open());
afterEach(() => db.delete());

const toSave = (keepHistory: boolean): AnkiDeckToSave[] =>
  result.decks.map((d) => ({
    deck: d.deck,
    ...(keepHistory ? replayAnkiHistory(d.deck.id, d.reviews, d.suspended, scheduler, NOW) : { logs: [], states: [] })
  }));
const save = (keepHistory = true, now = NOW) =>
  saveAnkiImport(toSave(keepHistory), result.media, {
    fileName: 'current.apkg',
    now,
    deleteRemovedProgress: false,
    scheduler
  });
const french = () => result.decks[0].deck;
const chat = () => french().cards.find((c) => 'front' in c && c.front === 'le chat')!.id;

describe('saving an Anki import', () => {
  test('stores every deck, each media file once as a Blob, and the history with its states', async () => {
    const saved = await save();
    expect(saved.decks.map((d) => [d.id, d.format, d.fileName])).toEqual([
      ['languages-french', 'anki-package', 'current.apkg'],
      ['geography', 'anki-package', 'current.apkg']
    ]);
    const flag = result.media.find((m) => m.ext === 'png')!;
    const row = (await getMedia(flag.hash))!;
    expect(row.blob).toBeInstanceOf(Blob);
    expect(row.blob.type).toBe('image/png');
    expect(new Uint8Array(await row.blob.arrayBuffer())).toEqual(flag.bytes);
    expect(await mediaUsage()).toEqual({ files: 2, bytes: result.media.reduce((n, m) => n + m.bytes.length, 0) });
    expect(saved.mediaBytes).toBe((await mediaUsage()).bytes);

    const logs = await db.reviewLogs.where('[deckId+cardId]').equals(['languages-french', chat()]).toArray();
    expect(logs.map((l) => l.rating)).toEqual([3, 3, 3, 1, 3, 4, 3]);
    expect(await db.cardStates.get(['languages-french', chat()])).toMatchObject({ reps: 7, lapses: 1 });
    const parler = french().cards.find((c) => 'front' in c && c.front === 'parler')!.id;
    expect(await db.cardStates.get(['languages-french', parler])).toMatchObject({ suspended: true, reps: 0 });
  });

  test('without history, saves the decks and media only', async () => {
    await save(false);
    expect(await db.decks.count()).toBe(2);
    expect(await db.reviewLogs.count()).toBe(0);
    expect(await db.cardStates.count()).toBe(0);
    expect((await mediaUsage()).files).toBe(2);
  });

  test('importing the same package again adds nothing and keeps progress made here', async () => {
    await save();
    const before = await db.reviewLogs.count();
    await gradeCard({
      deckId: 'languages-french',
      cardId: chat(),
      rating: 3,
      now: new Date('2024-03-02T09:00:00Z'),
      elapsedMs: 1,
      scheduler
    });
    await save(true, new Date('2024-03-03T09:00:00Z'));
    expect(await db.reviewLogs.count()).toBe(before + 1);
    expect(await db.cardStates.get(['languages-french', chat()])).toMatchObject({ reps: 8 });
    expect((await mediaUsage()).files).toBe(2);
  });

  test('Anki history meeting progress made here is replayed together, in time order', async () => {
    // Studied here first, before the Anki history is imported.
    await save(false);
    await gradeCard({
      deckId: 'languages-french',
      cardId: chat(),
      rating: 1,
      now: new Date('2024-01-20T09:00:00Z'),
      elapsedMs: 1,
      scheduler
    });
    await save(true, new Date('2024-03-03T09:00:00Z'));
    const logs = await db.reviewLogs.where('[deckId+cardId]').equals(['languages-french', chat()]).sortBy('reviewedAt');
    expect(logs.map((l) => l.rating)).toEqual([3, 3, 3, 1, 3, 4, 3, 1]);
    expect(await db.cardStates.get(['languages-french', chat()])).toMatchObject({ reps: 8 });
    logs.slice(1).forEach((row, i) => expect(row.before).toEqual(logs[i].after));
  });

  test('deleting a deck deletes the media no other deck, and no snapshot, shows', async () => {
    await save();
    const [wav, png] = [result.media.find((m) => m.ext === 'wav')!, result.media.find((m) => m.ext === 'png')!];
    await deleteImportedDeck('languages-french');
    // Geography shows the flag too; only French showed the sound.
    expect(await getMedia(wav.hash)).toBeUndefined();
    expect(await getMedia(png.hash)).toBeDefined();
    await deleteImportedDeck('geography');
    expect(await mediaUsage()).toEqual({ files: 0, bytes: 0 });
  });

  test('media stays while a snapshot could bring its deck back', async () => {
    await save();
    await save(true, new Date('2024-03-03T09:00:00Z')); // its snapshot holds both decks
    await deleteImportedDeck('languages-french');
    await deleteImportedDeck('geography');
    expect((await mediaUsage()).files).toBe(2);
  });
});
