/**
 * An Anki package import as the import page drives it, on the real database (fake-indexeddb), with
 * the package read in place of its Web Worker: the preview, what Import saves, and what the learner
 * is told when the package, the reader or the device says no.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { db } from '$lib/db';
import { Scheduler } from '$lib/domain';
import {
  readAnkiPackage,
  replayAnkiHistory,
  sqlJsOpener,
  type OpenSqlite,
  type PackageRead,
  type PackageRequest
} from '$lib/domain/import/anki-package';
import * as t from '$lib/text';
import { AnkiImport, MAX_PACKAGE_BYTES } from './anki-import.svelte';

const NOW = new Date('2024-03-01T09:00:00Z');
let openSqlite: OpenSqlite;
let reads: PackageRequest[];

beforeAll(async () => {
  openSqlite = sqlJsOpener(await initSqlJs());
});
beforeEach(async () => {
  reads = [];
  await db.open();
});
afterEach(async () => {
  vi.unstubAllGlobals();
  await db.delete();
});

/** What the import worker does (src/routes/import/read-package.ts), without a worker. */
async function read(
  bytes: ArrayBuffer,
  request: PackageRequest,
  onProgress: (fraction: number) => void
): Promise<PackageRead> {
  reads.push(request);
  const result = await readAnkiPackage({
    bytes: new Uint8Array(bytes),
    fileName: request.fileName,
    language: request.language,
    naming: t.import.naming,
    openSqlite,
    onProgress: (f) => onProgress(f * 0.9)
  });
  const scheduler = new Scheduler({ desiredRetention: request.desiredRetention });
  const histories = result.decks.map((d) =>
    replayAnkiHistory(d.deck.id, d.reviews, d.suspended, scheduler, new Date(request.now))
  );
  onProgress(1);
  return { result, histories };
}

const fixture = (name: string) => new File([readFileSync(`tests/fixtures/anki/${name}`)], name);

describe('AnkiImport', () => {
  test('a package is previewed, and nothing is written until Import saves decks, media and history', async () => {
    const anki = new AnkiImport(read, []);
    await anki.useFile(fixture('current.apkg'), 'fr');

    expect(anki.fileName).toBe('current.apkg');
    expect(anki.error).toBeNull();
    expect(anki.busy).toBe(false);
    expect(anki.progress).toBe(1);
    expect(reads).toMatchObject([{ fileName: 'current.apkg', language: 'fr', desiredRetention: 0.9 }]);
    expect(anki.decks.map((d) => [d.id, d.title])).toEqual([
      ['languages-french', 'Languages::French'],
      ['geography', 'Geography']
    ]);
    expect(anki.problems).toEqual([]);
    expect(anki.reviews).toBeGreaterThan(0);
    expect(anki.mediaBytes).toBe(anki.read!.result.media.reduce((n, m) => n + m.bytes.length, 0));
    expect(anki.mediaBytes).toBeGreaterThan(0);
    expect(anki.plans.map((p) => p.update)).toEqual([false, false]);
    expect(anki.estimate?.needed).toBeGreaterThan(anki.mediaBytes);
    expect(anki.keepHistory).toBe(true);
    expect(anki.canImport).toBe(true);
    expect(await db.decks.count()).toBe(0);
    expect(await db.media.count()).toBe(0);

    expect(await anki.save(NOW)).toBe('languages-french');
    expect(anki.busy).toBe(false);
    expect(anki.error).toBeNull();
    const saved = await db.decks.toArray();
    expect(saved.map((d) => [d.id, d.format, d.fileName])).toEqual([
      ['geography', 'anki-package', 'current.apkg'],
      ['languages-french', 'anki-package', 'current.apkg']
    ]);
    expect(await db.media.count()).toBe(anki.read!.result.media.length);
    expect(await db.reviewLogs.count()).toBe(anki.reviews);
    expect(await db.cardStates.count()).toBeGreaterThan(0);
  });

  test('without "Keep my Anki review history", saves the decks and media only', async () => {
    const anki = new AnkiImport(read, []);
    await anki.useFile(fixture('current.apkg'), 'en');
    anki.keepHistory = false;
    await anki.save(NOW);
    expect(await db.decks.count()).toBe(2);
    expect(await db.media.count()).toBe(anki.read!.result.media.length);
    expect(await db.reviewLogs.count()).toBe(0);
    expect(await db.cardStates.count()).toBe(0);
  });

  test('a deck with the id of a built-in deck gets "-imported" added, and its history follows it', async () => {
    const anki = new AnkiImport(read, ['languages-french']);
    await anki.useFile(fixture('current.apkg'), 'en');
    expect(anki.decks.map((d) => d.id)).toEqual(['languages-french-imported', 'geography']);
    const frenchReviews = anki.read!.histories[0].logs.length;
    expect(frenchReviews).toBeGreaterThan(0);

    expect(await anki.save(NOW)).toBe('languages-french-imported');
    expect((await db.decks.toArray()).map((d) => d.id)).toEqual(['geography', 'languages-french-imported']);
    expect(await db.reviewLogs.where('deckId').equals('languages-french-imported').count()).toBe(frenchReviews);
    expect(await db.reviewLogs.where('deckId').equals('languages-french').count()).toBe(0);
    expect(await db.cardStates.where('deckId').equals('languages-french').count()).toBe(0);
  });

  test('a package over the limit is refused before it is read', async () => {
    const anki = new AnkiImport(read, []);
    const big = new File(['x'], 'huge.apkg');
    Object.defineProperty(big, 'size', { value: MAX_PACKAGE_BYTES + 1 });
    await anki.useFile(big, 'en');
    expect(anki.error).toBe(
      t.ankiPackage.problem({ code: 'package-too-large', bytes: MAX_PACKAGE_BYTES + 1, limit: MAX_PACKAGE_BYTES })
    );
    expect(reads).toEqual([]);
    expect(anki.read).toBeNull();
    expect(anki.canImport).toBe(false);
  });

  test('a damaged package shows its problem, cannot be imported, and writes nothing', async () => {
    const anki = new AnkiImport(read, []);
    await anki.useFile(fixture('damaged-truncated.apkg'), 'en');
    expect(anki.problems.map((p) => p.code)).toEqual(['damaged-zip']);
    expect(anki.decks).toEqual([]);
    expect(anki.canImport).toBe(false);
    expect(await anki.save(NOW)).toBeNull();
    expect(await db.decks.count()).toBe(0);
    expect(await db.media.count()).toBe(0);

    // Choosing a good package afterwards starts afresh.
    await anki.useFile(fixture('current.apkg'), 'en');
    expect(anki.problems).toEqual([]);
    expect(anki.canImport).toBe(true);
  });

  test('a reader that fails is reported, and the previous preview is gone', async () => {
    let fail = false;
    const anki = new AnkiImport(
      (...args) => (fail ? Promise.reject(new Error(t.import.workerStopped)) : read(...args)),
      []
    );
    await anki.useFile(fixture('current.apkg'), 'en');
    fail = true;
    await anki.useFile(fixture('current.apkg'), 'en');
    expect(anki.error).toBe(t.import.readFailed(t.import.workerStopped));
    expect(anki.read).toBeNull();
    expect(anki.decks).toEqual([]);
    expect(anki.busy).toBe(false);
    expect(anki.canImport).toBe(false);
  });

  test('a package larger than the room the browser has left cannot be imported', async () => {
    vi.stubGlobal('navigator', { storage: { estimate: async () => ({ quota: 10_000, usage: 9_000 }) } });
    const anki = new AnkiImport(read, []);
    await anki.useFile(fixture('current.apkg'), 'en');
    expect(anki.estimate).toEqual({ needed: expect.any(Number), available: 1_000 });
    expect(anki.estimate!.needed).toBeGreaterThan(1_000);
    expect(anki.tooBig).toBe(true);
    expect(anki.canImport).toBe(false);
    expect(await anki.save(NOW)).toBeNull();
    expect(await db.decks.count()).toBe(0);
  });

  test('a save the device has no room for is reported and writes nothing', async () => {
    const anki = new AnkiImport(read, []);
    await anki.useFile(fixture('current.apkg'), 'en');
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.reviewLogs.hook('creating', full);
    try {
      expect(await anki.save(NOW)).toBeNull();
    } finally {
      db.reviewLogs.hook('creating').unsubscribe(full);
    }
    expect(anki.error).toBe(t.error.storageFull(t.import.saveFailed.full));
    expect(anki.busy).toBe(false);
    expect(await db.decks.count()).toBe(0);
    expect(await db.media.count()).toBe(0);
    expect(await db.cardStates.count()).toBe(0);
  });
});
