import { describe, expect, test } from 'vitest';
import type { BackupData } from './backup';
import { canonicalJson } from './backup-file';
import { diffBackup, mergeBackupData } from './backup-merge';
import { State, type CardProgress, type ReviewLogEntry, type SchedulingState } from './progress';
import { Scheduler, type RatingValue } from './scheduler';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const empty = (): BackupData => ({ cardStates: [], reviewLogs: [], settings: [], quizAttempts: [], decks: [] });

/** Grades one card through `ratings`, each due date later, as gradeCard would store it. */
function history(scheduler: Scheduler, cardId: string, ratings: RatingValue[], start = T0) {
  let before: SchedulingState | null = null;
  let at = start;
  const logs: ReviewLogEntry[] = ratings.map((rating, i) => {
    const after = scheduler.next(before, new Date(at), rating);
    const log: ReviewLogEntry = {
      id: `${cardId}-${i}`,
      deckId: 'd',
      cardId,
      rating,
      reviewedAt: at,
      elapsedMs: 1000,
      before,
      stateBefore: before ? before.state : State.New,
      after
    };
    before = after;
    at = Math.max(after.due, at + DAY / 2);
    return log;
  });
  const state: CardProgress = { deckId: 'd', cardId, ...before! };
  return { logs, state };
}

const RATINGS: RatingValue[] = [3, 3, 4, 3, 1, 3, 3, 2, 3, 4];

describe('replaying a review log', () => {
  test('ts-fsrs fuzz is seeded by the review: two schedulers grading the same reviews agree, fuzz included', () => {
    const a = history(new Scheduler({ desiredRetention: 0.9 }), 'x', RATINGS);
    const b = history(new Scheduler({ desiredRetention: 0.9 }), 'x', RATINGS);
    expect(b).toEqual(a);
    // Fuzz really played a part: without it the intervals differ.
    const plain = history(new Scheduler({ desiredRetention: 0.9, fuzz: false }), 'x', RATINGS);
    expect(plain.state).not.toEqual(a.state);
  });

  test('a log whose rows do not chain is graded again, in time order, and its rows rewritten to chain', () => {
    const scheduler = new Scheduler({ desiredRetention: 0.9 });
    const { logs, state } = history(scheduler, 'x', RATINGS);
    // The same reviews as two devices would have recorded them: each from its own stale state.
    const broken = logs.map((l, i) => (i % 3 === 2 ? { ...l, before: null, stateBefore: State.New } : l));
    const merged = mergeBackupData(empty(), { ...empty(), reviewLogs: [...broken].reverse() }, scheduler);
    expect(merged.cardStates).toEqual([state]);
    expect(merged.reviewLogs).toEqual(logs);
  });

  test('rows that chain keep what they recorded, even from another desired retention', () => {
    const then = history(new Scheduler({ desiredRetention: 0.8 }), 'x', RATINGS);
    const merged = mergeBackupData(
      { ...empty(), cardStates: [then.state], reviewLogs: then.logs.slice(0, 4) },
      { ...empty(), cardStates: [then.state], reviewLogs: then.logs },
      new Scheduler({ desiredRetention: 0.95 })
    );
    expect(merged.cardStates).toEqual([then.state]);
    expect(merged.reviewLogs).toEqual(then.logs);
  });
});

describe('mergeBackupData', () => {
  const scheduler = new Scheduler({ desiredRetention: 0.9 });

  test('keeps never-reviewed rows and suspended and leech marks from either side', () => {
    const x = history(scheduler, 'x', [3, 3]);
    const fresh: CardProgress = {
      deckId: 'd',
      cardId: 'new',
      ...scheduler.next(null, new Date(T0), 3),
      suspended: true
    };
    const here: BackupData = { ...empty(), cardStates: [{ ...x.state, suspended: true }, fresh], reviewLogs: x.logs };
    const there: BackupData = {
      ...empty(),
      cardStates: [{ ...x.state, leech: true, suspended: true }],
      reviewLogs: x.logs
    };
    const merged = mergeBackupData(here, there, scheduler);
    expect(merged.cardStates).toEqual([{ ...x.state, suspended: true, leech: true }, fresh]);
    expect(merged.reviewLogs).toEqual(x.logs);
  });

  test("quiz attempts by id, the newer deck, this device's settings plus keys only the file has", () => {
    const attempt = (id: string) => ({
      id,
      deckId: 'd',
      startedAt: 0,
      finishedAt: 1,
      seed: 1,
      answers: [],
      correct: 0,
      total: 0
    });
    const deck = (title: string, updatedAt: number) => ({
      id: 'd',
      deck: { id: 'd', title, description: 'x', language: 'en', tags: [], cards: [] },
      fileName: null,
      format: 'csv',
      importedAt: 0,
      updatedAt,
      changed: {}
    });
    const here: BackupData = {
      ...empty(),
      quizAttempts: [attempt('q1'), attempt('q2')],
      decks: [deck('Old', 1)],
      settings: [{ key: 'preferences', value: { desiredRetention: 0.8 } }]
    };
    const file: BackupData = {
      ...empty(),
      quizAttempts: [attempt('q2'), attempt('q3')],
      decks: [deck('New', 2)],
      settings: [
        { key: 'preferences', value: { desiredRetention: 0.95 } },
        { key: 'lastBackupAt', value: 5 }
      ]
    };
    const merged = mergeBackupData(here, file, scheduler);
    expect(merged.quizAttempts.map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
    expect(merged.decks.map((d) => d.deck.title)).toEqual(['New']);
    expect(merged.settings).toEqual([here.settings[0], file.settings[1]]);
    expect(mergeBackupData(file, here, scheduler).decks.map((d) => d.deck.title)).toEqual(['New']);

    const diff = diffBackup(here, file);
    expect(diff.quizAttempts).toEqual({ inFileOnly: 1, hereOnly: 1, inBoth: 1 });
    expect(diff.decks).toMatchObject({ inBoth: 1, fromFile: ['New'], lostByReplace: [] });
    expect(diff.settingsDiffer).toBe(true);
    // When the last backup was made is about the device, not a setting the learner chose.
    const sameChoices = { ...here, settings: [...here.settings, { key: 'lastBackupAt', value: 9 }] };
    expect(diffBackup(here, sameChoices).settingsDiffer).toBe(false);
    expect(diff.file).toMatchObject({ quizAttempts: 2, decks: 1, settings: 2 });
  });
});

test('canonical JSON does not depend on key order', () => {
  expect(canonicalJson({ b: 1, a: { d: [{ y: 1, x: 2 }], c: null } })).toBe(
    canonicalJson({ a: { c: null, d: [{ x: 2, y: 1 }] }, b: 1 })
  );
  expect(canonicalJson({ b: 1, a: undefined })).toBe('{"b":1}');
});
