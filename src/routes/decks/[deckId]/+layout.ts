import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { getImportedDeck, StorageBlockedError, unlessBlocked } from '$lib/db';
import { loadDeck } from '$lib/decks';
import type { LayoutLoad } from './$types';

// Built-in decks are prerendered JSON; a deck imported on this device opens through the app shell
// (200.html) and is read from IndexedDB.
export const load: LayoutLoad = async ({ fetch, params }) => {
  try {
    return { deck: await loadDeck(fetch, params.deckId), imported: null };
  } catch (notBuiltIn) {
    if (!browser) throw notBuiltIn;
    const imported = await unlessBlocked(getImportedDeck(params.deckId)).catch((e: unknown) => {
      if (e instanceof StorageBlockedError) error(503, e.message);
      throw e;
    });
    if (imported) return { deck: imported.deck, imported };
    throw notBuiltIn;
  }
};
