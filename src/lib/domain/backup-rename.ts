/** A deck in a backup that would take the place of a built-in deck, renamed as an import renames it. */
import type { BackupData } from './backup';
import { deckIdTaken } from './reserved-ids';

/**
 * `data` with every imported deck whose id is a built-in deck's or reserved (`RESERVED_DECK_IDS`) renamed to `<id>-imported` (as
 * `/import` does), together with the progress, reviews and quiz attempts of its own cards; progress
 * of other card ids stays with the built-in deck. Pure; returns `data` itself when nothing clashes.
 */
export function renameShadowingDecks(data: BackupData, builtInIds: ReadonlySet<string>): BackupData {
  if (!data.decks.some((d) => deckIdTaken(d.id, builtInIds))) return data;
  const renamed = new Map<string, { to: string; cards: Set<string> }>();
  const decks = data.decks.map((row) => {
    if (!deckIdTaken(row.id, builtInIds)) return row;
    let to = `${row.id}-imported`;
    while (deckIdTaken(to, builtInIds) || data.decks.some((d) => d.id === to)) to += '-imported';
    renamed.set(row.id, { to, cards: cardIdsOf(row.deck) });
    return { ...row, id: to, deck: { ...row.deck, id: to } };
  });
  const move = <T extends { deckId: string; cardId: string }>(r: T): T => {
    const rename = renamed.get(r.deckId);
    return rename?.cards.has(baseCardId(r.cardId)) ? { ...r, deckId: rename.to } : r;
  };
  return {
    ...data,
    decks,
    cardStates: data.cardStates.map(move),
    reviewLogs: data.reviewLogs.map(move),
    quizAttempts: data.quizAttempts.map((q) => {
      const rename = renamed.get(q.deckId);
      return rename ? { ...q, deckId: rename.to } : q;
    })
  };
}

function cardIdsOf(deck: BackupData['decks'][number]['deck']): Set<string> {
  return new Set(deck.cards.map((c) => c.id));
}

/** A study item id without its direction or deletion (`card#reverse`, `card#c2`). */
function baseCardId(itemId: string): string {
  const hash = itemId.indexOf('#');
  return hash === -1 ? itemId : itemId.slice(0, hash);
}
