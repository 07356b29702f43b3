/**
 * Imported decks. Saving one and adjusting the progress it affects is one transaction, so an import
 * either lands whole or changes nothing.
 */
import Dexie from 'dexie';
import { cardIdOf, diffDecks, type Deck, type DeckDiff } from '$lib/domain';
import { bumpDataVersion } from './data-version';
import { db, type ImportedDeck } from './factdeck-db';
import { deleteUnusedMedia } from './media.repo';
import { takeSnapshot } from './snapshot-tables';

export function listImportedDecks(): Promise<ImportedDeck[]> {
  return db.decks.orderBy('updatedAt').reverse().toArray();
}

export function getImportedDeck(id: string): Promise<ImportedDeck | undefined> {
  return db.decks.get(id);
}

export interface ImportPlan {
  /** There is already an imported deck with this id: importing updates it. */
  update: boolean;
  diff: DeckDiff;
  /** Study items with stored progress that belong to cards the new version removes. */
  removedWithProgress: number;
}

/** What importing `deck` would change on this device; writes nothing. */
export async function planImport(deck: Deck): Promise<ImportPlan> {
  const existing = await db.decks.get(deck.id);
  const diff = diffDecks(existing?.deck, deck);
  const removed = new Set(diff.removed);
  const keys = await deckStateKeys(deck.id);
  return {
    update: !!existing,
    diff,
    removedWithProgress: keys.filter(([, cardId]) => removed.has(cardIdOf(cardId))).length
  };
}

function deckStateKeys(deckId: string): Promise<[string, string][]> {
  return db.cardStates
    .where('[deckId+due]')
    .between([deckId, Dexie.minKey], [deckId, Dexie.maxKey])
    .primaryKeys() as Promise<[string, string][]>;
}

export interface SaveImportOptions {
  fileName: string | null;
  format: string;
  now: Date;
  /** Delete the progress and review history of cards the new version removes (the learner confirmed). */
  deleteRemovedProgress: boolean;
}

/**
 * Saves an imported deck, or updates the one with its id: progress of unchanged card ids is kept,
 * changed cards are flagged, and progress of removed cards is deleted only when asked. A snapshot of
 * everything before the import is taken in the same transaction.
 */
export function saveImportedDeck(deck: Deck, options: SaveImportOptions): Promise<ImportedDeck> {
  // Every data table is in the transaction: the snapshot that lets the learner undo the import reads them all.
  const tables = [
    db.decks,
    db.cardStates,
    db.reviewLogs,
    db.settings,
    db.quizAttempts,
    db.snapshots,
    db.snapshotData,
    db.dataVersions
  ];
  return db.transaction('rw', tables, async () => {
    await takeSnapshot(db, 'import', options.now.getTime());
    return writeImportedDeck(deck, options);
  });
}

/** The part of saving an imported deck after the snapshot; call inside a transaction over its tables and `dataVersions`. */
export async function writeImportedDeck(deck: Deck, options: SaveImportOptions): Promise<ImportedDeck> {
  const existing = await db.decks.get(deck.id);
  const diff = diffDecks(existing?.deck, deck);
  const at = options.now.getTime();
  const changed: Record<string, number> = {};
  const keep = new Set(deck.cards.map((c) => c.id));
  for (const [id, when] of Object.entries(existing?.changed ?? {})) if (keep.has(id)) changed[id] = when;
  for (const id of diff.changed) changed[id] = at;
  if (options.deleteRemovedProgress && diff.removed.length) {
    const removed = new Set(diff.removed);
    const gone = (await deckStateKeys(deck.id)).filter(([, cardId]) => removed.has(cardIdOf(cardId)));
    await db.cardStates.bulkDelete(gone);
    await db.reviewLogs.where('[deckId+cardId]').anyOf(gone).delete();
  }
  const record: ImportedDeck = {
    id: deck.id,
    deck,
    fileName: options.fileName,
    format: options.format,
    importedAt: existing?.importedAt ?? at,
    updatedAt: at,
    changed
  };
  await db.decks.put(record);
  // Sessions open on the deck hold its old cards: they start again (data-version.ts).
  if (existing) await bumpDataVersion(deck.id, 'imported', at);
  return record;
}

/**
 * Deletes an imported deck with all its progress, review history and quiz attempts, and the images
 * and sounds no other deck (or snapshot) shows.
 */
export function deleteImportedDeck(deckId: string): Promise<void> {
  const tables = [db.decks, db.cardStates, db.reviewLogs, db.quizAttempts, db.snapshots, db.media, db.dataVersions];
  return db.transaction('rw', tables, async () => {
    await db.decks.delete(deckId);
    await db.cardStates.where('[deckId+due]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).delete();
    await db.reviewLogs.where('[deckId+reviewedAt]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).delete();
    await db.quizAttempts.where('[deckId+finishedAt]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).delete();
    await deleteUnusedMedia();
    await bumpDataVersion(deckId, 'deleted', Date.now());
  });
}
