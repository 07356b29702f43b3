/** What is due across every deck on the device: the "Study what is due" shortcut and the app badge. */
import { loadAllDecks } from './all-decks';
import { deckStatus } from './deck-status';

export interface DueDeck {
  id: string;
  title: string;
  /** Learning and review cards due now. */
  due: number;
  /** New cards today's limit still allows. */
  fresh: number;
}

/** Each deck's due and new counts right now, the most due first. */
export async function dueByDeck(fetch: typeof globalThis.fetch, now: Date): Promise<DueDeck[]> {
  const decks = await loadAllDecks(fetch);
  const counted = await Promise.all(
    decks.map(async ({ deck }) => {
      const { queue } = await deckStatus(deck, now);
      return { id: deck.id, title: deck.title, due: queue.learning + queue.review, fresh: queue.new };
    })
  );
  return counted.sort((a, b) => b.due - a.due || b.fresh - a.fresh);
}

/**
 * Shows the number of cards due now on the installed app's icon (Badging API), or clears it at zero.
 * Where the browser has no badge, does nothing and reads nothing.
 */
export async function updateAppBadge(fetch: typeof globalThis.fetch, now: Date): Promise<void> {
  if (typeof navigator === 'undefined' || typeof navigator.setAppBadge !== 'function') return;
  try {
    const due = (await dueByDeck(fetch, now)).reduce((n, d) => n + d.due, 0);
    if (due > 0) await navigator.setAppBadge(due);
    else await navigator.clearAppBadge();
  } catch {
    // A badge is a nicety: a device that refuses it (not installed, no permission) loses nothing.
  }
}
