/** The card browser page: every study item of every deck with its progress, searched and changed one at a time. */
import { cardLogs, cardStatesOf, resetCard, setSuspended } from '$lib/db';
import { studyItemKey, type CardProgress, type ReviewLogEntry } from '$lib/domain';
import { loadAllDecks, type DeviceDeck } from './all-decks';
import {
  ALL_CARDS,
  browserRows,
  kindsOf,
  queryFromUrl,
  queryRows,
  tagsOf,
  type BrowserRow,
  type CardQuery
} from './card-browser';

export class CardsPage {
  decks = $state.raw<DeviceDeck[] | null>(null);
  rows = $state.raw<BrowserRow[]>([]);
  /** Stored progress by `studyItemKey`. */
  progress = $state.raw<ReadonlyMap<string, CardProgress>>(new Map());
  /** When progress was last read or changed: what "due in…" is relative to. */
  now = $state.raw(new Date());
  query = $state<CardQuery>({ ...ALL_CARDS });
  /** The key of the card whose details are open. */
  openKey = $state<string | null>(null);

  tags = $derived(this.decks ? tagsOf(this.decks) : []);
  kinds = $derived(this.decks ? kindsOf(this.decks) : []);
  matches = $derived(queryRows(this.rows, this.progress, this.query));
  open = $derived(this.openKey ? (this.rows.find((r) => r.key === this.openKey) ?? null) : null);

  /** Reads every deck and every stored state; `search` is the page's query string (`?q=…&deck=…`). */
  async load(fetch: typeof globalThis.fetch, search: string): Promise<void> {
    const [all, states] = await Promise.all([loadAllDecks(fetch), cardStatesOf(null)]);
    const { query, openKey } = queryFromUrl(new URLSearchParams(search), all);
    this.query = query;
    this.rows = browserRows(all);
    this.progress = new Map(states.map((p) => [studyItemKey(p.deckId, p.cardId), p]));
    this.now = new Date();
    this.decks = all;
    if (openKey) this.openKey = openKey;
  }

  /** A card's review history, oldest first. */
  history(row: BrowserRow): Promise<ReviewLogEntry[]> {
    return cardLogs(row.deckId, row.item.id);
  }

  /** Suspends or unsuspends a card; resolves to its new progress. */
  async setSuspended(row: BrowserRow, suspended: boolean): Promise<CardProgress> {
    const next = await setSuspended(row.deckId, row.item.id, suspended, new Date());
    this.#changed(row.key, next);
    return next;
  }

  /** Forgets a card's progress and history: it is new again. */
  async reset(row: BrowserRow): Promise<void> {
    await resetCard(row.deckId, row.item.id);
    this.#changed(row.key, undefined);
  }

  #changed(key: string, next: CardProgress | undefined) {
    const copy = new Map(this.progress);
    if (next) copy.set(key, next);
    else copy.delete(key);
    this.progress = copy;
    this.now = new Date();
  }
}
