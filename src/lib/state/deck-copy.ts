/** An editable copy of a built-in deck, stored on this device like an imported deck. */
import { listImportedDecks, saveImportedDeck } from '$lib/db';
import { loadDeckIndex } from '$lib/decks';
import { deckCopy, type Deck } from '$lib/domain';
import * as t from '$lib/text';
import { systemClock } from './deck-status';

/**
 * Stores a copy of `deck` (cards, card ids and sources unchanged) under an id no deck has; returns
 * that id. Progress is per deck, so the copy starts fresh and the built-in deck keeps its own.
 */
export async function makeEditableCopy(
  deck: Deck,
  fetch: typeof globalThis.fetch = globalThis.fetch,
  now: Date = systemClock()
): Promise<string> {
  const [index, stored] = await Promise.all([loadDeckIndex(fetch), listImportedDecks()]);
  const taken = new Set([...index.map((d) => d.id), ...stored.map((d) => d.id)]);
  const copy = deckCopy(deck, t.deckEditor.copyTitle(deck.title), taken);
  await saveImportedDeck(copy, { fileName: null, format: 'copy', now, deleteRemovedProgress: false });
  return copy.id;
}
