/**
 * Freeing space on a full device. Chromium refuses, for lack of space, a whole transaction that
 * writes any row when the origin is at its quota, even one that deletes far more than it writes;
 * a transaction that only deletes commits, and the space of what it deleted is free at once for
 * large rows (stored as files) and after compaction for small ones. So a delete that must work on a
 * full device deletes in a transaction of its own, then writes what it must (the data version) in a
 * second one, once there may be room.
 */
import type { Table } from 'dexie';
import type { DataChange } from '$lib/domain';
import { bumpDataVersion } from './data-version';
import { db } from './factdeck-db';
import { isQuotaError } from './quota-error';

/**
 * Runs `deletes` (which must only delete) in one transaction over `tables`, then moves the data
 * version of `scope` in another. If even that has no room, open sessions are not told: their writes
 * fail for lack of space too, and they find the rows gone when they next load.
 */
export async function deleteThenBump(
  tables: Table[],
  deletes: () => Promise<unknown>,
  scope: string,
  change: DataChange,
  at: number
): Promise<void> {
  await db.transaction('rw', tables, deletes);
  try {
    await db.transaction('rw', db.dataVersions, () => bumpDataVersion(scope, change, at));
  } catch (e) {
    if (!isQuotaError(e)) throw e;
  }
}
