import { loadDeckIndex } from '$lib/decks';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({ decks: await loadDeckIndex(fetch) });
