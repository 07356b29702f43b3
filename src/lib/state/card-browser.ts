/** The card browser's rows: every study item of every deck, searched, filtered and sorted. */
import { LEECH_LAPSES, State, studyItemKey, type CardKind, type CardProgress, type StudyItem } from '$lib/domain';
import type { DeviceDeck } from './all-decks';
import * as t from '$lib/text';

export type ItemState = 'new' | 'learning' | 'review' | 'relearning' | 'suspended';

export const STATE_NAMES: Record<ItemState, string> = {
  new: t.states.new,
  learning: t.states.learning,
  review: t.states.review,
  relearning: t.states.relearning,
  suspended: t.states.suspended
};

export interface BrowserRow {
  /** `studyItemKey(deckId, item.id)`, the key of the progress map. */
  key: string;
  deckId: string;
  deckTitle: string;
  language: string;
  item: StudyItem;
  /** Position across all decks, for deck order and stable ties. */
  order: number;
  /** Front, back, answer and cloze text, folded by `foldText`. */
  search: string;
}

/** Lower case without accents, so "bogota" finds "Bogotá" and "ÉCOLE" finds "école". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function searchText(item: StudyItem): string {
  const card = item.card;
  if (card.type === 'cloze') return foldText(card.text.replace(/\{\{|\}\}|::/g, ' '));
  const parts = [card.front];
  if (card.type === 'basic' || card.type === 'reverse') parts.push(card.back);
  else if (card.type !== 'truefalse') parts.push(card.answer);
  return foldText(parts.join('\n'));
}

/** One row per study item, decks in the order given. Built once per load; 50,000 cards take tens of ms. */
export function browserRows(decks: readonly DeviceDeck[]): BrowserRow[] {
  const rows: BrowserRow[] = [];
  for (const { deck, items } of decks) {
    let card: StudyItem['card'] | null = null;
    let search = '';
    for (const item of items) {
      // A reverse card's two sides and a cloze's deletions share their card's text.
      if (item.card !== card) {
        card = item.card;
        search = searchText(item);
      }
      rows.push({
        key: studyItemKey(deck.id, item.id),
        deckId: deck.id,
        deckTitle: deck.title,
        language: deck.language,
        item,
        order: rows.length,
        search
      });
    }
  }
  return rows;
}

/** What the browser shows for an item: suspended overrides the scheduling state. */
export function itemState(p: CardProgress | undefined): ItemState {
  if (!p) return 'new';
  if (p.suspended) return 'suspended';
  if (p.state === State.Learning) return 'learning';
  if (p.state === State.Review) return 'review';
  if (p.state === State.Relearning) return 'relearning';
  return 'new';
}

/** Lapsed `LEECH_LAPSES` times, as the stats page lists leeches, or marked a leech when suspended for it. */
export function isLeech(p: CardProgress | undefined): boolean {
  return !!p && (!!p.leech || p.lapses >= LEECH_LAPSES);
}

export type CardSort = 'deck' | 'due' | 'lapses';

export interface CardQuery {
  /** Words to find, any case and accents; every word must appear. */
  text: string;
  /** Empty for every deck. */
  deckId: string;
  state: ItemState | 'leech' | '';
  tag: string;
  kind: CardKind | '';
  sort: CardSort;
}

export const ALL_CARDS: CardQuery = { text: '', deckId: '', state: '', tag: '', kind: '', sort: 'deck' };

/**
 * The rows matching `query`, sorted: by deck order; by due date (soonest first, never-studied cards
 * last); or by lapses (most first). Ties keep deck order.
 */
export function queryRows(
  rows: readonly BrowserRow[],
  progress: ReadonlyMap<string, CardProgress>,
  query: CardQuery
): BrowserRow[] {
  const words = foldText(query.text).split(/\s+/).filter(Boolean);
  const out = rows.filter((row) => {
    if (query.deckId && row.deckId !== query.deckId) return false;
    const card = row.item.card;
    if (query.kind && card.kind !== query.kind) return false;
    if (query.tag && !card.tags?.includes(query.tag)) return false;
    if (query.state) {
      const p = progress.get(row.key);
      if (query.state === 'leech' ? !isLeech(p) : itemState(p) !== query.state) return false;
    }
    return words.every((w) => row.search.includes(w));
  });
  if (query.sort === 'due') {
    const due = (row: BrowserRow) => {
      const p = progress.get(row.key);
      return p && p.state !== State.New ? p.due : Infinity;
    };
    return out.sort((a, b) => due(a) - due(b) || a.order - b.order);
  }
  if (query.sort === 'lapses') {
    const lapses = (row: BrowserRow) => progress.get(row.key)?.lapses ?? 0;
    return out.sort((a, b) => lapses(b) - lapses(a) || a.order - b.order);
  }
  return out;
}

/** Every card tag in the decks, sorted. */
export function tagsOf(decks: readonly DeviceDeck[]): string[] {
  const tags = new Set<string>();
  for (const { deck } of decks) for (const card of deck.cards) for (const tag of card.tags ?? []) tags.add(tag);
  return [...tags].sort((a, b) => a.localeCompare(b));
}

/** The kinds (fact, claim, opinion) that cards of the decks have. */
export function kindsOf(decks: readonly DeviceDeck[]): CardKind[] {
  const kinds = new Set<CardKind>();
  for (const { deck } of decks) for (const card of deck.cards) if (card.kind) kinds.add(card.kind);
  return (['fact', 'claim', 'opinion'] as const).filter((k) => kinds.has(k));
}

/**
 * What `/cards?q=…&deck=…&state=…&card=…` asks for: the query (a deck no device deck has, or an
 * unknown state, is left out) and the key of the card to open, if any.
 */
export function queryFromUrl(
  params: URLSearchParams,
  decks: readonly DeviceDeck[]
): { query: CardQuery; openKey: string | null } {
  const deckId = params.get('deck') ?? '';
  const wanted = params.get('state') ?? '';
  const query: CardQuery = {
    ...ALL_CARDS,
    text: params.get('q') ?? '',
    deckId: decks.some((d) => d.deck.id === deckId) ? deckId : '',
    state: Object.hasOwn(STATE_NAMES, wanted) || wanted === 'leech' ? (wanted as CardQuery['state']) : ''
  };
  const card = params.get('card');
  return { query, openKey: card && deckId ? studyItemKey(deckId, card) : null };
}
