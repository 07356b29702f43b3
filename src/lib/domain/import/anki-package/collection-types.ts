/** What is read from an Anki collection, the same for schema 11 and schema 18. */

export interface AnkiNoteType {
  id: number;
  name: string;
  kind: 'normal' | 'cloze';
  /** Field names by ordinal. */
  fields: string[];
  /** Card templates by ordinal: question and answer format. */
  templates: { name: string; qfmt: string; afmt: string }[];
  /** Anki's OriginalStockKind when the collection records it (schema 18, Anki 2.1.62+). */
  stockKind?: number;
}

export interface AnkiDeck {
  id: number;
  /** Human name with `::` between levels, like "Languages::Spanish". */
  name: string;
  description: string;
}

export interface AnkiNote {
  id: number;
  guid: string;
  noteTypeId: number;
  tags: string[];
  /** Field HTML by ordinal. */
  fields: string[];
}

export interface AnkiCard {
  id: number;
  noteId: number;
  /** The deck the card belongs to: its original deck while it sits in a filtered deck. */
  deckId: number;
  ord: number;
  /** Anki's queue: -1 suspended, -2 and -3 buried. */
  queue: number;
}

/** One row of Anki's review log. */
export interface AnkiRevlog {
  /** Epoch milliseconds of the answer; unique in a collection. */
  id: number;
  cardId: number;
  /** Button: 1 Again, 2 Hard, 3 Good, 4 Easy (v2 and later); 0 for manual changes. */
  ease: number;
  /** 0 learning, 1 review, 2 relearning, 3 filtered (cram or early), 4 manual, 5 rescheduled. */
  type: number;
  factor: number;
  /** Milliseconds taken to answer. */
  time: number;
}

export interface AnkiCollection {
  /** `ver` of the `col` table: 11 for legacy packages, 18 for the current one. */
  schema: number;
  /** 1 when the collection used Anki's first scheduler, whose learning buttons were numbered differently. */
  schedulerVersion: number;
  noteTypes: AnkiNoteType[];
  decks: AnkiDeck[];
  notes: AnkiNote[];
  cards: AnkiCard[];
  revlog: AnkiRevlog[];
}

/**
 * An SQLite database opened from a file's bytes, as the caller provides it (sql.js in the browser
 * and in tests): domain code stays free of WebAssembly and of how the engine is loaded.
 */
export interface SqliteDatabase {
  /** Every row of a query, each as an array of column values. */
  rows(sql: string): unknown[][];
  close(): void;
}

export type OpenSqlite = (bytes: Uint8Array) => SqliteDatabase;
