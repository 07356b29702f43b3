/** The stats page: the decks on this device, and the figures for one of them or for all. */
import { statsRecords } from '$lib/db';
import { loadAllDecks, type DeviceDeck } from './all-decks';
import { statsSummary, type StatsSummary } from './stats-summary';

export class StatsPage {
  decks = $state.raw<DeviceDeck[] | null>(null);
  /** The figures last read, with the deck they are for (null: every deck). */
  shown = $state.raw<{ deckId: string | null; summary: StatsSummary } | null>(null);
  #reads = 0;

  async loadDecks(fetch: typeof globalThis.fetch): Promise<void> {
    this.decks = await loadAllDecks(fetch);
  }

  /**
   * Reads the figures for one deck, or for every deck (null), in one read of the database. When the
   * selection changes again before the read is done, the later read wins.
   */
  async read(deckId: string | null): Promise<void> {
    const read = ++this.#reads;
    const records = await statsRecords(deckId);
    const decks = this.decks;
    if (read !== this.#reads || !decks) return;
    const selected = decks.find((d) => d.deck.id === deckId);
    const summary = statsSummary(selected ? [selected] : decks, records, new Date());
    this.shown = { deckId, summary };
  }
}
