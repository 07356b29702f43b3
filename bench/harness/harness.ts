/**
 * Runs in the benchmark's browser profile, on a page served next to the build (never part of it):
 * the app's own modules, timed one by one, and the seed. `bench/run.ts` calls these through
 * `page.evaluate(() => window.factdeckBench...)`.
 */
import {
  beginJoin,
  db,
  exportBackup,
  FactdeckDB,
  gradeCard,
  mergeOwnData,
  pendingCount,
  rebuildForJoin,
  restoreBackup,
  saveImportedDeck,
  statsRecords,
  storeJoinBatch
} from '$lib/db';
import { parseBackupText } from '$lib/domain/backup-parse';
import { Scheduler, studyItems, type CardProgress, type Deck } from '$lib/domain';
import { parseImport } from '$lib/domain/import';
import { loadAllDecks } from '$lib/state/all-decks';
import { loadDeckProgress, queueFor } from '$lib/state/deck-status';
import { SessionProgress } from '$lib/state/session-progress';
import { statsSummary } from '$lib/state/stats-summary';
import { BENCH_DECK_ID, benchDeckRow, seedMix, seedRows } from './seed';

let itemIdsCache: string[] | null = null;
async function benchItemIds(): Promise<string[]> {
  itemIdsCache ??= studyItems((await db.decks.get(BENCH_DECK_ID))!.deck).map((i) => i.id);
  return itemIdsCache;
}

const time = async <T>(work: () => Promise<T> | T): Promise<[number, T]> => {
  const t0 = performance.now();
  const value = await work();
  return [performance.now() - t0, value];
};

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function deleteDb(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.deleteDatabase(name);
    req.onsuccess = () => resolve();
    req.onerror = () => reject(req.error);
  });
}

/** A state row and a log row shaped like a real grade's. */
function gradeRows(i: number, now: number) {
  const scheduling = {
    due: now + 86_400_000,
    stability: 3.2,
    difficulty: 5.1,
    elapsedDays: 0,
    scheduledDays: 1,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    lastReview: now
  };
  const state = { deckId: 'baseline', cardId: `card-${i}`, ...scheduling };
  const log = {
    id: `${now}-${i}`,
    deckId: 'baseline',
    cardId: `card-${i}`,
    rating: 3,
    reviewedAt: now + i,
    elapsedMs: 4_000,
    before: null,
    stateBefore: 0,
    after: scheduling
  };
  return { state, log };
}

/** Times `count` raw `getAll` requests made by `request` on the app's database, without Dexie. */
async function rawGetAll(
  count: number,
  request: (idb: IDBDatabase) => IDBRequest<unknown[]>
): Promise<{ times: number[]; rows: number }> {
  const idb = await openRaw('factdeck');
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < count; i++) {
    const t0 = performance.now();
    const req = request(idb);
    const result = await new Promise<unknown[]>((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    times.push(performance.now() - t0);
    rows = result.length;
  }
  idb.close();
  return { times, rows };
}

let keyFloor: { name: string; idb: IDBDatabase; n: number } | null = null;
let keyResult: Promise<number> | null = null;

const api = {
  /**
   * The platform's floor for a grade: on a fresh database of the app's shape, one raw IndexedDB
   * `readwrite` transaction doing one `put` (card state) and one `add` (log row), `count` times in
   * sequence, each timed until the transaction completes.
   */
  async baselineTransaction(count: number, warmup = 20, pauseMs = 0): Promise<number[]> {
    const name = `factdeck-baseline-${Date.now()}`;
    const fresh = new FactdeckDB(name);
    await fresh.open();
    fresh.close();
    const idb = await openRaw(name);
    const times: number[] = [];
    const now = Date.now();
    for (let i = 0; i < warmup + count; i++) {
      const { state, log } = gradeRows(i, now);
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      const t0 = performance.now();
      const tx = idb.transaction(['cardStates', 'reviewLogs'], 'readwrite');
      tx.objectStore('cardStates').put(state);
      tx.objectStore('reviewLogs').add(log);
      await done(tx);
      if (i >= warmup) times.push(performance.now() - t0);
    }
    idb.close();
    await deleteDb(name);
    return times;
  },

  /**
   * Arms the input floor: the next keydown of "3" starts the same raw put + add transaction as the
   * baseline (on its own fresh database), and `keyTransaction` resolves with keydown to complete.
   */
  async armKeyTransaction(): Promise<void> {
    if (!keyFloor) {
      const name = `factdeck-keyfloor-${Date.now()}`;
      const fresh = new FactdeckDB(name);
      await fresh.open();
      fresh.close();
      keyFloor = { name, idb: await openRaw(name), n: 0 };
    }
    const floor = keyFloor;
    keyResult = new Promise<number>((resolve, reject) => {
      const onKey = (e: KeyboardEvent) => {
        if (e.key !== '3') return;
        window.removeEventListener('keydown', onKey, true);
        const t0 = performance.now();
        const { state, log } = gradeRows(floor.n++, Date.now());
        const tx = floor.idb.transaction(['cardStates', 'reviewLogs'], 'readwrite');
        tx.objectStore('cardStates').put(state);
        tx.objectStore('reviewLogs').add(log);
        done(tx).then(() => resolve(performance.now() - t0), reject);
      };
      window.addEventListener('keydown', onKey, true);
    });
  },

  /** Like `armKeyTransaction`, but the keypress grades a card of the benchmark deck with `gradeCard` (Dexie). */
  async armKeyGrade(cardId: string): Promise<void> {
    const scheduler = new Scheduler({ desiredRetention: 0.9 });
    await db.open();
    keyResult = new Promise<number>((resolve, reject) => {
      const onKey = (e: KeyboardEvent) => {
        if (e.key !== '3') return;
        window.removeEventListener('keydown', onKey, true);
        const t0 = performance.now();
        gradeCard({ deckId: BENCH_DECK_ID, cardId, rating: 3, now: new Date(), elapsedMs: 5_000, scheduler }).then(
          () => resolve(performance.now() - t0),
          reject
        );
      };
      window.addEventListener('keydown', onKey, true);
    });
  },

  /** Keydown to complete of the transaction armed by `armKeyTransaction`. */
  keyTransaction(): Promise<number> {
    if (!keyResult) throw new Error('armKeyTransaction first');
    return keyResult;
  },

  /** The platform's floor for a queue: raw `getAll` of the 50 earliest-due states of one deck through `[deckId+due]`. */
  async rawRangeQuery(count: number, deckId = BENCH_DECK_ID): Promise<{ times: number[]; rows: number }> {
    const range = IDBKeyRange.bound([deckId, -Infinity], [deckId, Infinity]);
    return rawGetAll(count, (idb) =>
      idb.transaction('cardStates', 'readonly').objectStore('cardStates').index('[deckId+due]').getAll(range, 50)
    );
  },

  seedMix,

  /** Stores the 100,000-card imported deck row. */
  async seedDeck(now: number): Promise<number> {
    const row = benchDeckRow(now);
    await db.decks.put(row);
    return row.deck.cards.length;
  },

  /** Stores the states and log rows of cards `from`..`to`; returns how many of each. */
  async seedChunk(from: number, to: number, now: number): Promise<{ states: number; logs: number }> {
    const { states, logs } = seedRows(from, to, now);
    await db.transaction('rw', db.cardStates, db.reviewLogs, async () => {
      await db.cardStates.bulkPut(states);
      await db.reviewLogs.bulkPut(logs);
    });
    return { states: states.length, logs: logs.length };
  },

  /**
   * A backup of everything stored (the seeded 200,000 reviews) made, then restored with "Replace
   * everything": reading and checking the file (`parseBackupText`, which the Settings page runs in its
   * worker) and the one transaction that writes it (`restoreBackup`), each timed.
   */
  async restoreEverything(
    now: number
  ): Promise<{ megabytes: number; reviews: number; parse: number; restore: number }> {
    const text = JSON.stringify(await exportBackup('bench', new Date(now)));
    const [parse, file] = await time(() => parseBackupText(text));
    const [restore] = await time(() => restoreBackup(file, 'replace', new Date(now), new Set()));
    return { megabytes: text.length / 1e6, reviews: file.data.reviewLogs.length, parse, restore };
  },

  async counts(): Promise<{ cardStates: number; reviewLogs: number; decks: number }> {
    const [cardStates, reviewLogs, decks] = await Promise.all([
      db.cardStates.count(),
      db.reviewLogs.count(),
      db.decks.count()
    ]);
    return { cardStates, reviewLogs, decks };
  },

  /**
   * Building the study queue for the benchmark deck as a study session does (`SessionProgress`):
   * `first` is reading what can come up today and building the queue the first card is shown from;
   * `complete` adds finding the never-studied items (the session does that after showing the first
   * card). The deck itself is already in memory, as on the page. `count` times.
   */
  async dueQueue(count: number): Promise<{
    first: number[];
    complete: number[];
    read: number;
    queue: { order: number; learning: number; review: number; new: number };
  }> {
    const itemIds = await benchItemIds();
    const items = new Set(itemIds);
    const first: number[] = [];
    const complete: number[] = [];
    let view: SessionProgress | null = null;
    for (let i = 0; i < count; i++) {
      const now = new Date();
      view = new SessionProgress(BENCH_DECK_ID, itemIds, (id) => items.has(id));
      const v = view;
      const t0 = performance.now();
      await v.load(now);
      v.queue(now);
      const t1 = performance.now();
      await v.findNewItems();
      v.queue(now);
      first.push(t1 - t0);
      complete.push(performance.now() - t0);
    }
    const q = view!.queue(new Date());
    return {
      first,
      complete,
      read: view!.progress.size,
      queue: { order: q.order.length, learning: q.learning, review: q.review, new: q.new }
    };
  },

  /** The old way, for comparison: every state of the deck read, then the queue built over every item. */
  async dueQueueFullRead(count: number): Promise<{ read: number[]; build: number[] }> {
    const itemIds = await benchItemIds();
    const read: number[] = [];
    const build: number[] = [];
    for (let i = 0; i < count; i++) {
      const now = new Date();
      const [r, snap] = await time(() => loadDeckProgress(BENCH_DECK_ID, now));
      const [b] = await time(() => queueFor(itemIds, BENCH_DECK_ID, snap, now));
      read.push(r);
      build.push(b);
    }
    return { read, build };
  },

  /**
   * The grade's own transaction, alone, as the study session makes it: `gradeCard` with the state the
   * session holds (read the state, schedule with FSRS, put the state, add the log row) on `count` of
   * the deck's due cards, in sequence, `pauseMs` apart like a learner.
   */
  async gradeOnly(count: number, pauseMs = 0): Promise<number[]> {
    const itemIds = await benchItemIds();
    const now = new Date();
    const snap = await loadDeckProgress(BENCH_DECK_ID, now);
    const queue = queueFor(itemIds, BENCH_DECK_ID, snap, now);
    const scheduler = new Scheduler({ desiredRetention: 0.9 });
    const times: number[] = [];
    for (const cardId of queue.order.slice(0, count)) {
      if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
      const expected = snap.progress.get(cardId) ?? null;
      const [ms] = await time(() =>
        gradeCard({ deckId: BENCH_DECK_ID, cardId, rating: 3, now: new Date(), elapsedMs: 5_000, scheduler, expected })
      );
      times.push(ms);
    }
    return times;
  },

  /**
   * Rebuilding the queue in memory after a grade, alone: `session` as the study session does it (over
   * the items that can come up today), `full` the old way (over every item of the deck).
   */
  async rebuildOnly(count: number): Promise<{ session: number[]; full: number[] }> {
    const itemIds = await benchItemIds();
    const items = new Set(itemIds);
    const now = new Date();
    const view = new SessionProgress(BENCH_DECK_ID, itemIds, (id) => items.has(id));
    await view.load(now);
    await view.findNewItems();
    const snap = await loadDeckProgress(BENCH_DECK_ID, now);
    const session: number[] = [];
    const full: number[] = [];
    for (let i = 0; i < count; i++) {
      session.push((await time(() => view.queue(new Date())))[0]);
      full.push((await time(() => queueFor(itemIds, BENCH_DECK_ID, snap, new Date())))[0]);
    }
    return { session, full };
  },

  /**
   * The stats page over every deck: reading the records (`statsRecords`) and computing every figure
   * (`statsSummary`), timed apart, `count` times.
   */
  async stats(
    count: number
  ): Promise<{ read: number[]; compute: number[]; logs: number; buckets: number; states: number }> {
    const decks = await loadAllDecks(fetch);
    const read: number[] = [];
    const compute: number[] = [];
    let logs = 0;
    let buckets = 0;
    let states = 0;
    for (let i = 0; i < count; i++) {
      const [r, records] = await time(() => statsRecords(null));
      const [c] = await time(() => statsSummary(decks, records, new Date()));
      read.push(r);
      compute.push(c);
      logs = records.buckets.reduce((n, b) => n + b.reviews, 0);
      buckets = records.buckets.length;
      states = records.progress.length;
    }
    return { read, compute, logs, buckets, states };
  },

  /**
   * What reading the log itself costs, as the stats page did before the review buckets: raw `getAll`
   * of every review log row through the `reviewedAt` index, without Dexie, `count` times.
   */
  async rawLogsRead(count: number): Promise<{ times: number[]; rows: number }> {
    return rawGetAll(count, (idb) =>
      idb.transaction('reviewLogs', 'readonly').objectStore('reviewLogs').index('reviewedAt').getAll()
    );
  },

  /** Parsing a CSV import on this thread (the page does it in a worker) and saving the deck, timed apart. */
  async importParts(csv: string): Promise<{ parse: number; save: number; cards: number; problems: number }> {
    const [parse, result] = await time(() => parseImport({ text: csv, fileName: 'bench-50k.csv', language: 'en' }));
    const deck = result.deck as Deck | null;
    if (!deck) return { parse, save: NaN, cards: 0, problems: result.problems.length };
    const [save] = await time(() =>
      saveImportedDeck(
        { ...deck, id: 'bench-import-parts' },
        { fileName: 'bench-50k.csv', format: result.format, now: new Date(), deleteRemovedProgress: false }
      )
    );
    return { parse, save, cards: deck.cards.length, problems: result.problems.length };
  },

  /**
   * Drafts a deck from `text`, as the drafting worker does: the first time including loading the
   * drafting engine and compromise (a fresh page), then once more warm. Cards drafted, to check.
   */
  async draft(text: string): Promise<{ cold: number; warm: number; cards: number; words: number }> {
    const source = {
      title: 'Benchmark article',
      author: 'Bench Writer',
      publisher: 'Bench',
      date: '2025-01-01',
      url: ''
    };
    const [cold, result] = await time(async () => {
      const { draftArticle } = await import('$lib/domain/draft');
      return draftArticle({ text, source });
    });
    const { draftArticle } = await import('$lib/domain/draft');
    const [warm] = await time(() => draftArticle({ text, source }));
    return { cold, warm, cards: result.cards.length, words: text.split(/\s+/).filter(Boolean).length };
  },

  /** How many states of the benchmark deck are stored (checks the seed). */
  async deckStates(): Promise<number> {
    return db.cardStates.where('[deckId+due]').between([BENCH_DECK_ID, -Infinity], [BENCH_DECK_ID, Infinity]).count();
  },

  /**
   * Sync's work on the device, without the network (the server's share is the `server` part): turning
   * sync on here (the seeded tables become records: merge, then every table rebuilt from them), with
   * grades just before it and just after it, paced like a learner, to compare; then a fresh device joining: the same records stored as pulled in pages of
   * 5,000, and every table rebuilt from them. Returns seconds and the grade times in ms.
   */
  async syncFirst(grades: number): Promise<{
    records: number;
    turnOn: { merge: number; rebuild: number };
    gradesWithoutSync: number[];
    gradesWithSync: number[];
    fresh: { store: number; rebuild: number; reviewLogs: number; cardStates: number };
  }> {
    const secs = async (work: () => Promise<unknown>) => (await time(work))[0] / 1000;
    const gradesWithoutSync = await api.gradeOnly(grades, 60);
    await beginJoin({ accountId: 'bench', deviceId: 'bench-device', token: 'bench', deviceName: 'Bench' });
    const merge = await secs(() => mergeOwnData(new Date()));
    const rebuild = await secs(() => rebuildForJoin());
    const records = await pendingCount();
    const gradesWithSync = await api.gradeOnly(grades, 60);
    const held = (await db.syncRecords.toArray()).map((r) => r.record);
    await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
    await beginJoin({ accountId: 'bench', deviceId: 'bench-fresh', token: 'bench', deviceName: 'Fresh' });
    const store = await secs(async () => {
      for (let i = 0; i < held.length; i += 5000) await storeJoinBatch(held.slice(i, i + 5000), i + 5000);
    });
    const freshRebuild = await secs(async () => {
      await mergeOwnData(new Date());
      await rebuildForJoin();
    });
    const [reviewLogs, cardStates] = await Promise.all([db.reviewLogs.count(), db.cardStates.count()]);
    return {
      records,
      turnOn: { merge, rebuild },
      gradesWithoutSync,
      gradesWithSync,
      fresh: { store, rebuild: freshRebuild, reviewLogs, cardStates }
    };
  },

  /** Sample rows, for checking that the seed looks like real data. */
  async sample(): Promise<{ state: CardProgress | undefined; logs: number }> {
    const state = await db.cardStates.get([BENCH_DECK_ID, 'card-000042']);
    const logs = await db.reviewLogs.where('[deckId+cardId]').equals([BENCH_DECK_ID, 'card-000042']).count();
    return { state, logs };
  }
};

export type FactdeckBench = typeof api;

declare global {
  interface Window {
    factdeckBench: FactdeckBench;
  }
}

window.factdeckBench = api;
document.documentElement.dataset.benchReady = '';
