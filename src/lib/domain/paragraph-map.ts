/** Which cards cite each part of a source: shows how well each part of a text is covered. */
import { parseCloze } from './cloze';
import type { Card, Cite, Deck, Source } from './deck.schema';

export interface CitingCard {
  deckId: string;
  deckTitle: string;
  card: Card;
}

export interface ParagraphEntry {
  paragraph: number;
  /** The paragraph in one line of our own words, from the source's outline. */
  gist?: string;
  /** The original at this paragraph, when the source has a URL and the outline a quote for it. */
  originalUrl?: string;
  cards: CitingCard[];
}

/** One entry per paragraph 1..source.paragraphs, each with the cards that cite it, in deck order. */
export function paragraphMap(source: Source, decks: readonly Deck[]): ParagraphEntry[] {
  const map = Array.from({ length: source.paragraphs ?? 0 }, (_, i): ParagraphEntry => {
    const entry = source.outline?.[i];
    return {
      paragraph: i + 1,
      gist: entry?.gist,
      originalUrl: source.url && entry?.quote ? textFragmentUrl(source.url, entry.quote) : undefined,
      cards: []
    };
  });
  for (const { deck, card, cite } of citesOf(source, decks))
    for (const p of new Set(cite.paragraphs)) map[p - 1]?.cards.push({ deckId: deck.id, deckTitle: deck.title, card });
  return map;
}

/** Cards that cite the source's byline, or the source as a whole (no paragraphs, no byline), in deck order. */
export function citingCards(source: Source, decks: readonly Deck[], part: 'byline' | 'whole'): CitingCard[] {
  return citesOf(source, decks)
    .filter(({ cite }) => (part === 'byline' ? cite.byline : !cite.byline && !cite.paragraphs))
    .map(({ deck, card }) => ({ deckId: deck.id, deckTitle: deck.title, card }));
}

function citesOf(source: Source, decks: readonly Deck[]) {
  return decks.flatMap((deck) =>
    deck.cards.flatMap((card) => (card.cite?.source === source.id ? [{ deck, card, cite: card.cite as Cite }] : []))
  );
}

/**
 * `url` opened at the first place its page shows `quote` and with it highlighted: a text fragment,
 * which browsers without support ignore, opening the page at its top.
 */
export function textFragmentUrl(url: string, quote: string): string {
  // The directive's own syntax characters must be escaped in the text; encodeURIComponent leaves "-".
  const text = encodeURIComponent(quote.trim().replace(/\s+/g, ' ')).replace(/-/g, '%2D');
  return `${url.split('#')[0]}#:~:text=${text}`;
}

/** The prompt side of a card, for lists. */
export function cardPrompt(card: Card): string {
  if (card.type !== 'cloze') return card.front;
  const cloze = parseCloze(card.text);
  if (!cloze.ok) return card.text;
  return cloze.parts.map((part) => (typeof part === 'string' ? part : `[${part.answer}]`)).join('');
}
