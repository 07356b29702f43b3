import { error } from '@sveltejs/kit';
import { loadDeck, loadDeckIndex } from '$lib/decks';
import { citingCards, paragraphMap } from '$lib/domain';
import * as t from '$lib/text';
import type { PageLoad } from './$types';

export const load: PageLoad = async ({ fetch, params }) => {
  const index = await loadDeckIndex(fetch);
  const decks = await Promise.all(
    index.filter((d) => d.sourceIds.includes(params.sourceId)).map((d) => loadDeck(fetch, d.id))
  );
  const source = decks.flatMap((d) => d.sources ?? []).find((s) => s.id === params.sourceId);
  if (!source) error(404, t.sources.notFound(params.sourceId));
  const languages: Record<string, string> = Object.fromEntries(decks.map((d) => [d.id, d.language]));
  return {
    source,
    paragraphs: paragraphMap(source, decks),
    byline: citingCards(source, decks, 'byline'),
    whole: citingCards(source, decks, 'whole'),
    languages
  };
};
