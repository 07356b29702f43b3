/**
 * Imported decks. Saving one and adjusting the progress it affects is one transaction, so an import
 * either lands whole or changes nothing.
 */
import Dexie from 'dexie';
import { cardIdOf, diffDecks, type DataChange, type Deck, type DeckDiff } from '$lib/domain';
import { deleteDeckRecords, importRecords, removedItemIds } from '$lib/domain/sync';
import { bumpDataVersion } from './data-version';
import { deleteThenBump } from './full-storage';
import { db, type ImportedDeck } from './factdeck-db';
import { deleteUnusedMedia } from './media.repo';
import { recordingNow, recordLocal, syncTables } from './sync-store';
import { isQuotaError } from './quota-error';
import { takeSnapshot } from './snapshot-tables';

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
  const tables = [...syncTables(), db.snapshots, db.snapshotData];
  return db.transaction('rw', tables, async () => {
    await takeSnapshot(db, 'import', options.now.getTime());
    return writeImportedDeck(deck, options);
  });
}

/**
 * The part of saving an imported deck after the snapshot; call inside a transaction over
 * `syncTables()` (which holds `dataVersions`). With sync on, the deck and the removed progress become records.
 */
export async function writeImportedDeck(deck: Deck, options: SaveImportOptions): Promise<ImportedDeck> {
  const existing = await db.decks.get(deck.id);
  const removed = options.deleteRemovedProgress ? diffDecks(existing?.deck, deck).removed : [];
  // Sessions open on a deck imported again hold its old cards: they start again (data-version.ts).
  return putDeck(deck, existing, options, removed, existing ? 'imported' : null);
}

export interface SaveEditOptions {
  now: Date;
  /** Cards the teacher deleted, whose progress and review history go with them. */
  deleteProgressOf?: string[];
}

/**
 * Saves a deck edited in the app (a card added, changed, moved or deleted) over the stored one, as
 * importing a new version does: a card keeps its progress by id, and a card whose content changed is
 * flagged. Only a deletion, which removes progress, takes a snapshot first.
 */
export async function saveEditedDeck(deck: Deck, options: SaveEditOptions): Promise<ImportedDeck> {
  const deleting = options.deleteProgressOf ?? [];
  // With sync on, the edit becomes records: the sync tables are in the transaction either way.
  const tables = deleting.length ? [...syncTables(), db.snapshots, db.snapshotData] : syncTables();
  return db.transaction('rw', tables, async () => {
    if (deleting.length) await takeSnapshot(db, 'edit', options.now.getTime());
    const existing = await db.decks.get(deck.id);
    if (!existing) throw new Error(`no deck "${deck.id}" on this device`);
    // Only deleting cards removes what an open session holds (progress); other edits it follows.
    return putDeck(deck, existing, { ...existing, now: options.now }, deleting, deleting.length ? 'edited' : null);
  });
}

/**
 * Writes the deck's row, flags its changed cards and deletes the progress of `dropProgressOf`; bumps
 * the deck's data version with `change` when one is given.
 */
async function putDeck(
  deck: Deck,
  existing: ImportedDeck | undefined,
  options: { fileName: string | null; format: string; now: Date },
  dropProgressOf: string[],
  change: DataChange | null
): Promise<ImportedDeck> {
  const diff = diffDecks(existing?.deck, deck);
  const at = options.now.getTime();
  const changed: Record<string, number> = {};
  const keep = new Set(deck.cards.map((c) => c.id));
  for (const [id, when] of Object.entries(existing?.changed ?? {})) if (keep.has(id)) changed[id] = when;
  for (const id of diff.changed) changed[id] = at;
  const record: ImportedDeck = {
    id: deck.id,
    deck,
    fileName: options.fileName,
    format: options.format,
    importedAt: existing?.importedAt ?? at,
    updatedAt: at,
    changed
  };
  const account = await recordingNow();
  if (account) {
    const held = (await deckStateKeys(deck.id)).map(([, cardId]) => cardId);
    const remove = dropProgressOf.length ? removedItemIds(existing?.deck, dropProgressOf, held) : [];
    await recordLocal(account, options.now, (stamp) => importRecords(record, remove, stamp));
    if (change) await bumpDataVersion(deck.id, change, at);
    return record;
  }
  if (dropProgressOf.length) {
    const removed = new Set(dropProgressOf);
    const gone = (await deckStateKeys(deck.id)).filter(([, cardId]) => removed.has(cardIdOf(cardId)));
    await db.cardStates.bulkDelete(gone);
    await db.reviewLogs.where('[deckId+cardId]').anyOf(gone).delete();
  }
  await db.decks.put(record);
  if (change) await bumpDataVersion(deck.id, change, at);
  return record;
}

/**
 * Deletes an imported deck with all its progress, review history and quiz attempts, and the images
 * and sounds no other deck (or snapshot) shows. On a full device (sync off) it still works: the
 * rows go in a transaction that only deletes, and the data version moves after (full-storage.ts).
 */
export async function deleteImportedDeck(deckId: string, now = new Date()): Promise<void> {
  try {
    await db.transaction('rw', [...syncTables(), db.snapshots, db.media], async () => {
      const account = await recordingNow();
      if (account) {
        await recordLocal(account, now, (stamp) => deleteDeckRecords(deckId, stamp));
        await deleteUnusedMedia();
        await bumpDataVersion(deckId, 'deleted', now.getTime());
        return;
      }
      await deleteDeckRows(deckId);
      await bumpDataVersion(deckId, 'deleted', now.getTime());
    });
  } catch (e) {
    if (!isQuotaError(e) || (await recordingNow())) throw e;
    const tables = [db.decks, db.cardStates, db.reviewLogs, db.quizAttempts, db.snapshots, db.media];
    await deleteThenBump(tables, () => deleteDeckRows(deckId), deckId, 'deleted', now.getTime());
  }
}

/** Only deletes, so that it can commit on a full device. */
async function deleteDeckRows(deckId: string): Promise<void> {
  await db.decks.delete(deckId);
  await db.cardStates.where('[deckId+due]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).delete();
  await db.reviewLogs.where('[deckId+reviewedAt]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).delete();
  await db.quizAttempts.where('[deckId+finishedAt]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).delete();
  await deleteUnusedMedia();
}
