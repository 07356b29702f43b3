/**
 * The card editor of a deck stored on this device: add, edit, delete and move cards. Each change is
 * saved as it is made, the way importing a new version saves a deck: a card keeps its id and so its
 * progress, and a card whose content changed is marked "changed since you last studied it".
 */
import { saveEditedDeck, type ImportedDeck } from '$lib/db';
import { blankCard, moveCard, newCardId, promptAndAnswerOf, type Card, type CardType, type Deck } from '$lib/domain';
import type { DeckIssue } from '$lib/domain/deck-check';
import * as t from '$lib/text';
import { failedWrite } from './failed-write';
import { systemClock } from './deck-status';

export interface CardDraft {
  /** Index of the card being edited, or null for a new card. */
  index: number | null;
  card: Card;
}

export class DeckEditor {
  deck = $state.raw<Deck>() as Deck;
  /** Cards changed since they were last studied, by id (their content changed in an edit or import). */
  changed = $state.raw<Record<string, number>>({});
  editing = $state<CardDraft | null>(null);
  /** The card a deletion is being confirmed for. */
  confirmingDelete = $state<number | null>(null);
  busy = $state(false);
  error = $state<string | null>(null);
  /** Said after a change is saved, for screen readers. */
  status = $state('');
  #check = $state.raw<((deck: Deck, allowEmpty?: boolean) => DeckIssue[]) | null>(null);

  constructor(record: ImportedDeck) {
    this.deck = record.deck;
    this.changed = record.changed;
  }

  /** The deck as it would be saved with the card being edited in place. */
  #withEdit = $derived.by((): { deck: Deck; index: number } | null => {
    const e = this.editing;
    if (!e) return null;
    const cards = [...this.deck.cards];
    const index = e.index ?? cards.length;
    cards[index] = e.index === null ? { ...e.card, id: this.#newId(e.card) } : e.card;
    return { deck: { ...this.deck, cards }, index };
  });
  /** What the deck schema says about the card being edited. */
  editIssues = $derived.by(() => {
    const w = this.#withEdit;
    if (!w || !this.#check) return [];
    return this.#check(w.deck, true)
      .filter((i) => i.card === w.index)
      .map((i) => ({ field: i.field, message: t.problems.schemaIssue(i.issue) }));
  });
  canSaveCard = $derived(!!this.editing && !!this.#check && this.editIssues.length === 0 && !this.busy);

  async #loadCheck(): Promise<void> {
    this.#check ??= (await import('$lib/domain/deck-check')).checkDeck;
  }

  async edit(index: number): Promise<void> {
    this.confirmingDelete = null;
    this.editing = { index, card: structuredClone(this.deck.cards[index]) };
    await this.#loadCheck();
  }

  async add(type: CardType): Promise<void> {
    this.confirmingDelete = null;
    const source = this.deck.sources?.[0];
    const card = blankCard(type);
    this.editing = {
      index: null,
      card: source ? { ...card, kind: 'fact', cite: { source: source.id, paragraphs: [1] } } : card
    };
    await this.#loadCheck();
  }

  change(card: Card): void {
    if (this.editing) this.editing.card = card;
  }

  cancel(): void {
    this.editing = null;
  }

  /** Saves the card being edited (a new card gets its id from its prompt). */
  async saveCard(now: Date = systemClock()): Promise<boolean> {
    const w = this.#withEdit;
    if (!w || !this.canSaveCard) return false;
    const saved = await this.#save(w.deck, now, t.deckEditor.cardSaved);
    if (saved) this.editing = null;
    return saved;
  }

  async move(index: number, by: -1 | 1, now: Date = systemClock()): Promise<void> {
    const to = index + by;
    if (to < 0 || to >= this.deck.cards.length) return;
    await this.#save({ ...this.deck, cards: moveCard(this.deck.cards, index, to) }, now, t.deckEditor.moved(to + 1));
  }

  /** Deletes a card, with its progress and review history, once the teacher has confirmed. */
  async remove(index: number, now: Date = systemClock()): Promise<void> {
    const card = this.deck.cards[index];
    if (!card) return;
    const cards = this.deck.cards.filter((_, i) => i !== index);
    const saved = await this.#save({ ...this.deck, cards }, now, t.deckEditor.deleted, [card.id]);
    if (saved) this.confirmingDelete = null;
  }

  /** A short line for a card in the list: what it asks and what it answers. */
  summary(card: Card): { prompt: string; answer: string } {
    return promptAndAnswerOf(card);
  }

  #newId(card: Card): string {
    const taken = new Set(this.deck.cards.map((c) => c.id));
    return newCardId(promptAndAnswerOf(card).prompt, taken);
  }

  async #save(deck: Deck, now: Date, said: string, deleteProgressOf: string[] = []): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      // A plain copy: IndexedDB cannot store the reactive proxies the editor edits.
      const record = await saveEditedDeck($state.snapshot(deck), { now, deleteProgressOf });
      this.deck = record.deck;
      this.changed = record.changed;
      this.status = said;
      return true;
    } catch (e) {
      this.error = failedWrite(e, t.deckEditor.saveFailed);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
