import { loadDeckIndex } from '$lib/decks';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => ({ builtInIds: (await loadDeckIndex(fetch)).map((d) => d.id) });
