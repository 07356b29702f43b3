/**
 * One account of a sync server, in memory, following docs/sync.md: a push stores each record newer
 * than the version held (idempotent) and gives it the account's next `seq`; a pull returns records
 * with `seq` above a cursor, in `seq` order. For tests and benchmarks of devices; the real server is
 * in server/ on PostgreSQL.
 */
import { recordKey } from './record-keys';
import { isNewer, type SyncRecord } from './sync-record';

/** Most records one push may carry. */
export const PUSH_LIMIT = 5000;
/** How far ahead of the server's clock a record's `at` may be. */
export const CLOCK_SKEW_MS = 5 * 60_000;

export interface PushResult {
  stored: number;
  cursor: number;
}

export interface PullResult {
  records: SyncRecord[];
  cursor: number;
  more: boolean;
}

/** A push the server refuses: nothing of it is stored. */
export class PushRefused extends Error {
  constructor(
    readonly index: number,
    readonly reason: 'device' | 'future' | 'too-many'
  ) {
    super(`record ${index}: ${reason}`);
    this.name = 'PushRefused';
  }
}

export class MemorySyncServer {
  #seq = 0;
  readonly #held = new Map<string, { seq: number; record: SyncRecord }>();
  /** Keys in the order of their `seq`; an entry whose key has since got a newer seq is skipped. */
  readonly #log: { seq: number; key: string }[] = [];

  /** The account's counter: the `seq` of the latest record stored. */
  get seq(): number {
    return this.#seq;
  }

  /** Every record held, newest version of each key. */
  records(): SyncRecord[] {
    return [...this.#held.values()].map((h) => h.record);
  }

  push(device: string, records: readonly SyncRecord[], now: number): PushResult {
    if (records.length > PUSH_LIMIT) throw new PushRefused(PUSH_LIMIT, 'too-many');
    records.forEach((r, i) => {
      if (r.device !== device) throw new PushRefused(i, 'device');
      const reviewedAt = r.kind === 'review' ? r.row.reviewedAt : -Infinity;
      if (Math.max(r.at, reviewedAt) > now + CLOCK_SKEW_MS) throw new PushRefused(i, 'future');
    });
    let stored = 0;
    for (const record of records) {
      const key = recordKey(record);
      const held = this.#held.get(key)?.record;
      if (held && (record.kind === 'removal' || !isNewer(record, held))) continue;
      const seq = ++this.#seq;
      this.#held.set(key, { seq, record });
      this.#log.push({ seq, key });
      stored++;
    }
    return { stored, cursor: this.#seq };
  }

  pull(since: number, limit: number): PullResult {
    // The first entry with seq > since.
    let lo = 0;
    let hi = this.#log.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#log[mid].seq <= since) lo = mid + 1;
      else hi = mid;
    }
    const records: SyncRecord[] = [];
    let cursor = since;
    let i = lo;
    for (; i < this.#log.length && records.length < limit; i++) {
      const { seq, key } = this.#log[i];
      const held = this.#held.get(key)!;
      cursor = seq;
      if (held.seq === seq) records.push(held.record);
    }
    return { records, cursor, more: i < this.#log.length };
  }
}
