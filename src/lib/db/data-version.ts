/**
 * Data versions: how an open study session or quiz learns that what it holds was removed or
 * replaced, here or in another tab. Every transaction that deletes or replaces a deck's cards or
 * progress (delete, re-import, cards deleted in the editor, restore, reset, snapshot restore, repair,
 * with sync on or off; a pulled removal of a deck or of all progress) bumps a counter in
 * `dataVersions`, for the deck it changed or for `ALL_DATA`. A session reads the two
 * counters of its deck when it starts, before anything else; every write it makes checks them inside
 * its own transaction (`checkDataVersion`), so a write after the change is rolled back whole; and it
 * watches them (`watchDataVersion`: a live query, which Dexie broadcasts to every tab) to stop, say
 * why and start again from what is stored. Grades made in another tab are not changes of this kind:
 * they add log rows, which sessions follow row by row (log-watch.ts).
 */
import { liveQuery } from 'dexie';
import type { DataChange } from '$lib/domain';
import { db } from './factdeck-db';

/** The scope of a change to every deck at once (a reset, a restore). */
export const ALL_DATA = '*';

export interface DataVersionRow {
  /** A deck id, or ALL_DATA. */
  scope: string;
  version: number;
  change: DataChange;
  /** Epoch ms. */
  at: number;
}

/** The versions a session read when it started: its deck's and ALL_DATA's (0 when never bumped). */
export interface SeenVersion {
  deck: number;
  all: number;
}

/** Thrown inside a write transaction whose session started before a change; the transaction is rolled back. */
export class StaleDataError extends Error {
  constructor(readonly change: DataChange) {
    super(`The data changed since this session started (${change})`);
    this.name = 'StaleDataError';
  }
}

/** Bumps the version of `scope`; call inside the transaction that makes the change (with `dataVersions` in it). */
export async function bumpDataVersion(scope: string, change: DataChange, at: number): Promise<void> {
  const row = await db.dataVersions.get(scope);
  await db.dataVersions.put({ scope, version: (row?.version ?? 0) + 1, change, at });
}

/** The versions of a deck now. A session reads them before the data it loads. */
export async function readDataVersion(deckId: string): Promise<SeenVersion> {
  const [deck, all] = await db.dataVersions.bulkGet([deckId, ALL_DATA]);
  return { deck: deck?.version ?? 0, all: all?.version ?? 0 };
}

/** The newest change since `seen`, or null when there is none. */
function changeSince(seen: SeenVersion, rows: (DataVersionRow | undefined)[]): DataChange | null {
  const [deck, all] = rows;
  const deckChanged = (deck?.version ?? 0) !== seen.deck;
  const allChanged = (all?.version ?? 0) !== seen.all;
  if (deckChanged && allChanged) return deck!.at >= all!.at ? deck!.change : all!.change;
  if (deckChanged) return deck!.change;
  if (allChanged) return all!.change;
  return null;
}

/**
 * Throws StaleDataError when the deck's versions moved since `seen`. Call inside the write's
 * transaction (with `dataVersions` in it), so the check and the write are one.
 */
export async function checkDataVersion(deckId: string, seen: SeenVersion): Promise<void> {
  const change = changeSince(seen, await db.dataVersions.bulkGet([deckId, ALL_DATA]));
  if (change) throw new StaleDataError(change);
}

/** Calls `onChange` once when the deck's versions move past `seen`, in this tab or another. Returns the stop function. */
export function watchDataVersion(
  deckId: string,
  seen: SeenVersion,
  onChange: (change: DataChange) => void
): () => void {
  let done = false;
  const subscription = liveQuery(() => db.dataVersions.bulkGet([deckId, ALL_DATA])).subscribe({
    next: (rows) => {
      const change = changeSince(seen, rows);
      if (!change || done) return;
      done = true;
      onChange(change);
    },
    // A closed database (another tab upgraded or deleted it) is said by watchStorage already.
    error: () => {}
  });
  return () => subscription.unsubscribe();
}
