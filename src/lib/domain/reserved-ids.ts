/**
 * Deck ids no deck may have: `/decks/<id>.json` is where a built-in deck is fetched from, and
 * `/decks/index.json` is the list of built-in decks, so a deck called `index` could be neither
 * opened nor deleted. Imports and restores rename such a deck as they rename one that takes a
 * built-in deck's id (`<id>-imported`); the deck compiler refuses it.
 */
export const RESERVED_DECK_IDS: ReadonlySet<string> = new Set(['index']);

/** Whether an imported or restored deck must be renamed: its id is reserved or a built-in deck's. */
export function deckIdTaken(id: string, builtInIds: ReadonlySet<string>): boolean {
  return RESERVED_DECK_IDS.has(id) || builtInIds.has(id);
}
