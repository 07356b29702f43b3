/** What changes when a deck is imported again: cards added, changed, removed (by card id). */
import type { Card, Deck } from './deck.schema';

export interface DeckDiff {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: string[];
}

/** A card's content as a string with keys in a fixed order, so equal cards compare equal. */
export function cardFingerprint(card: Card): string {
  return JSON.stringify(card, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value
  );
}

export function diffDecks(previous: Pick<Deck, 'cards'> | undefined, next: Pick<Deck, 'cards'>): DeckDiff {
  const before = new Map((previous?.cards ?? []).map((c) => [c.id, cardFingerprint(c)]));
  const diff: DeckDiff = { added: [], changed: [], removed: [], unchanged: [] };
  const nextIds = new Set<string>();
  for (const card of next.cards) {
    nextIds.add(card.id);
    const old = before.get(card.id);
    if (old === undefined) diff.added.push(card.id);
    else if (old === cardFingerprint(card)) diff.unchanged.push(card.id);
    else diff.changed.push(card.id);
  }
  for (const id of before.keys()) if (!nextIds.has(id)) diff.removed.push(id);
  return diff;
}
