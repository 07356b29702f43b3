/**
 * Saving what an Anki package held: its decks, the media their cards show and, when the learner
 * keeps it, Anki's review history. One transaction with the snapshot imports take, so the import
 * lands whole or changes nothing.
 */
import {
  byReviewTime,
  replayLog,
  type CardProgress,
  type Deck,
  type ReviewLogEntry,
  type Scheduler
} from '$lib/domain';
import { markRecord, reviewRecord } from '$lib/domain/sync';
import Dexie from 'dexie';
import { writeImportedDeck } from './decks.repo';
import { db, type ImportedDeck } from './factdeck-db';
import { deleteUnusedMedia, storeMedia, type MediaFile } from './media.repo';
import { takeSnapshot } from './snapshot-tables';
import { recordingNow, recordLocal, syncTables } from './sync-store';

export interface AnkiDeckToSave {
  deck: Deck;
  /** Review log rows and the states they lead to (replayAnkiHistory), or none when history is left. */
  logs: ReviewLogEntry[];
  states: CardProgress[];
}

export interface SaveAnkiOptions {
  fileName: string | null;
  now: Date;
  deleteRemovedProgress: boolean;
  /** Grades history again where it meets progress already on this device. */
  scheduler: Scheduler;
}

export interface SavedAnkiImport {
  decks: ImportedDeck[];
  /** Bytes of media stored by this import (files already on the device are not stored twice). */
  mediaBytes: number;
}

export function saveAnkiImport(
  decks: readonly AnkiDeckToSave[],
  media: readonly MediaFile[],
  options: SaveAnkiOptions
): Promise<SavedAnkiImport> {
  const tables = [...syncTables(), db.snapshots, db.snapshotData, db.media];
  return db.transaction('rw', tables, async () => {
    const at = options.now.getTime();
    await takeSnapshot(db, 'import', at);
    const mediaBytes = await storeMedia(media, at);
    const saved: ImportedDeck[] = [];
    for (const item of decks) {
      saved.push(
        await writeImportedDeck(item.deck, {
          fileName: options.fileName,
          format: 'anki-package',
          now: options.now,
          deleteRemovedProgress: options.deleteRemovedProgress
        })
      );
      await mergeHistory(item, options);
    }
    await deleteUnusedMedia();
    return { decks: saved, mediaBytes };
  });
}

/**
 * Adds Anki's log rows this device lacks (by id) and sets each item's state. Items with no progress
 * here (a first import: nearly all of them) take the replayed states and rows in two bulk writes;
 * one studied here too has both logs replayed together in time order, as merging a backup does, so
 * neither side's reviews are lost.
 */
async function mergeHistory(item: AnkiDeckToSave, { scheduler, now }: SaveAnkiOptions): Promise<void> {
  if (!item.logs.length && !item.states.length) return;
  const deckId = item.deck.id;
  const account = await recordingNow();
  if (account) {
    // With sync on, Anki's rows become records like any grade; replay from the merged log sets the states.
    await recordLocal(account, now, (stamp) => [
      ...item.logs.map((log) => reviewRecord(log, stamp)),
      ...item.states.filter((s) => s.suspended).map((s) => markRecord(deckId, s.cardId, true, stamp))
    ]);
    return;
  }
  const stored = new Map(
    (await db.cardStates.where('[deckId+due]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).toArray()).map(
      (s) => [s.cardId, s]
    )
  );
  const known = new Set(
    (await db.reviewLogs.bulkGet(item.logs.map((l) => l.id))).filter((l) => l !== undefined).map((l) => l!.id)
  );
  const byItem = new Map<string, ReviewLogEntry[]>();
  for (const log of item.logs)
    if (!known.has(log.id)) (byItem.get(log.cardId) ?? byItem.set(log.cardId, []).get(log.cardId)!).push(log);

  const newLogs: ReviewLogEntry[] = [];
  const newStates: CardProgress[] = [];
  for (const state of item.states) {
    const fresh = byItem.get(state.cardId) ?? [];
    const here = stored.get(state.cardId);
    if (!here) {
      newLogs.push(...fresh);
      newStates.push(state);
      continue;
    }
    const suspended = here.suspended || state.suspended;
    if (!fresh.length) {
      if (suspended && !here.suspended) newStates.push({ ...here, suspended: true });
      continue;
    }
    const logs = await db.reviewLogs.where('[deckId+cardId]').equals([deckId, state.cardId]).toArray();
    const replayed = replayLog([...logs, ...fresh].sort(byReviewTime), scheduler);
    await db.reviewLogs.bulkPut(replayed.rows);
    newStates.push({
      ...replayed.state,
      deckId,
      cardId: state.cardId,
      ...(suspended || replayed.leech ? { suspended: true } : {}),
      ...(here.leech || replayed.leech ? { leech: true } : {})
    });
  }
  await db.reviewLogs.bulkAdd(newLogs);
  await db.cardStates.bulkPut(newStates);
}
