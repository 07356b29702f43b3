/**
 * The proof that sync converges: three simulated devices do random things offline (grade, undo,
 * reset, suspend, import, delete a deck, change a preference, take a quiz, restore a backup) and sync
 * with an in-memory server following docs/sync.md, in random orders and interleavings, with answers
 * lost on the way. Once all have synced, they hold the same data, and it is what replaying the union
 * of live reviews gives.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { BackupData } from '../backup';
import type { Card, Deck } from '../deck.schema';
import { byReviewTime, replayLog } from '../log-replay';
import { LEECH_LAPSES, type ReviewLogEntry } from '../progress';
import { Scheduler, type RatingValue } from '../scheduler';
import { sanitizeSettings, type Settings } from '../settings';
import { studyItems } from '../study-items';
import { rebuildHeld } from './incremental';
import { materialize, sortedData } from './materialize';
import { MemorySyncServer } from './memory-server';
import { itemKey, recordKey } from './record-keys';
import { Replica } from './replica';
import { Removals } from './removals';
import type { RemovalRecord, SettingRecord, SyncRecord } from './sync-record';

const MINUTE = 60_000;
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-05T09:00:00Z');

const BUILT_IN = { id: 'b', items: ['b1', 'b2', 'b3'] };
const card = (id: string, variant: number): Card =>
  id === 'r'
    ? { id, type: 'reverse', front: 'r', back: `r${variant}` }
    : id === 's'
      ? { id, type: 'cloze', text: `{{one}} and {{two${variant}}}` }
      : { id, type: 'basic', front: id, back: `${id}${variant}` };
const POOL = ['p', 'q', 'r', 's'];
/** A version of the imported deck: the cards whose bit is set in `mask`, `variant` changing their backs. */
function importedDeck(mask: number, variant: number): Deck {
  const cards = POOL.filter((_, i) => mask & (1 << i)).map((id) => card(id, id === 'q' ? variant : 0));
  return { id: 'imp', title: 'Imported', description: '', language: 'en', tags: [], cards };
}

/** Reviews that take b1 to one lapse short of a leech, back in review: a device starts with them. */
function seedData(): { data: BackupData; end: number } {
  const seed = new Replica('seed');
  let now = T0 - 200 * DAY;
  const ratings: RatingValue[] = [
    3,
    3,
    ...Array.from({ length: LEECH_LAPSES - 1 }, () => [1, 3] as RatingValue[]).flat()
  ];
  for (const rating of ratings) {
    seed.grade('b', 'b1', rating, now);
    now = Math.max(seed.states.get('b/b1')!.due, now + MINUTE);
  }
  return { data: seed.backup(), end: now };
}
const SEED = seedData();

type Op =
  | { t: 'grade'; d: number; item: number; rating: RatingValue }
  | { t: 'undo'; d: number; back: number }
  | { t: 'resetCard'; d: number; item: number }
  | { t: 'resetAll'; d: number }
  | { t: 'suspend'; d: number; item: number }
  | { t: 'import'; d: number; mask: number; variant: number; del: boolean }
  | { t: 'deleteDeck'; d: number }
  | { t: 'setting'; d: number; field: number; value: number }
  | { t: 'quiz'; d: number }
  | { t: 'backup'; d: number }
  | { t: 'restore'; d: number; file: number; merge: boolean }
  | { t: 'join'; d: number }
  | { t: 'push'; d: number; n: number; lost: boolean }
  | { t: 'pull'; d: number; n: number }
  | { t: 'sync'; d: number };

const device = fc.nat({ max: 2 });
const item = fc.nat({ max: 9 });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 14,
    arbitrary: fc.record({
      t: fc.constant('grade'),
      d: device,
      item,
      rating: fc.constantFrom<RatingValue>(1, 1, 2, 3, 3, 4)
    })
  },
  { weight: 4, arbitrary: fc.record({ t: fc.constant('undo'), d: device, back: fc.constantFrom(0, 0, 1) }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('resetCard'), d: device, item }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('resetAll'), d: device }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('suspend'), d: device, item }) },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constant('import'),
      d: device,
      mask: fc.integer({ min: 1, max: 15 }),
      variant: fc.nat({ max: 1 }),
      del: fc.boolean()
    })
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('deleteDeck'), d: device }) },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('setting'), d: device, field: fc.nat({ max: 3 }), value: fc.nat({ max: 3 }) })
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('quiz'), d: device }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('backup'), d: device }) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('restore'), d: device, file: fc.nat({ max: 3 }), merge: fc.boolean() })
  },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('join'), d: device }) },
  {
    weight: 5,
    arbitrary: fc.record({ t: fc.constant('push'), d: device, n: fc.integer({ min: 1, max: 30 }), lost: fc.boolean() })
  },
  { weight: 5, arbitrary: fc.record({ t: fc.constant('pull'), d: device, n: fc.integer({ min: 1, max: 30 }) }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('sync'), d: device }) }
) as fc.Arbitrary<Op>;

const scenarioArb = fc.record({
  /** Each device's clock is off: a little either way, or behind by up to three hours (ahead, the server refuses). */
  skews: fc.tuple(
    ...[0, 1, 2].map(() =>
      fc.oneof(fc.integer({ min: -2 * MINUTE, max: 2 * MINUTE }), fc.integer({ min: -180 * MINUTE, max: 0 }))
    )
  ),
  /** Which devices sync from the start (the others study offline first and turn sync on later). */
  syncing: fc.tuple(fc.constant(true), fc.boolean(), fc.boolean()),
  /** Each step's op, and the time since the step before it. */
  steps: fc.array(
    fc.tuple(opArb, fc.oneof(fc.nat({ max: 5 * MINUTE }), fc.nat({ max: 6 * 60 * MINUTE }), fc.nat({ max: 3 * DAY }))),
    { minLength: 5, maxLength: 30 }
  )
});
type Scenario = typeof scenarioArb extends fc.Arbitrary<infer S> ? S : never;

interface World {
  server: MemorySyncServer;
  /** Every record ever pushed, older versions included. */
  pushed: SyncRecord[];
  devices: Replica[];
  now: number;
}

function itemsOf(r: Replica): [string, string][] {
  const own = r.decks.get('imp');
  return [
    ...BUILT_IN.items.map((id): [string, string] => [BUILT_IN.id, id]),
    ...(own ? studyItems(own.deck).map((i): [string, string] => ['imp', i.id]) : [])
  ];
}

const SETTINGS: ((v: number) => Partial<Settings>)[] = [
  (v: number) => ({ desiredRetention: [0.8, 0.85, 0.9, 0.95][v] }),
  (v: number) => ({ limits: { newPerDay: 5 + v, reviewsPerDay: 100 } }),
  (v: number) => ({ theme: (['system', 'light', 'dark', 'dark'] as const)[v] }),
  (v: number) => ({
    swipeGrading: v % 2 === 0,
    deckLimits: v === 3 ? { b: { newPerDay: 1, reviewsPerDay: 2 } } : ({} as Settings['deckLimits'])
  })
];

function run(s: Scenario, check?: (w: World) => void): World {
  const server = new MemorySyncServer();
  const devices = ['dev-a', 'dev-b', 'dev-c'].map((id) => new Replica(id));
  const files: BackupData[] = [SEED.data];
  const w: World = { server, pushed: [], devices, now: SEED.end + DAY };
  const push = server.push.bind(server);
  server.push = (device, records, now) => {
    w.pushed.push(...records);
    return push(device, records, now);
  };
  const clock = (d: number) => w.now + s.skews[d];
  // Device A brings the nearly-leech history into the account as it turns sync on.
  devices[0].restore(SEED.data, 'replace', clock(0));
  for (const [d, on] of s.syncing.entries()) if (on) devices[d].join(server, clock(d));

  for (const [op, dt] of s.steps) {
    w.now += dt;
    const r = devices[op.d];
    const now = clock(op.d);
    const items = itemsOf(r);
    const pick = (i: number) => items[i % items.length];
    switch (op.t) {
      case 'grade': {
        // As a study session does: the rating first, then the lapse that makes b1 a leech now and then.
        const [deckId, cardId] = pick(op.item);
        if (!r.states.get(itemKey(deckId, cardId))?.suspended) r.grade(deckId, cardId, op.rating, now);
        break;
      }
      case 'undo': {
        const id = r.ownGrades.at(-1 - op.back);
        if (id) r.undo(id, now);
        break;
      }
      case 'resetCard':
        r.resetCard(...pick(op.item), now);
        break;
      case 'resetAll':
        r.resetAll(now);
        break;
      case 'suspend': {
        const [deckId, cardId] = pick(op.item);
        r.setSuspended(deckId, cardId, !r.states.get(itemKey(deckId, cardId))?.suspended, now);
        break;
      }
      case 'import':
        r.importDeck(importedDeck(op.mask, op.variant), op.del, now);
        break;
      case 'deleteDeck':
        if (r.decks.has('imp')) r.deleteDeck('imp', now);
        break;
      case 'setting':
        r.changePreferences(SETTINGS[op.field](op.value), now);
        break;
      case 'quiz': {
        const deckId = r.decks.has('imp') && now % 2 ? 'imp' : 'b';
        r.saveQuiz(
          { deckId, startedAt: now - MINUTE, finishedAt: now, seed: 1, answers: [], correct: 1, total: 2 },
          now
        );
        break;
      }
      case 'backup':
        files.push(r.backup());
        break;
      case 'restore':
        r.restore(files[op.file % files.length], op.merge ? 'merge' : 'replace', now);
        break;
      case 'join':
        if (!r.syncing) r.join(server, now);
        break;
      case 'push':
        if (r.syncing) r.push(server, op.n, w.now, op.lost);
        break;
      case 'pull':
        if (r.syncing) r.pull(server, op.n);
        break;
      case 'sync':
        if (r.syncing) r.syncAll(server, w.now);
    }
    check?.(w);
  }
  for (const r of devices) if (!r.syncing) r.join(server, clock(devices.indexOf(r)));
  // Sync to quiescence: every device sends everything, then every device takes everything in.
  for (const r of devices) r.syncAll(server, w.now);
  for (const r of devices) r.syncAll(server, w.now);
  return w;
}

/**
 * The oracle, written apart from materialize: the newest version of each record the server holds,
 * each removal checked against each record by its scope, live reviews grouped by item and replayed.
 */
function oracle(records: SyncRecord[]) {
  const newest = new Map<string, SyncRecord>();
  for (const r of records) {
    const held = newest.get(recordKey(r));
    if (!held || r.at > held.at || (r.at === held.at && r.device > held.device)) newest.set(recordKey(r), r);
  }
  const removals = [...newest.values()].filter((r): r is RemovalRecord => r.kind === 'removal');
  const removed = (r: SyncRecord) =>
    removals.some(({ scope, at }) => {
      if (r.at >= at) return false;
      const [deckId, cardId, logId] =
        r.kind === 'review'
          ? [r.row.deckId, r.row.cardId, r.id]
          : r.kind === 'mark'
            ? [r.deckId, r.cardId, null]
            : [r.kind === 'quiz' ? r.row.deckId : null, null, null];
      if (deckId === null) return false;
      if (scope.type === 'all') return true;
      if (scope.type === 'deck') return scope.deckId === deckId;
      if (scope.type === 'items') return scope.deckId === deckId && cardId !== null && scope.cardIds.includes(cardId);
      return scope.logId === logId;
    });
  const live = [...newest.values()].filter((r) => r.kind !== 'removal' && !removed(r));
  const retention = live.find((r) => r.kind === 'setting' && r.id === 'desiredRetention');
  const scheduler = new Scheduler({
    desiredRetention: sanitizeSettings({
      desiredRetention: retention?.kind === 'setting' ? retention.value : undefined
    }).desiredRetention
  });
  const byItem = new Map<string, ReviewLogEntry[]>();
  for (const r of live)
    if (r.kind === 'review')
      byItem.set(itemKey(r.row.deckId, r.row.cardId), [
        ...(byItem.get(itemKey(r.row.deckId, r.row.cardId)) ?? []),
        r.row
      ]);
  const states = new Map([...byItem].map(([key, rows]) => [key, replayLog(rows.sort(byReviewTime), scheduler)]));
  return { states, liveReviews: live.filter((r) => r.kind === 'review').length };
}

describe('three devices syncing through the server', () => {
  test('converge to the same logs and states, equal to replaying the union of live reviews', () => {
    const started = performance.now();
    let reviews = 0;
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const w = run(s);
        const [a, b, c] = w.devices;
        const data = a.data();
        expect(b.data()).toEqual(data);
        expect(c.data()).toEqual(data);
        // A fresh device that pulls everything the server holds gets the same.
        expect(materialize(w.server.records())).toEqual(data);
        for (const r of w.devices) expect(r.outbox.size).toBe(0);

        const { states, liveReviews } = oracle(w.server.records());
        expect(data.reviewLogs).toHaveLength(liveReviews);
        const withReviews = data.cardStates.filter((st) => st.reps > 0);
        expect(withReviews).toHaveLength(states.size);
        for (const st of withReviews) {
          const replayed = states.get(itemKey(st.deckId, st.cardId))!;
          const { deckId: _d, cardId: _c, suspended: _s, leech: _l, ...scheduling } = st;
          expect(scheduling).toEqual(replayed.state);
        }
        reviews += liveReviews;
      }),
      { numRuns: 1000 }
    );
    const ms = performance.now() - started;
    console.info(`convergence: 1000 runs, ${reviews} live reviews in all, ${Math.round(ms)} ms`);
  }, 120_000);

  test('after every step, each device holds exactly what its records make (incremental apply = materialize)', () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const w = run(s, (world) => {
          for (const r of world.devices) expect(r.data()).toEqual(materialize(r.held()));
        });
        for (const r of w.devices) expect(r.data()).toEqual(materialize(r.held()));
      }),
      { numRuns: 150 }
    );
  }, 120_000);

  test('duplicated and reordered deliveries change nothing', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 40 }),
        (s, deliveries) => {
          const w = run(s);
          const expected = materialize(w.server.records());
          // Every version ever pushed, older ones after newer ones too.
          const records = w.pushed;
          expect(materialize(records)).toEqual(expected);
          // A fresh device gets random slices of the records, in any order, some twice, then all of them.
          const fresh = new Replica('fresh');
          for (const [start, size] of deliveries) {
            const from = start % records.length;
            fresh.apply(records.slice(from, from + size).reverse());
          }
          fresh.apply(records);
          for (const r of [...records].reverse()) fresh.apply([r]);
          expect(fresh.data()).toEqual(expected);
        }
      ),
      { numRuns: 150 }
    );
  }, 120_000);
});

describe('rebuilding everything a chunk of items at a time', () => {
  test('gives what materialize gives', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: 1, max: 5 }), (s, chunk) => {
        const records = run(s).server.records();
        const expected = materialize(records);
        const removals = new Removals(records.filter((r): r is RemovalRecord => r.kind === 'removal'));
        const settings = records.filter((r): r is SettingRecord => r.kind === 'setting');
        // As a device reads its records in item order, `chunk` items at a time.
        const byGroup = new Map<string, SyncRecord[]>();
        for (const r of records) {
          const group =
            r.kind === 'review'
              ? itemKey(r.row.deckId, r.row.cardId)
              : r.kind === 'mark'
                ? r.id
                : r.kind === 'quiz'
                  ? r.id
                  : null;
          if (group) byGroup.set(group, [...(byGroup.get(group) ?? []), r]);
        }
        const groups = [...byGroup.values()];
        const cardStates = [];
        const reviewLogs = [];
        const quizAttempts = [];
        for (let i = 0; i < groups.length; i += chunk) {
          const out = rebuildHeld(groups.slice(i, i + chunk).flat(), settings, removals);
          for (const item of out.items) {
            if (item.state) cardStates.push(item.state);
            reviewLogs.push(...item.logs);
          }
          quizAttempts.push(...out.quizAttempts.put);
        }
        const data = sortedData({
          cardStates,
          reviewLogs,
          quizAttempts,
          decks: expected.decks,
          preferences: expected.preferences
        });
        expect(data).toEqual(expected);
      }),
      { numRuns: 100 }
    );
  });
});

describe('a device whose clock is behind', () => {
  test('grading a card after pulling a later review of it rebuilds the card, the same on every device', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 120 }), fc.constantFrom<RatingValue>(1, 2, 3, 4), (behind, rating) => {
        const server = new MemorySyncServer();
        const ahead = new Replica('ahead');
        const late = new Replica('late');
        ahead.join(server, T0);
        late.join(server, T0);
        ahead.grade('b', 'b2', 3, T0 + DAY);
        ahead.syncAll(server, T0 + DAY);
        late.syncAll(server, T0 + DAY);
        // Its clock says this grade comes before the one it has just pulled.
        late.grade('b', 'b2', rating, T0 + DAY - behind * MINUTE);
        expect(late.data()).toEqual(materialize(late.held()));
        const logs = late.data().reviewLogs;
        expect(logs.find((l) => l.reviewedAt === T0 + DAY)?.before?.reps).toBe(1);
        late.syncAll(server, T0 + DAY);
        ahead.syncAll(server, T0 + DAY);
        expect(ahead.data()).toEqual(late.data());
      }),
      { numRuns: 50 }
    );
  });

  test('a reset or undo still takes away what it had pulled from a device whose clock is ahead', () => {
    const server = new MemorySyncServer();
    const ahead = new Replica('ahead');
    const late = new Replica('late');
    ahead.join(server, T0);
    late.join(server, T0);
    const r1 = ahead.grade('b', 'b1', 3, T0 + DAY);
    ahead.grade('b', 'b2', 3, T0 + DAY);
    ahead.syncAll(server, T0 + DAY);
    late.syncAll(server, T0 + DAY);
    late.resetCard('b', 'b2', T0 + DAY - 60 * MINUTE);
    expect(late.undo(r1.id, T0 + DAY - 59 * MINUTE)).toBe(true);
    late.syncAll(server, T0 + DAY);
    ahead.syncAll(server, T0 + DAY);
    expect(ahead.data().reviewLogs).toEqual([]);
    expect(late.data()).toEqual(ahead.data());
  });
});

describe('undo of a review another device built on', () => {
  test('the undone review is gone everywhere; the reviews built on it are graded again from before it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom<RatingValue>(1, 2, 3, 4), { minLength: 0, maxLength: 4 }),
        fc.constantFrom<RatingValue>(1, 2, 3, 4),
        fc.array(fc.constantFrom<RatingValue>(1, 2, 3, 4), { minLength: 1, maxLength: 3 }),
        (earlier, undone, builtOn) => {
          const server = new MemorySyncServer();
          const a = new Replica('a');
          const b = new Replica('b');
          a.join(server, T0);
          b.join(server, T0);
          let now = T0 + MINUTE;
          const step = () => (now += DAY);
          for (const rating of earlier) a.grade('b', 'b1', rating, step());
          const r1 = a.grade('b', 'b1', undone, step());
          a.syncAll(server, now);
          b.syncAll(server, now);
          const before = b.states.get('b/b1');
          const built = builtOn.map((rating) => b.grade('b', 'b1', rating, step()).id);
          b.syncAll(server, now);
          // A has not pulled B's reviews: for A, R1 is still the card's latest, so undo is offered.
          expect(a.undo(r1.id, step())).toBe(true);
          a.syncAll(server, now);
          b.syncAll(server, now);
          a.syncAll(server, now);
          expect(b.data()).toEqual(a.data());
          const logs = a.data().reviewLogs.filter((l) => l.cardId === 'b1');
          expect(logs.map((l) => l.id)).not.toContain(r1.id);
          expect(logs).toHaveLength(earlier.length + builtOn.length);
          // B's first review now starts from the state before R1.
          const first = logs.find((l) => l.id === built[0])!;
          expect(first.before?.reps ?? 0).toBe((before?.reps ?? 1) - 1);
          expect(a.states.get('b/b1')!.reps).toBe(earlier.length + builtOn.length);
        }
      ),
      { numRuns: 200 }
    );
  });
});
