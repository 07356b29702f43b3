/** A deck's cards as study items: a reverse card is studied both ways, a cloze once per deletion. */
import { parseCloze, type ClozePart } from './cloze';
import type { Card, Deck } from './deck.schema';

export type StudyItem =
  | { id: string; card: Card; side: 'front' }
  | { id: string; card: Card & { type: 'reverse' }; side: 'back' }
  | { id: string; card: Card & { type: 'cloze' }; side: 'cloze'; deletion: number; parts: ClozePart[] };

/** Study item ids are stable: `<card id>`, `<card id>#reverse`, `<card id>#c<n>` (n from 1). */
export function studyItems(deck: Pick<Deck, 'cards'>): StudyItem[] {
  const items: StudyItem[] = [];
  for (const card of deck.cards) {
    if (card.type === 'cloze') {
      const cloze = parseCloze(card.text);
      if (!cloze.ok) continue; // compiled decks never hold a broken cloze; imports are parsed first
      for (let n = 1; n <= cloze.deletions; n++)
        items.push({ id: `${card.id}#c${n}`, card, side: 'cloze', deletion: n, parts: cloze.parts });
    } else {
      items.push({ id: card.id, card, side: 'front' });
      if (card.type === 'reverse') items.push({ id: `${card.id}#reverse`, card, side: 'back' });
    }
  }
  return items;
}

/** The card id a study item belongs to. */
export function cardIdOf(itemId: string): string {
  const hash = itemId.indexOf('#');
  return hash === -1 ? itemId : itemId.slice(0, hash);
}

/** Study items by id. */
export function byId(items: readonly StudyItem[]): ReadonlyMap<string, StudyItem> {
  return new Map(items.map((i) => [i.id, i]));
}
