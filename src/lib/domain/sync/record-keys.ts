/** Keys and clocks of sync records: which records are versions of one another, and when a device writes. */
import { isNewer, type SyncRecord } from './sync-record';

/** A record's key: two records with the same key are versions of one record (removals: each its own). */
export function recordKey(r: Pick<SyncRecord, 'kind' | 'id'>): string {
  return `${r.kind}:${r.id}`;
}

/** A study item's key, the same as its mark record's id: `<deckId>/<itemId>`. */
export function itemKey(deckId: string, cardId: string): string {
  return `${deckId}/${cardId}`;
}

/**
 * The `at` of the next record a device writes: its clock, but always after every record it holds or
 * wrote (a hybrid logical clock). So a removal always comes after what the device saw when it made it,
 * even when another device's clock runs ahead, and a device's records never go backwards.
 */
export function nextAt(now: number, lastAt: number): number {
  return Math.max(Math.floor(now), lastAt + 1);
}

/** Of several versions of records, the newest of each key, removals each once. */
export function newestVersions(records: Iterable<SyncRecord>): Map<string, SyncRecord> {
  const out = new Map<string, SyncRecord>();
  for (const r of records) {
    const key = recordKey(r);
    const held = out.get(key);
    if (!held || isNewer(r, held)) out.set(key, r);
  }
  return out;
}

/** The latest `at` of some records (a loop: spreading 200,000 into `Math.max` overflows the stack). */
export function latestAt(records: readonly Pick<SyncRecord, 'at'>[]): number {
  let latest = -Infinity;
  for (const r of records) if (r.at > latest) latest = r.at;
  return latest;
}
