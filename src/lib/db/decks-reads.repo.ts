/**
 * Reading imported decks, apart from writing them (decks.repo.ts), so that pages that only list decks
 * (the home page) do not load what writes and records changes for sync.
 */
import { db, type ImportedDeck } from './factdeck-db';

export function listImportedDecks(): Promise<ImportedDeck[]> {
  return db.decks.orderBy('updatedAt').reverse().toArray();
}

export function getImportedDeck(id: string): Promise<ImportedDeck | undefined> {
  return db.decks.get(id);
}
