/**
 * Editing a deck's cards in the app: new cards and their ids, changing a card's type, moving cards,
 * and an editable copy of a built-in deck. Pure: the card editor and the review of a drafted deck
 * keep the deck in state and store it through the decks repository, which keeps progress by card id
 * exactly as importing a new version does.
 */
import { clozeRevealed } from './cloze';
import type { Card, CardType, Deck } from './deck.schema';
import { shortHash, slugify } from './import/card-ids';

/** A new id for a card with this prompt, not among `taken`: its slug and a hash, as imports make them. */
export function newCardId(prompt: string, taken: ReadonlySet<string>): string {
  const text = prompt.trim() || 'card';
  const base = `${slugify(text, 40) || 'card'}-${shortHash(text)}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** What the card asks and what it answers, in words, whatever its type. */
export function promptAndAnswerOf(card: Card): { prompt: string; answer: string } {
  switch (card.type) {
    case 'cloze':
      return { prompt: card.text, answer: '' };
    case 'basic':
    case 'reverse':
      return { prompt: card.front, answer: card.back };
    case 'typed':
    case 'choice':
      return { prompt: card.front, answer: card.answer };
    case 'truefalse':
      return { prompt: card.front, answer: '' };
  }
}

/**
 * The card as another type, keeping its id, kind, cite, claim, explanation and tags, and carrying
 * its question and answer over where the new type has a place for them. The result may still need
 * filling in (a cloze needs a deletion, a choice its options): the schema says what.
 */
export function withType(card: Card, type: CardType): Card {
  if (card.type === type) return card;
  const { id, kind, claimBy, cite, explanation, tags } = card;
  const common = {
    id,
    ...(tags ? { tags } : {}),
    ...(explanation ? { explanation } : {}),
    ...(kind ? { kind } : {}),
    ...(claimBy ? { claimBy } : {}),
    ...(cite ? { cite } : {})
  };
  const { prompt, answer } = promptAndAnswerOf(card);
  const front = card.type === 'cloze' ? clozeRevealed(card.text) : prompt;
  switch (type) {
    case 'basic':
    case 'reverse':
      return { ...common, type, front, back: answer };
    case 'cloze':
      return { ...common, type, text: card.type === 'cloze' ? card.text : answer ? `${front} {{${answer}}}` : front };
    case 'typed':
      return { ...common, type, front, answer };
    case 'choice':
      return { ...common, type, front, answer, ...(answer ? { options: [answer] } : {}) };
    case 'truefalse':
      return { ...common, type, front, answer: true };
  }
}

/** A blank card of the type, with a placeholder id the editor replaces when the card is first saved. */
export function blankCard(type: CardType): Card {
  return withType({ id: 'new-card', type: 'basic', front: '', back: '' }, type);
}

/** The list with the card at `from` moved to `to`. */
export function moveCard<T>(cards: readonly T[], from: number, to: number): T[] {
  const out = [...cards];
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [card] = out.splice(from, 1);
  out.splice(to, 0, card);
  return out;
}

/** An editable copy of a deck: its cards, sources and ids, under a new deck id and the given title. */
export function deckCopy(deck: Deck, title: string, takenDeckIds: ReadonlySet<string>): Deck {
  let id = `${deck.id}-copy`;
  for (let n = 2; takenDeckIds.has(id); n++) id = `${deck.id}-copy-${n}`;
  return { ...structuredClone(deck), id, title };
}
