/**
 * The one place a study session (in any tab) hears that its deck's rows were changed from elsewhere:
 * records pulled by sync, or written in another tab, that rebuilt study items, quiz attempts or the
 * deck itself. Whatever rebuilds rows of a deck outside the session raises its `deckChanges` version
 * in the same transaction (`bumpDecks`).
 */
import { liveQuery } from 'dexie';
import { db } from './factdeck-db';

/** The deck's change version now (0 when its rows were never changed from elsewhere). */
export async function deckChangeVersion(deckId: string): Promise<number> {
  return (await db.deckChanges.get(deckId))?.version ?? 0;
}

/**
 * Calls `listener` whenever the deck's change version is not `known()`, the version the caller has
 * read its rows at (`deckChangeVersion`), so a change made just before watching is not missed.
 * Returns the function that stops.
 */
export function watchDeckChanges(
  deckId: string,
  known: () => number,
  listener: () => void,
  onError: (e: unknown) => void
): () => void {
  const subscription = liveQuery(() => deckChangeVersion(deckId)).subscribe({
    next: (version) => {
      if (version !== known()) listener();
    },
    error: onError
  });
  return () => subscription.unsubscribe();
}
