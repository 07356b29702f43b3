import { loadDeck } from '$lib/decks';
import type { LayoutLoad } from './$types';

export const load: LayoutLoad = async ({ fetch, params }) => ({ deck: await loadDeck(fetch, params.deckId) });
