/** Every deck on this device, built in or imported, with its study items: what the stats and card pages list. */
import { listImportedDecks } from '$lib/db';
import { loadDeck, loadDeckIndex } from '$lib/decks';
import { studyItems, type Deck, type StudyItem } from '$lib/domain';

export interface DeviceDeck {
  deck: Deck;
  imported: boolean;
  /** The deck's study items in deck order: a reverse card is two, a cloze one per deletion. */
  items: StudyItem[];
}

/**
 * Imported decks (newest first), then built-in decks in index order. An imported deck with a
 * built-in deck's id takes its place, as on the deck page. Built-in decks are precached JSON, so this
 * works offline; it rejects as `loadDeckIndex` and `loadDeck` do when one cannot be read.
 */
export async function loadAllDecks(fetch: typeof globalThis.fetch): Promise<DeviceDeck[]> {
  const [index, imported] = await Promise.all([loadDeckIndex(fetch), listImportedDecks()]);
  const importedIds = new Set(imported.map((r) => r.id));
  const builtIn = await Promise.all(index.filter((s) => !importedIds.has(s.id)).map((s) => loadDeck(fetch, s.id)));
  const withItems = (deck: Deck, isImported: boolean): DeviceDeck => ({
    deck,
    imported: isImported,
    items: studyItems(deck)
  });
  return [...imported.map((r) => withItems(r.deck, true)), ...builtIn.map((d) => withItems(d, false))];
}
