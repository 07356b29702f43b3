import { error } from '@sveltejs/kit';
import { citingCards, paragraphMap } from '$lib/domain';
import * as t from '$lib/text';
import type { PageLoad } from './$types';

// A source as one deck describes it, with that deck's cards: how a deck stored on this device
// (which the build cannot know) cites, so always served by the app shell, offline too.
export const prerender = false;

export const load: PageLoad = async ({ parent, params }) => {
  const { deck } = await parent();
  const source = deck.sources?.find((s) => s.id === params.sourceId);
  if (!source) error(404, t.sources.notInDeck(params.sourceId, deck.title));
  return {
    source,
    paragraphs: paragraphMap(source, [deck]),
    byline: citingCards(source, [deck], 'byline'),
    whole: citingCards(source, [deck], 'whole'),
    languages: { [deck.id]: deck.language },
    citedIn: { id: deck.id, title: deck.title }
  };
};
