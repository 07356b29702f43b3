/**
 * Reads of card states and the review log. Apart from the writes in progress.repo.ts, which need the
 * scheduler (ts-fsrs), so that pages that only show progress (the home page's due counts) stay small.
 */
import Dexie from 'dexie';
import { State, type CardProgress, type ReviewLogEntry, type StudiedToday } from '$lib/domain';
import { db } from './factdeck-db';

/** Every stored card state of a deck. */
export function deckProgress(deckId: string): Promise<CardProgress[]> {
  return db.cardStates.where('[deckId+due]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).toArray();
}

/** A deck's stored states due before `end` (epoch ms), earliest first. */
export function statesDueBefore(deckId: string, end: number): Promise<CardProgress[]> {
  return db.cardStates.where('[deckId+due]').between([deckId, Dexie.minKey], [deckId, end]).toArray();
}

/** The earliest due date, from `from` on, among a deck's stored states that `accept` takes; null if none. */
export async function firstDueFrom(
  deckId: string,
  from: number,
  accept: (progress: CardProgress) => boolean
): Promise<number | null> {
  const first = await db.cardStates
    .where('[deckId+due]')
    .between([deckId, from], [deckId, Dexie.maxKey], true, true)
    .filter(accept)
    .first();
  return first?.due ?? null;
}

/** Ids of a deck's study items that have a stored state: keys only, so cheaper than the rows. */
export async function statedItemIds(deckId: string): Promise<string[]> {
  const keys = await db.cardStates
    .where('[deckId+cardId]')
    .between([deckId, Dexie.minKey], [deckId, Dexie.maxKey])
    .primaryKeys();
  return keys.map(([, cardId]) => cardId);
}

/** Stored states of some study items of a deck, in the order asked (undefined: none stored). */
export function statesOf(deckId: string, cardIds: readonly string[]): Promise<(CardProgress | undefined)[]> {
  return db.cardStates.bulkGet(cardIds.map((cardId): [string, string] => [deckId, cardId]));
}

/** Ids of a deck's review log rows since `since` (epoch ms), oldest first: keys only, no rows. */
export function logIdsSince(deckId: string, since: number): Promise<string[]> {
  return db.reviewLogs.where('[deckId+reviewedAt]').between([deckId, since], [deckId, Dexie.maxKey]).primaryKeys();
}

/** Review log rows by id, in the order asked (undefined: no such row). */
export function logsByIds(ids: readonly string[]): Promise<(ReviewLogEntry | undefined)[]> {
  return db.reviewLogs.bulkGet([...ids]);
}

/** A deck's review log rows since `since` (epoch ms), oldest first. */
export function logsSince(deckId: string, since: number): Promise<ReviewLogEntry[]> {
  return db.reviewLogs.where('[deckId+reviewedAt]').between([deckId, since], [deckId, Dexie.maxKey]).toArray();
}

/** New cards introduced and reviews done, counted from log rows. */
export function countStudied(logs: Iterable<Pick<ReviewLogEntry, 'stateBefore'>>): StudiedToday {
  const counts = { newCards: 0, reviews: 0 };
  for (const log of logs) {
    if (log.stateBefore === State.New) counts.newCards++;
    else if (log.stateBefore === State.Review) counts.reviews++;
  }
  return counts;
}

/** New cards introduced and reviews done in a deck since `dayStart` (epoch ms). */
export async function studiedSince(deckId: string, dayStart: number): Promise<StudiedToday> {
  return countStudied(await logsSince(deckId, dayStart));
}

/** Review log rows of one card, oldest first. */
export function cardLogs(deckId: string, cardId: string): Promise<ReviewLogEntry[]> {
  return db.reviewLogs.where('[deckId+cardId]').equals([deckId, cardId]).sortBy('reviewedAt');
}
