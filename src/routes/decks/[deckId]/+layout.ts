import { browser } from '$app/environment';
import { getImportedDeck } from '$lib/db';
import { loadDeck } from '$lib/decks';
import type { LayoutLoad } from './$types';

// Built-in decks are prerendered; a deck imported on this device opens through the app shell
// (200.html) and is read from IndexedDB.
export const load: LayoutLoad = async ({ fetch, params }) => {
  const imported = browser ? await getImportedDeck(params.deckId) : undefined;
  if (imported) return { deck: imported.deck, imported };
  return { deck: await loadDeck(fetch, params.deckId), imported: null };
};
