/** The short description of a deck that lists show: counts, not cards. */
import type { Deck, DeckSummary } from './deck.schema';
import { studyItems } from './study-items';

export function summarize(deck: Deck): DeckSummary {
  return {
    id: deck.id,
    title: deck.title,
    description: deck.description,
    language: deck.language,
    tags: deck.tags,
    cardCount: deck.cards.length,
    itemCount: studyItems(deck).length,
    sourceIds: (deck.sources ?? []).map((s) => s.id)
  };
}
