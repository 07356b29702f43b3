/**
 * The `reviewBuckets` table: the review log summed per deck and quarter hour (see `ReviewBucket`), so
 * the stats page reads a few thousand small rows instead of every review. A Dexie middleware keeps it
 * in step with `reviewLogs`: every transaction that can write the log also writes the buckets, and
 * every add, put and delete of log rows changes the buckets in that same transaction, whichever code
 * makes it (grading, undo, reset, re-import, restore, repair). Nothing else writes the buckets, except
 * `rebuildReviewBuckets`, which recomputes them from the log.
 */
import {
  addToBuckets,
  bucketMapKey,
  bucketsOf,
  type BucketKey,
  type ReviewBucket,
  type ReviewLogEntry
} from '$lib/domain';
import { RangeSet } from 'dexie';
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, Middleware, Table } from 'dexie';

const LOGS = 'reviewLogs';
const BUCKETS = 'reviewBuckets';

/** The result of an IndexedDB request, as a promise. */
function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Dexie's key range as IndexedDB's (`DBCoreRangeType`: 1 equal, 2 range, 3 any, 4 never). */
function idbRange(range: DBCoreKeyRange): IDBKeyRange | null | 'never' {
  switch (range.type as number) {
    case 1:
      return IDBKeyRange.only(range.lower);
    case 3:
      return null;
    case 4:
      return 'never';
    default:
      return IDBKeyRange.bound(range.lower, range.upper, !!range.lowerOpen, !!range.upperOpen);
  }
}

/**
 * Asks for the log rows `req` is about to replace or delete, or 'all' when it empties the table. The
 * requests are sent before the change itself, so IndexedDB (which runs a transaction's requests in
 * order) answers with the rows as they were.
 */
function rowsBefore(trans: IDBTransaction, req: DBCoreMutateRequest): Promise<ReviewLogEntry[] | 'all'> {
  const logs = trans.objectStore(LOGS);
  let rows: Promise<(ReviewLogEntry | undefined)[]>;
  if (req.type === 'add') return Promise.resolve([]);
  if (req.type === 'deleteRange') {
    const range = idbRange(req.range);
    if (range === null) return Promise.resolve('all');
    if (range === 'never') return Promise.resolve([]);
    rows = request(logs.getAll(range));
  } else {
    const keys: IDBValidKey[] =
      req.type === 'delete' ? req.keys : (req.keys ?? req.values.map((v: ReviewLogEntry) => v.id));
    rows = Promise.all(keys.map((key) => request(logs.get(key))));
  }
  return rows.then(distinct);
}

/** Each row once, the last of those with the same id (a put of one id twice stores the second). */
function distinct(rows: readonly (ReviewLogEntry | undefined)[]): ReviewLogEntry[] {
  const byId = new Map<string, ReviewLogEntry>();
  for (const row of rows) if (row) byId.set(row.id, row);
  return [...byId.values()];
}

/** The rows of `req` that were written, leaving out those that failed (a duplicate id in a bulk add). */
function written(req: DBCoreMutateRequest, res: DBCoreMutateResponse): ReviewLogEntry[] {
  if (req.type !== 'add' && req.type !== 'put') return [];
  const values = req.values as ReviewLogEntry[];
  return distinct(res.numFailures ? values.filter((_, i) => !(i in res.failures)) : values);
}

/** Applies the change of `removed` and `added` log rows to the stored buckets. */
async function applyToBuckets(
  trans: IDBTransaction,
  removed: readonly ReviewLogEntry[] | 'all',
  added: readonly ReviewLogEntry[]
): Promise<void> {
  const store = trans.objectStore(BUCKETS);
  if (removed === 'all') {
    await request(store.clear());
    removed = [];
  }
  const delta = new Map<string, ReviewBucket>();
  addToBuckets(delta, removed, -1);
  addToBuckets(delta, added, 1);
  const changes = [...delta.values()].filter((d) => d.reviews !== 0 || d.ms !== 0 || d.matureReviews !== 0);
  if (changes.length === 0) return;
  const stored = await Promise.all(
    changes.map((d) => request(store.get([d.deckId, d.start]) as IDBRequest<ReviewBucket | undefined>))
  );
  const writes = changes.map((d, i) => {
    const old = stored[i];
    const next: ReviewBucket = {
      deckId: d.deckId,
      start: d.start,
      reviews: (old?.reviews ?? 0) + d.reviews,
      ms: (old?.ms ?? 0) + d.ms,
      matureReviews: (old?.matureReviews ?? 0) + d.matureReviews,
      maturePassed: (old?.maturePassed ?? 0) + d.maturePassed
    };
    return next.reviews > 0 ? request(store.put(next)) : request(store.delete([d.deckId, d.start]));
  });
  await Promise.all(writes);
}

/**
 * Keeps `reviewBuckets` in step with `reviewLogs`. The buckets are read and written with IndexedDB's
 * own calls on the log change's transaction: Dexie's lower layers expect Dexie's transaction zone,
 * which is gone after the first `await`. So that a `liveQuery` over the buckets still hears of their
 * changes, each log change is marked as changing every bucket too.
 */
export const reviewBucketsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'reviewBuckets',
  create(down) {
    // Upgrades of versions before the buckets existed see a schema without them: nothing to keep.
    if (!down.schema.tables.some((t) => t.name === BUCKETS)) return down;
    // Bucket changes within one transaction are made one after another: two log writes sent
    // together would otherwise read the same bucket and each write back its own sum.
    const queues = new WeakMap<object, Promise<unknown>>();
    return {
      ...down,
      transaction(stores, mode, options) {
        const withBuckets =
          mode === 'readwrite' && stores.includes(LOGS) && !stores.includes(BUCKETS) ? [...stores, BUCKETS] : stores;
        return down.transaction(withBuckets, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== LOGS) return table;
        return {
          ...table,
          mutate(req) {
            const trans = req.trans as unknown as IDBTransaction;
            // Dexie's observability layer, below, adds these parts to what the transaction changed.
            const parts = (req.mutatedParts ??= {});
            for (const part of ['', ':dels'])
              parts[`idb://${down.schema.name}/${BUCKETS}/${part}`] = new RangeSet(down.MIN_KEY, down.MAX_KEY);
            // Both sent now, in this order, while Dexie's zone is still current.
            const before = rowsBefore(trans, req);
            const change = table.mutate(req);
            const done = Promise.all([before, change, queues.get(trans)]).then(async ([removed, res]) => {
              await applyToBuckets(trans, removed, written(req, res));
              return res;
            });
            queues.set(
              trans,
              done.catch(() => undefined)
            );
            return done.catch((e: unknown) => {
              // The log and its buckets change together or not at all.
              try {
                trans.abort();
              } catch {
                // Already finished or aborted.
              }
              throw e;
            });
          }
        };
      }
    };
  }
};

/** Replaces every bucket with the sums of `logs` (the whole log), inside the caller's transaction. */
export async function rebuildReviewBuckets(
  buckets: Table<ReviewBucket, BucketKey>,
  logs: readonly ReviewLogEntry[]
): Promise<void> {
  await buckets.clear();
  await buckets.bulkAdd(bucketsOf(logs));
}

/** True when the stored buckets are exactly the sums of `logs`. */
export async function bucketsMatch(
  buckets: Table<ReviewBucket, BucketKey>,
  logs: readonly ReviewLogEntry[]
): Promise<boolean> {
  const stored = await buckets.toArray();
  const expected = new Map(bucketsOf(logs).map((b) => [bucketMapKey(b), b]));
  if (stored.length !== expected.size) return false;
  return stored.every((b) => {
    const e = expected.get(bucketMapKey(b));
    return (
      !!e &&
      e.reviews === b.reviews &&
      e.ms === b.ms &&
      e.matureReviews === b.matureReviews &&
      e.maturePassed === b.maturePassed
    );
  });
}
