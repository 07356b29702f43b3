/** Which cards cite each paragraph of a source: shows how well each part of a text is covered. */
import { parseCloze } from './cloze';
import type { Card, Deck, Source } from './deck.schema';

export interface CitingCard {
  deckId: string;
  deckTitle: string;
  card: Card;
}

/** One entry per paragraph 1..source.paragraphs, each with the cards that cite it, in deck order. */
export function paragraphMap(source: Source, decks: readonly Deck[]): { paragraph: number; cards: CitingCard[] }[] {
  const map = Array.from({ length: source.paragraphs }, (_, i) => ({ paragraph: i + 1, cards: [] as CitingCard[] }));
  for (const deck of decks)
    for (const card of deck.cards)
      if (card.cite?.source === source.id)
        for (const p of new Set(card.cite.paragraphs))
          map[p - 1]?.cards.push({ deckId: deck.id, deckTitle: deck.title, card });
  return map;
}

/** The prompt side of a card, for lists. */
export function cardPrompt(card: Card): string {
  if (card.type !== 'cloze') return card.front;
  const cloze = parseCloze(card.text);
  if (!cloze.ok) return card.text;
  return cloze.parts.map((part) => (typeof part === 'string' ? part : `[${part.answer}]`)).join('');
}
