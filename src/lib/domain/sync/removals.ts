/**
 * Which records the removals a device holds take away. A removal takes every record of its scope
 * written before it (`record.at < removal.at`), so only the latest removal of each scope matters:
 * this keeps that time per logged review, study item, deck, and for everything.
 */
import { itemKey } from './record-keys';
import type { RemovalRecord, SyncRecord } from './sync-record';

export class Removals {
  readonly #reviews = new Map<string, number>();
  readonly #items = new Map<string, number>();
  readonly #decks = new Map<string, number>();
  #all = -Infinity;

  constructor(removals: Iterable<RemovalRecord> = []) {
    for (const r of removals) this.add(r);
  }

  /** A new index of these removals and `more`. */
  with(more: Iterable<RemovalRecord>): Removals {
    const next = new Removals();
    for (const [from, to] of [
      [this.#reviews, next.#reviews],
      [this.#items, next.#items],
      [this.#decks, next.#decks]
    ])
      for (const [k, v] of from) to.set(k, v);
    next.#all = this.#all;
    for (const r of more) next.add(r);
    return next;
  }

  add(removal: RemovalRecord): void {
    const { scope, at } = removal;
    const later = (map: Map<string, number>, key: string) => {
      if (!(at <= (map.get(key) ?? -Infinity))) map.set(key, at);
    };
    switch (scope.type) {
      case 'review':
        later(this.#reviews, scope.logId);
        break;
      case 'items':
        for (const cardId of scope.cardIds) later(this.#items, itemKey(scope.deckId, cardId));
        break;
      case 'deck':
        later(this.#decks, scope.deckId);
        break;
      case 'all':
        this.#all = Math.max(this.#all, at);
    }
  }

  /** Whether a removal takes `record` away. Removals, decks and settings are never taken away. */
  takes(record: SyncRecord): boolean {
    switch (record.kind) {
      case 'review': {
        const { id, deckId, cardId } = record.row;
        return record.at < Math.max(this.#all, this.#deck(deckId), this.#item(deckId, cardId), this.#review(id));
      }
      case 'mark':
        return record.at < Math.max(this.#all, this.#deck(record.deckId), this.#item(record.deckId, record.cardId));
      case 'quiz':
        return record.at < Math.max(this.#all, this.#deck(record.row.deckId));
      default:
        return false;
    }
  }

  #review = (id: string) => this.#reviews.get(id) ?? -Infinity;
  #item = (deckId: string, cardId: string) => this.#items.get(itemKey(deckId, cardId)) ?? -Infinity;
  #deck = (deckId: string) => this.#decks.get(deckId) ?? -Infinity;
}
