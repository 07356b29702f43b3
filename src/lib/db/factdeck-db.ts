/** The one IndexedDB database of Factdeck. Every schema version lives here, oldest first. */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CardProgress, Deck, QuizAttempt, ReviewLogEntry } from '$lib/domain';

export interface SettingRow {
  key: string;
  value: unknown;
}

/** A deck a learner imported on this device (built-in decks are static JSON, not stored here). */
export interface ImportedDeck {
  id: string;
  deck: Deck;
  fileName: string | null;
  /** The format it was read from (csv, anki-text, factdeck-yaml...). */
  format: string;
  importedAt: number;
  updatedAt: number;
  /** Cards whose content changed at a re-import: card id to the time of that re-import. */
  changed: Record<string, number>;
}

export class FactdeckDB extends Dexie {
  cardStates!: Table<CardProgress, [string, string]>;
  reviewLogs!: EntityTable<ReviewLogEntry, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  quizAttempts!: EntityTable<QuizAttempt, 'id'>;
  decks!: EntityTable<ImportedDeck, 'id'>;

  constructor(name = 'factdeck') {
    super(name);
    // Version 1. Never edit a released version: add version(2) with an upgrade instead.
    this.version(1).stores({
      cardStates: '[deckId+cardId], [deckId+due], due',
      reviewLogs: 'id, [deckId+cardId], [deckId+reviewedAt], reviewedAt',
      settings: 'key'
    });
    // Version 2: quiz attempts. Adds a table only; every existing row is kept as it is.
    this.version(2).stores({
      quizAttempts: 'id, [deckId+finishedAt]'
    });
    // Version 3: decks imported on the device. Adds a table only.
    this.version(3).stores({
      decks: 'id, updatedAt'
    });
  }
}

export const db = new FactdeckDB();
