import { describe, expect, test } from 'vitest';
import type { BackupData } from '../backup';
import { gradeFrom } from '../grade';
import { LEECH_LAPSES, State, type CardProgress, type ReviewLogEntry } from '../progress';
import { Scheduler, type RatingValue } from '../scheduler';
import { DEFAULT_SETTINGS } from '../settings';
import { markRecord, preferenceRecords, removalRecord, reviewRecord, type Stamp } from './local-records';
import { materialize } from './materialize';
import { MemorySyncServer } from './memory-server';
import { Replica } from './replica';
import type { SyncRecord } from './sync-record';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const DAY = 86_400_000;
const scheduler = new Scheduler({ desiredRetention: 0.9 });
let ids = 0;
const stamp = (at: number, device = 'a'): Stamp => ({ device, at, newId: () => `removal-${++ids}` });

/** Grades one item through `ratings` as one device would, each a day after the card was due. */
function grades(cardId: string, ratings: RatingValue[], start = T0, device = 'a') {
  let current: CardProgress | undefined;
  let at = start;
  const rows: ReviewLogEntry[] = [];
  for (const [i, rating] of ratings.entries()) {
    const g = gradeFrom(
      { deckId: 'd', cardId, rating, now: new Date(at), elapsedMs: 1000, scheduler, id: `${cardId}-${device}-${i}` },
      current
    );
    rows.push(g.log);
    current = g.progress;
    at = Math.max(g.progress.due, at + DAY / 2);
  }
  return { rows, state: current!, records: rows.map((r) => reviewRecord(r, stamp(r.reviewedAt, device))) };
}

/** Reviews that take a card to LEECH_LAPSES - 1 lapses, back in review. */
const nearlyLeech: RatingValue[] = [
  3,
  3,
  ...Array.from({ length: LEECH_LAPSES - 1 }, () => [1, 3] as RatingValue[]).flat()
];

describe('materialize', () => {
  test('a card state is its live reviews replayed; the order records arrive in does not matter', () => {
    const { records, state, rows } = grades('x', [3, 3, 4, 1, 3]);
    const forward = materialize(records);
    expect(forward.cardStates).toEqual([state]);
    expect(forward.reviewLogs).toEqual([...rows].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(materialize([...records].reverse().concat(records))).toEqual(forward);
  });

  test('of two versions of a record the later at wins, then the greater device', () => {
    const a = markRecord('d', 'x', true, stamp(T0, 'a'));
    const b = markRecord('d', 'x', false, stamp(T0, 'b'));
    const c = markRecord('d', 'x', false, stamp(T0 - 1, 'c'));
    expect(materialize([a, b, c]).cardStates).toEqual([]);
    expect(materialize([b, a, markRecord('d', 'x', true, stamp(T0, '0'))]).cardStates).toEqual([]);
    expect(materialize([c, a]).cardStates).toMatchObject([{ cardId: 'x', suspended: true, reps: 0 }]);
  });

  test('a removal takes what was written before it, not what came after (a restore re-sends rows later)', () => {
    const { records, rows } = grades('x', [3, 3]);
    const reset = removalRecord({ type: 'items', deckId: 'd', cardIds: ['x'] }, stamp(T0 + 10 * DAY));
    expect(materialize([...records, reset])).toMatchObject({ cardStates: [], reviewLogs: [] });
    const again = rows.map((row) => reviewRecord(row, stamp(T0 + 11 * DAY, 'b')));
    expect(materialize([...records, reset, ...again]).reviewLogs).toHaveLength(2);
    // A removal of another scope leaves the card alone.
    const other = removalRecord({ type: 'deck', deckId: 'other' }, stamp(T0 + 12 * DAY));
    expect(materialize([...records, other]).reviewLogs).toHaveLength(2);
  });

  test('undo of a review another device built on: the review goes, the later one is graded again from before it', () => {
    // Device A grades x (R1); B pulls it and grades x again (R2, built on R1); A undoes R1.
    const r1 = grades('x', [3], T0, 'a');
    const r2 = gradeFrom(
      { deckId: 'd', cardId: 'x', rating: 4, now: new Date(T0 + DAY), elapsedMs: 1000, scheduler, id: 'r2' },
      r1.state
    );
    const undo = removalRecord({ type: 'review', logId: r1.rows[0].id }, stamp(T0 + DAY - 5, 'a'));
    const data = materialize([...r1.records, reviewRecord(r2.log, stamp(T0 + DAY, 'b')), undo]);
    const alone = scheduler.next(null, new Date(T0 + DAY), 4);
    expect(data.reviewLogs).toEqual([{ ...r2.log, before: null, stateBefore: State.New, after: alone }]);
    expect(data.cardStates).toEqual([{ deckId: 'd', cardId: 'x', ...alone }]);
  });

  test('a lapse that makes a leech suspends the card; a later unsuspend clears both; a later lapse makes it a leech again', () => {
    const base = grades('x', [...nearlyLeech, 1]);
    const lapseAt = base.records.at(-1)!.at;
    expect(materialize(base.records).cardStates[0]).toMatchObject({
      lapses: LEECH_LAPSES,
      suspended: true,
      leech: true
    });

    const unsuspend = markRecord('d', 'x', false, stamp(lapseAt + 1));
    const cleared = materialize([...base.records, unsuspend]).cardStates[0];
    expect(cleared.suspended).toBeUndefined();
    expect(cleared.leech).toBeUndefined();

    // Suspending it again by hand later: suspended, but not a leech.
    const suspend = markRecord('d', 'x', true, stamp(lapseAt + 2));
    expect(materialize([...base.records, unsuspend, suspend]).cardStates[0]).toMatchObject({ suspended: true });
    expect(materialize([...base.records, unsuspend, suspend]).cardStates[0].leech).toBeUndefined();

    // An unsuspend written before the lapse does not clear it.
    const early = markRecord('d', 'x', false, stamp(lapseAt - 1));
    expect(materialize([...base.records, early]).cardStates[0]).toMatchObject({ suspended: true, leech: true });
  });

  test('an item suspended before any review has a new state as of its mark', () => {
    const mark = markRecord('d', 'x', true, stamp(T0));
    expect(materialize([mark]).cardStates).toEqual([
      { ...scheduler.next(null, new Date(T0), 3), ...newAt(T0), deckId: 'd', cardId: 'x', suspended: true }
    ]);
  });

  test('preferences are per field; fields with no record are defaults; unknown names and bad values are ignored', () => {
    const changed = preferenceRecords(
      DEFAULT_SETTINGS,
      { ...DEFAULT_SETTINGS, desiredRetention: 0.85, theme: 'dark' },
      stamp(T0)
    );
    expect(changed.map((r) => r.id)).toEqual(['desiredRetention', 'theme']);
    const odd: SyncRecord[] = [
      { kind: 'setting', id: 'lastBackupAt', at: T0, device: 'a', value: 5 },
      { kind: 'setting', id: 'swipeGrading', at: T0, device: 'a', value: 'yes' }
    ];
    expect(materialize([...changed, ...odd]).preferences).toEqual({
      ...DEFAULT_SETTINGS,
      desiredRetention: 0.85,
      theme: 'dark'
    });
  });
});

/** A new card's scheduling as of `at`, as ts-fsrs makes it. */
function newAt(at: number) {
  return {
    due: at,
    stability: 0,
    difficulty: 0,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 0,
    lapses: 0,
    state: State.New,
    lastReview: null
  };
}

describe('restores and turning sync on, as records', () => {
  const server = () => new MemorySyncServer();

  test('replace makes the device hold the file, marks and leeches included, on every device', () => {
    const a = new Replica('a');
    const s = server();
    a.join(s, T0);
    const leech = grades('x', [...nearlyLeech, 1]).rows;
    const file: BackupData = {
      cardStates: [],
      reviewLogs: leech,
      settings: [{ key: 'preferences', value: { ...DEFAULT_SETTINGS, theme: 'light' } }],
      quizAttempts: [],
      decks: []
    };
    const t = leech.at(-1)!.reviewedAt + DAY;
    a.restore(file, 'replace', t);
    const asLeech = a.data().cardStates[0];
    expect(asLeech).toMatchObject({ leech: true, suspended: true });
    // The same reviews with the leech since unsuspended, and another card suspended by hand.
    const { leech: _l, suspended: _s, ...unsuspended } = asLeech;
    const file2: BackupData = {
      ...file,
      cardStates: [unsuspended, { ...newAt(T0), deckId: 'd', cardId: 'y', suspended: true }]
    };
    a.grade('d', 'z', 3, t + 1);
    a.restore(file2, 'replace', t + 2);
    const data = a.data();
    expect(data.cardStates).toEqual([unsuspended, { ...newAt(t + 3), deckId: 'd', cardId: 'y', suspended: true }]);
    expect(data.reviewLogs).toHaveLength(leech.length);
    expect(data.preferences.theme).toBe('light');

    const b = new Replica('b');
    a.syncAll(s, t + 3);
    b.join(s, t + 3);
    expect(b.data()).toEqual(data);

    // Unsuspended after it became a leech, then suspended by hand: suspended, not a leech.
    a.restore({ ...file, cardStates: [{ ...unsuspended, suspended: true }] }, 'replace', t + 4);
    expect(a.data().cardStates).toEqual([{ ...unsuspended, suspended: true }]);
  });

  test('merge adds what the device lacks and keeps what it has; turning sync on merges a device into the account', () => {
    const s = server();
    const a = new Replica('a');
    a.join(s, T0);
    a.grade('d', 'x', 3, T0 + 1);
    a.changePreferences({ desiredRetention: 0.8 }, T0 + 2);
    a.syncAll(s, T0 + 3);

    // B studied offline before turning sync on, and chose other preferences.
    const b = new Replica('b');
    b.grade('d', 'y', 4, T0 + 4);
    b.setSuspended('d', 'w', true, T0 + 5);
    b.changePreferences({ desiredRetention: 0.95, theme: 'dark' }, T0 + 6);
    b.join(s, T0 + 7);
    b.syncAll(s, T0 + 8);
    a.syncAll(s, T0 + 9);
    expect(a.data()).toEqual(b.data());
    const data = a.data();
    expect(data.cardStates.map((c) => [c.cardId, !!c.suspended])).toEqual([
      ['w', true],
      ['x', false],
      ['y', false]
    ]);
    // The account's retention stays; the theme only B had set joins it.
    expect(data.preferences).toMatchObject({ desiredRetention: 0.8, theme: 'dark' });
  });
});
