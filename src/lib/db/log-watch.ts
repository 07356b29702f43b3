/** Following a deck's review log as other tabs write to it, with Dexie's live queries. */
import { liveQuery } from 'dexie';
import type { CardProgress, ReviewLogEntry } from '$lib/domain';
import { logIdsSince, logsByIds, statesOf } from './progress-reads.repo';

/** What changed in a deck's review log since the rows a watcher has taken into account. */
export interface DeckLogChanges {
  /** Rows the watcher does not know yet. */
  added: ReviewLogEntry[];
  /** Ids of known rows that are gone (an undo). */
  removed: string[];
  /** The stored state of each card an added or removed row is about (null: it has none). */
  states: (readonly [cardId: string, progress: CardProgress | null])[];
}

/**
 * Watches the keys of a deck's review log from `since()` on (every grade and undo, in any tab, adds or
 * deletes a row there) and, after each change, reads only what changed: the rows not in `known`, the
 * ids of `known` that are gone, and the states of the cards they are about. `known` is read at each
 * change, so the watcher updates it as it applies changes. Returns the function that stops watching.
 */
export function watchDeckLog(
  deckId: string,
  since: () => number,
  known: ReadonlyMap<string, Pick<ReviewLogEntry, 'cardId'>>,
  listener: { next: (changes: DeckLogChanges) => void; error: (e: unknown) => void }
): () => void {
  const subscription = liveQuery(async (): Promise<DeckLogChanges> => {
    const ids = await logIdsSince(deckId, since());
    const now = new Set(ids);
    const removed = [...known.keys()].filter((id) => !now.has(id));
    const added = (await logsByIds(ids.filter((id) => !known.has(id)))).filter((l) => l !== undefined);
    const cards = [...new Set([...added.map((l) => l.cardId), ...removed.map((id) => known.get(id)!.cardId)])];
    const states = await statesOf(deckId, cards);
    return { added, removed, states: cards.map((id, i) => [id, states[i] ?? null] as const) };
  }).subscribe(listener);
  return () => subscription.unsubscribe();
}
