import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  DEFAULT_SETTINGS,
  Scheduler,
  type BackupData,
  type BackupFile,
  type Deck,
  type RatingValue
} from '$lib/domain';
import { BackupError, parseBackupText } from '$lib/domain/backup-parse';
import * as t from '$lib/text';
import {
  backupStatus,
  exportBackup,
  previewRestore,
  readAllData,
  recordBackup,
  resetAllProgress,
  restoreBackup,
  type RestoreMode
} from './backup.repo';
import { saveImportedDeck } from './decks.repo';
import { db } from './factdeck-db';
import { gradeCard, setSuspended } from './progress.repo';
import { saveQuizAttempt } from './quiz.repo';
import { saveSettings } from './settings.repo';
import { listSnapshots } from './snapshots.repo';

// The app's own scheduler: fuzz on, as in study sessions.
const scheduler = new Scheduler({ desiredRetention: 0.9 });
const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');

const deck: Deck = {
  id: 'spanish',
  title: 'Spanish',
  description: 'Words',
  language: 'es',
  tags: [],
  cards: [{ id: 'perro', type: 'basic', front: 'perro', back: 'dog' }]
};

/** Ids of the built-in decks, which a deck in a backup may not take. */
const BUILT_IN: ReadonlySet<string> = new Set(['world-capitals', 'deck']);

const grade = (cardId: string, rating: RatingValue, at: number, deckId = 'deck') =>
  gradeCard({ deckId, cardId, rating, now: new Date(at), elapsedMs: 3000, scheduler });

/** Some of everything: states, logs (with a leech-free lapse), a suspended new card, a quiz, a deck, settings. */
async function study() {
  await saveSettings({ ...DEFAULT_SETTINGS, limits: { newPerDay: 7, reviewsPerDay: 70 } });
  await saveImportedDeck(deck, {
    fileName: 'spanish.csv',
    format: 'csv',
    now: new Date(T0),
    deleteRemovedProgress: false
  });
  for (const [i, card] of ['a', 'b', 'c'].entries()) {
    let s = (await grade(card, 3, T0 + i * 1000)).progress;
    s = (await grade(card, (i + 2) as RatingValue, s.due)).progress;
    await grade(card, i === 0 ? 1 : 3, s.due + DAY);
  }
  await grade('perro', 4, T0 + 5000, 'spanish');
  await setSuspended('deck', 'never-seen', true, new Date(T0));
  await saveQuizAttempt({
    deckId: 'deck',
    startedAt: T0,
    finishedAt: T0 + 60_000,
    seed: 7,
    correct: 1,
    total: 1,
    answers: [
      {
        questionId: 'typed:a',
        type: 'typed',
        itemIds: ['a'],
        missed: [],
        prompt: 'A?',
        given: 'a',
        rightAnswer: 'a',
        right: true,
        almost: true
      }
    ]
  });
}

const wipe = async () => {
  await db.delete();
  await db.open();
};

/**
 * What the Settings page does: read the file's text, check it, restore it. A file that cannot be
 * restored rejects with its problem's code, where it is, and the words the page shows.
 */
async function restoreText(text: string, mode: RestoreMode = 'replace') {
  let file: BackupFile;
  try {
    file = await parseBackupText(text);
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    const { problem } = e;
    throw Object.assign(new Error(t.backupProblems.words(problem)), {
      code: problem.code,
      path: problem.code === 'invalid' ? problem.path : null
    });
  }
  return restoreBackup(file, mode, new Date(T0 + 30 * DAY), BUILT_IN);
}

beforeEach(() => db.open());
afterEach(() => db.delete());

describe("a backup holding a deck with a built-in deck's id (issue 21)", () => {
  test.each(['replace', 'merge'] as const)(
    '%s: the deck is renamed as an import renames it, with its progress',
    async (mode) => {
      await saveImportedDeck(
        { ...deck, id: 'world-capitals', title: 'Fake capitals' },
        {
          fileName: 'x.csv',
          format: 'csv',
          now: new Date(T0),
          deleteRemovedProgress: false
        }
      );
      await grade('perro', 3, T0, 'world-capitals');
      await grade('lima', 3, T0, 'world-capitals');
      const file = JSON.stringify(await exportBackup('1', new Date(T0 + DAY)));
      await wipe();
      await restoreText(file, mode);
      expect((await db.decks.toArray()).map((d) => [d.id, d.deck.id, d.deck.title])).toEqual([
        ['world-capitals-imported', 'world-capitals-imported', 'Fake capitals']
      ]);
      // The fake deck's own card moves with it; a card only the built-in deck could have stays.
      expect((await db.cardStates.toArray()).map((s) => `${s.deckId}/${s.cardId}`).sort()).toEqual([
        'world-capitals-imported/perro',
        'world-capitals/lima'
      ]);
      expect((await db.reviewLogs.toArray()).map((l) => l.deckId).sort()).toEqual([
        'world-capitals',
        'world-capitals-imported'
      ]);
    }
  );

  test("the merge help says what a merge does with settings: a device that never changed them takes the file's", () => {
    expect(t.settings.mergeHelp).toMatch(/never changed are taken from the file/);
  });
});

describe('download and restore', () => {
  test('export, wipe, restore: every table is identical', async () => {
    await study();
    const before = await readAllData();
    expect(before.reviewLogs).toHaveLength(10);
    const text = JSON.stringify(await exportBackup('1.2.3', new Date(T0 + 10 * DAY)));
    await wipe();
    expect((await readAllData()).reviewLogs).toEqual([]);
    await restoreText(text);
    const after = await readAllData();
    expect({ ...after, settings: [] }).toEqual({ ...before, settings: [] });
    // The settings as they were, and the restored file counted as this device's last backup.
    expect(after.settings).toEqual(
      [...before.settings, { key: 'lastBackupAt', value: T0 + 10 * DAY }].sort((a, b) => (a.key < b.key ? -1 : 1))
    );
  });

  test('after "Replace everything", the device does not say that no backup was ever downloaded', async () => {
    await study();
    const text = JSON.stringify(await exportBackup('1.2.3', new Date(T0 + 10 * DAY)));
    await wipe();
    await restoreText(text, 'replace');
    expect((await backupStatus(new Date(T0 + 30 * DAY))).lastBackupAt).toBe(T0 + 10 * DAY);
  });

  test('the file says what it is, which app wrote it, when, and carries a checksum', async () => {
    await study();
    const file = await exportBackup('1.2.3', new Date(T0));
    expect(file).toMatchObject({
      format: 'factdeck-backup',
      formatVersion: 1,
      appVersion: '1.2.3',
      exportedAt: new Date(T0).toISOString()
    });
    expect(file.checksum).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(Object.keys(file.data).sort()).toEqual(['cardStates', 'decks', 'quizAttempts', 'reviewLogs', 'settings']);
  });

  describe('a bad file is rejected with a reason, and nothing is written', () => {
    let text: string;
    let before: BackupData;
    beforeEach(async () => {
      await study();
      text = JSON.stringify(await exportBackup('1.2.3', new Date(T0)), null, 1);
      // A different device state, so that a restore that went through would show.
      await wipe();
      await grade('x', 3, T0);
      before = await readAllData();
    });
    afterEach(async () => {
      expect(await readAllData()).toEqual(before);
      expect(await listSnapshots()).toEqual([]);
    });
    const edit = (change: (f: BackupFile) => void) => {
      const f = JSON.parse(text) as BackupFile;
      change(f);
      return JSON.stringify(f);
    };

    test('one byte changed', async () => {
      const at = text.indexOf('"elapsedMs": 3000');
      const changed = text.slice(0, at + 13) + '4' + text.slice(at + 14);
      expect(changed).toHaveLength(text.length);
      await expect(restoreText(changed)).rejects.toMatchObject({
        code: 'checksum',
        message: expect.stringMatching(/changed or damaged after it was downloaded/)
      });
    });

    test('a missing field', async () => {
      await expect(
        restoreText(edit((f) => delete (f.data.reviewLogs[2] as Partial<(typeof f.data.reviewLogs)[0]>).after))
      ).rejects.toMatchObject({
        code: 'invalid',
        path: 'data.reviewLogs[2].after',
        message: 'This backup cannot be restored: data.reviewLogs[2].after: missing field.'
      });
    });

    test('a field of the wrong kind, and an unknown field', async () => {
      await expect(restoreText(edit((f) => ((f.data.reviewLogs[1] as { rating: number }).rating = 5)))).rejects.toThrow(
        'data.reviewLogs[1].rating: must be 1, 2, 3 or 4'
      );
      await expect(
        restoreText(edit((f) => ((f.data.cardStates[0] as unknown as Record<string, unknown>).color = 'red')))
      ).rejects.toThrow('data.cardStates[0]: unknown field "color"');
    });

    test('a deck inside that is not a valid deck', async () => {
      await expect(restoreText(edit((f) => (f.data.decks[0].deck.cards[0].id = 'Not A Slug')))).rejects.toThrow(
        /^This backup cannot be restored: data\.decks\[0\]\.deck\.cards\[0\]\.id: must be a slug/
      );
    });

    test('a file from a newer format version', async () => {
      await expect(
        restoreText(edit((f) => ((f as { formatVersion: number }).formatVersion = 2)))
      ).rejects.toMatchObject({
        code: 'newer-format',
        message: expect.stringMatching(/made by a newer version of Factdeck/)
      });
    });

    test('a file that is not JSON, or not a backup, says so in words, never the parser’s', async () => {
      await expect(restoreText(text.slice(0, -2))).rejects.toMatchObject({
        code: 'not-json',
        message: expect.stringMatching(/^This backup is cut short: it ends at line \d+ before it is complete\./)
      });
      await expect(restoreText('{"title": "a deck"}')).rejects.toMatchObject({ code: 'not-backup' });
      // A picture chosen by mistake, read as text the way the browser does.
      const png = new TextDecoder().decode(
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
      );
      const error = await restoreText(png).catch((e: Error) => e);
      expect(error).toMatchObject({ code: 'not-text', message: expect.stringMatching(/is not a text file/) });
      expect((error as Error).message).not.toMatch(/Unexpected|token|PNG/);
      await expect(restoreText('  \n')).rejects.toMatchObject({ code: 'empty-file' });
      await expect(restoreText('Dear diary,\nnot a backup')).rejects.toMatchObject({
        code: 'not-json',
        message: 'This file is not a Factdeck backup: its text is not JSON (line 1, column 1).'
      });
    });

    test('a restore that fails while writing changes nothing', async () => {
      const fail = () => {
        throw new Error('quota');
      };
      db.decks.hook('creating', fail);
      try {
        await expect(restoreText(text)).rejects.toThrow('quota');
      } finally {
        db.decks.hook('creating').unsubscribe(fail);
      }
    });
  });
});

describe('merge', () => {
  // Device A and device B share a history, then each studies on; some cards on both.
  const shared: [string, RatingValue, number][] = [
    ['a', 3, T0],
    ['b', 3, T0 + 1000],
    ['c', 4, T0 + 2000]
  ];
  const onA: [string, RatingValue, number][] = [
    ['a', 3, T0 + 1 * DAY],
    ['b', 1, T0 + 2 * DAY],
    ['a', 3, T0 + 6 * DAY],
    ['d', 3, T0 + 7 * DAY]
  ];
  const onB: [string, RatingValue, number][] = [
    ['a', 2, T0 + 3 * DAY],
    ['c', 3, T0 + 4 * DAY],
    ['b', 3, T0 + 5 * DAY],
    ['e', 4, T0 + 8 * DAY]
  ];
  const apply = async (reviews: [string, RatingValue, number][]) => {
    for (const [card, rating, at] of reviews) await grade(card, rating, at);
  };

  test('two backups that share reviews: each review once, and card states as if every review was made on one device', async () => {
    await apply(shared);
    const common = JSON.stringify(await exportBackup('1', new Date(T0 + DAY / 2)));
    await apply(onA);
    const fileA = JSON.stringify(await exportBackup('1', new Date(T0 + 10 * DAY)));
    await wipe();
    await restoreText(common);
    await apply(onB);
    const fileB = await parseBackupText(JSON.stringify(await exportBackup('1', new Date(T0 + 10 * DAY))));

    await wipe();
    await restoreText(fileA);
    const preview = await previewRestore(fileB, BUILT_IN);
    expect(preview.reviews).toEqual({ inFileOnly: 4, hereOnly: 4, inBoth: 3 });
    expect(preview.cards).toEqual({ inFileOnly: 1, hereOnly: 1, inBoth: 3 });
    await restoreBackup(fileB, 'merge', new Date(T0 + 10 * DAY), BUILT_IN);
    const merged = await readAllData();
    const ids = merged.reviewLogs.map((l) => l.id);
    expect(ids).toHaveLength(shared.length + onA.length + onB.length);
    expect(new Set(ids).size).toBe(ids.length);

    // The same reviews graded on one device, in time order.
    await wipe();
    await apply([...shared, ...onA, ...onB].sort((x, y) => x[2] - y[2]));
    const oneDevice = await readAllData();
    expect(merged.cardStates).toEqual(oneDevice.cardStates);
    // The log still explains each state: before and after as the one device recorded them.
    const logKey = (l: { cardId: string; reviewedAt: number }) => `${l.cardId}@${l.reviewedAt}`;
    const strip = ({ id: _id, ...rest }: BackupData['reviewLogs'][number]) => rest;
    const byTime = (d: BackupData) => d.reviewLogs.map(strip).sort((x, y) => (logKey(x) < logKey(y) ? -1 : 1));
    expect(byTime(merged)).toEqual(byTime(oneDevice));

    // Merging the same file again changes nothing.
    await wipe();
    await restoreBackup(fileB, 'replace', new Date(T0), BUILT_IN);
    await restoreText(fileA, 'merge');
    const again = await readAllData();
    expect(again.cardStates).toEqual(oneDevice.cardStates);
    await restoreText(fileA, 'merge');
    expect((await readAllData()).reviewLogs).toEqual(again.reviewLogs);
  });

  test("merge keeps this device's settings and the newer version of an imported deck", async () => {
    await saveSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.8 });
    await saveImportedDeck(deck, { fileName: 'a.csv', format: 'csv', now: new Date(T0), deleteRemovedProgress: false });
    const older = await parseBackupText(JSON.stringify(await exportBackup('1', new Date(T0))));
    const renamed = { ...deck, title: 'Spanish words' };
    await saveImportedDeck(renamed, {
      fileName: 'b.csv',
      format: 'csv',
      now: new Date(T0 + DAY),
      deleteRemovedProgress: false
    });
    await saveSettings({ ...DEFAULT_SETTINGS, desiredRetention: 0.95 });
    const here = await readAllData();
    await restoreBackup(older, 'merge', new Date(T0 + 2 * DAY), BUILT_IN);
    const after = await readAllData();
    expect(after.settings).toEqual(here.settings);
    expect(after.decks.map((d) => d.deck.title)).toEqual(['Spanish words']);
  });
});

describe('reset and reminder', () => {
  test('reset all progress keeps imported decks and settings, after a snapshot', async () => {
    await study();
    const before = await readAllData();
    await resetAllProgress(new Date(T0 + DAY));
    const after = await readAllData();
    expect(after).toEqual({ ...before, cardStates: [], reviewLogs: [], quizAttempts: [] });
    const [latest] = await listSnapshots();
    expect(latest).toMatchObject({ reason: 'reset', counts: { reviewLogs: 10, quizAttempts: 1 } });
  });

  test('the reminder comes after a week of study without a backup, and a backup ends it', async () => {
    expect(await backupStatus(new Date(T0))).toEqual({ lastBackupAt: null, unsavedReviews: 0, reminder: false });
    await grade('a', 3, T0);
    expect((await backupStatus(new Date(T0 + 6 * DAY))).reminder).toBe(false);
    expect(await backupStatus(new Date(T0 + 7 * DAY))).toEqual({
      lastBackupAt: null,
      unsavedReviews: 1,
      reminder: true
    });
    await recordBackup(new Date(T0 + 7 * DAY));
    expect((await backupStatus(new Date(T0 + 30 * DAY))).reminder).toBe(false);
    await grade('a', 3, T0 + 8 * DAY);
    expect(await backupStatus(new Date(T0 + 14 * DAY))).toMatchObject({ unsavedReviews: 1, reminder: false });
    expect((await backupStatus(new Date(T0 + 15 * DAY))).reminder).toBe(true);
  });
});
