import { loadDeckIndex } from '$lib/decks';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch }) => {
  const index = await loadDeckIndex(fetch);
  return { builtInIds: index.map((d) => d.id), builtInTitles: new Map(index.map((d) => [d.id, d.title])) };
};
