/**
 * Backups that are inconsistent or hostile (issue 21): a clock that went backwards, times outside
 * the range of dates, a deck that takes a built-in deck's id, a device still on default settings.
 */
import { describe, expect, test } from 'vitest';
import type { BackupData, BackupDeckRow } from './backup';
import { makeBackup } from './backup-file';
import { mergeBackupData } from './backup-merge';
import { parseBackupText } from './backup-parse';
import { renameShadowingDecks } from './backup-rename';
import { checkIntegrity } from './integrity';
import { State, type CardProgress, type ReviewLogEntry, type SchedulingState } from './progress';
import { Scheduler } from './scheduler';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const scheduler = new Scheduler({ desiredRetention: 0.9 });
const empty = (): BackupData => ({ cardStates: [], reviewLogs: [], settings: [], quizAttempts: [], decks: [] });

function log(id: string, reviewedAt: number, before: SchedulingState | null, after: SchedulingState): ReviewLogEntry {
  return {
    id,
    deckId: 'd',
    cardId: 'c',
    rating: 3,
    reviewedAt,
    elapsedMs: 1000,
    before,
    stateBefore: before ? before.state : State.New,
    after
  };
}

describe('a clock that went backwards', () => {
  test('grading before the last review counts as grading at it, instead of failing', () => {
    const first = scheduler.next(null, new Date(T0 + 100 * DAY), 3);
    const next = scheduler.next(first, new Date(T0 + 18 * DAY), 3);
    expect(next.reps).toBe(2);
    expect(next.lastReview).toBe(first.lastReview);
    expect(Number.isFinite(next.due) && next.due >= first.lastReview!).toBe(true);
  });

  test('a merge orders reviews by time and replays them without "Invalid delta_t"', () => {
    // Graded on a device whose clock was 82 days ahead, then reviewed on one that was right.
    const ahead = scheduler.next(null, new Date(T0 + 100 * DAY), 3);
    const here = { ...empty(), reviewLogs: [log('a', T0 + 10 * DAY, null, ahead)] };
    const stale = scheduler.next(null, new Date(T0 + 18 * DAY), 3);
    const file = { ...empty(), reviewLogs: [log('b', T0 + 18 * DAY, null, stale)] };
    const merged = mergeBackupData(here, file, scheduler);
    expect(merged.reviewLogs.map((l) => l.id)).toEqual(['a', 'b']);
    expect(merged.cardStates).toHaveLength(1);
    const [state] = merged.cardStates;
    expect(state.reps).toBe(2);
    expect(Number.isFinite(state.due) && Number.isFinite(state.stability)).toBe(true);
  });
});

describe('times outside the range of dates', () => {
  const valid = (reviewedAt: number) => {
    const after = scheduler.next(null, new Date(T0), 3);
    const data: BackupData = {
      ...empty(),
      cardStates: [{ deckId: 'd', cardId: 'c', ...after }],
      reviewLogs: [log('a', reviewedAt, null, after)]
    };
    return data;
  };

  test('a backup holding one is refused, naming the field', async () => {
    const file = await makeBackup(valid(9e15), '1', new Date(T0));
    await expect(parseBackupText(JSON.stringify(file))).rejects.toMatchObject({
      problem: {
        code: 'invalid',
        path: 'data.reviewLogs[0].reviewedAt',
        issue: { code: 'backup', check: 'time-range' }
      }
    });
    const state = await makeBackup(
      { ...valid(T0), cardStates: [{ ...valid(T0).cardStates[0], due: -9e15 }] },
      '1',
      new Date(T0)
    );
    await expect(parseBackupText(JSON.stringify(state))).rejects.toMatchObject({
      problem: { path: 'data.cardStates[0].due' }
    });
    await expect(parseBackupText(JSON.stringify(await makeBackup(valid(T0), '1', new Date(T0))))).resolves.toBeTruthy();
  });

  test('Check data sets such a review aside once, and a second run repairs nothing', () => {
    const data = valid(9e15);
    const state: CardProgress = { ...data.cardStates[0], due: 9e15, lastReview: 9e15 };
    const decks = new Map([['d', new Set(['c'])]]);
    const first = checkIntegrity({
      decks,
      cardStates: [state],
      reviewLogs: data.reviewLogs,
      scheduler,
      now: new Date(T0)
    });
    expect(first.kept).toContainEqual(expect.objectContaining({ kind: 'unusable-log', logId: 'a' }));
    expect(first.cardStates).toHaveLength(1);
    const repaired = first.cardStates[0];
    expect(Number.isFinite(new Date(repaired.due).getTime())).toBe(true);
    const second = checkIntegrity({
      decks,
      cardStates: [repaired],
      reviewLogs: data.reviewLogs,
      scheduler,
      now: new Date(T0 + DAY)
    });
    expect(second.repaired).toEqual([]);
    expect(second.cardStates).toEqual([]);
  });
});

describe('a restored deck that takes the id of a built-in deck', () => {
  const row = (id: string): BackupDeckRow => ({
    id,
    deck: {
      id,
      title: 'Fake capitals',
      description: 'x',
      language: 'en',
      tags: [],
      cards: [{ id: 'only-here', type: 'basic', front: 'a', back: 'b' }]
    },
    fileName: null,
    format: 'csv',
    importedAt: 0,
    updatedAt: 0,
    changed: {}
  });
  const progress = (cardId: string): CardProgress => ({
    deckId: 'world-capitals',
    cardId,
    ...scheduler.next(null, new Date(T0), 3)
  });

  test('is renamed as an import renames it, taking its own progress along', () => {
    const data: BackupData = {
      ...empty(),
      decks: [row('world-capitals'), row('mine')],
      cardStates: [progress('only-here'), progress('peru-capital')],
      reviewLogs: [{ ...log('a', T0, null, progress('only-here')), deckId: 'world-capitals', cardId: 'only-here' }]
    };
    const renamed = renameShadowingDecks(data, new Set(['world-capitals']));
    expect(renamed.decks.map((d) => [d.id, d.deck.id])).toEqual([
      ['world-capitals-imported', 'world-capitals-imported'],
      ['mine', 'mine']
    ]);
    expect(renamed.cardStates.map((s) => `${s.deckId}/${s.cardId}`)).toEqual([
      'world-capitals-imported/only-here',
      'world-capitals/peru-capital'
    ]);
    expect(renamed.reviewLogs[0].deckId).toBe('world-capitals-imported');
    expect(renameShadowingDecks(renamed, new Set(['world-capitals']))).toEqual(renamed);
  });

  test('a deck called "index", the name of the deck list file, is renamed the same way', () => {
    const renamed = renameShadowingDecks({ ...empty(), decks: [row('index')] }, new Set());
    expect(renamed.decks.map((d) => d.deck.id)).toEqual(['index-imported']);
  });
});

describe('merging settings', () => {
  test('a device that never changed its settings takes the file’s; one that did keeps its own', () => {
    const file: BackupData = { ...empty(), settings: [{ key: 'preferences', value: { desiredRetention: 0.95 } }] };
    expect(mergeBackupData(empty(), file, scheduler).settings).toEqual(file.settings);
    const mine: BackupData = { ...empty(), settings: [{ key: 'preferences', value: { desiredRetention: 0.8 } }] };
    expect(mergeBackupData(mine, file, scheduler).settings).toEqual(mine.settings);
  });
});
