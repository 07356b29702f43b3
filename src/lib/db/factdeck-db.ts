/** The one IndexedDB database of Factdeck. Every schema version lives here, oldest first. */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { CardProgress, QuizAttempt, ReviewLogEntry } from '$lib/domain';

export interface SettingRow {
  key: string;
  value: unknown;
}

export class FactdeckDB extends Dexie {
  cardStates!: Table<CardProgress, [string, string]>;
  reviewLogs!: EntityTable<ReviewLogEntry, 'id'>;
  settings!: EntityTable<SettingRow, 'key'>;
  quizAttempts!: EntityTable<QuizAttempt, 'id'>;

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
  }
}

export const db = new FactdeckDB();
