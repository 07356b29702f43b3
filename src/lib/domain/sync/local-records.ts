/**
 * The records each thing a learner does on a device writes, while sync is on. The device applies them
 * like records pulled from elsewhere (`acceptIncoming`, `rebuild`), except a grade, whose state it
 * computes at once (`gradeFrom`; `canGradeInPlace` says when that is the same).
 */
import type { BackupDeckRow } from '../backup';
import type { Deck } from '../deck.schema';
import type { CardProgress, ReviewLogEntry } from '../progress';
import type { QuizAttempt } from '../quiz-attempt';
import type { Settings } from '../settings';
import { cardIdOf, studyItems } from '../study-items';
import { PREFERENCE_FIELDS } from './materialize';
import { itemKey } from './record-keys';
import type {
  DeckRecord,
  MarkRecord,
  QuizRecord,
  RemovalRecord,
  RemovalScope,
  ReviewRecord,
  SettingRecord,
  SyncRecord
} from './sync-record';

/** Who writes a record, and when. */
export type Moment = Pick<Stamp, 'device' | 'at'>;

/** Who writes records, and when. */
export interface Stamp {
  device: string;
  /** `nextAt(now, the latest at the device holds)`. */
  at: number;
  /** A new UUID v7, for a removal. */
  newId: () => string;
}

export function reviewRecord(row: ReviewLogEntry, { device, at }: Moment): ReviewRecord {
  return { kind: 'review', id: row.id, at, device, row };
}

export function quizRecord(row: QuizAttempt, { device, at }: Moment): QuizRecord {
  return { kind: 'quiz', id: row.id, at, device, row };
}

export function markRecord(deckId: string, cardId: string, suspended: boolean, { device, at }: Moment): MarkRecord {
  return { kind: 'mark', id: itemKey(deckId, cardId), at, device, deckId, cardId, suspended };
}

export function removalRecord(scope: RemovalScope, { device, at, newId }: Stamp): RemovalRecord {
  return { kind: 'removal', id: newId(), at, device, scope };
}

export function deckRecord(id: string, row: BackupDeckRow | null, { device, at }: Moment): DeckRecord {
  return { kind: 'deck', id, at, device, row };
}

/**
 * Whether a grade at `now` can be written as `gradeFrom` computes it from the stored state: the new
 * review comes after every review the item has, so replaying the item would keep it as recorded.
 * Otherwise (a review pulled from a device whose clock runs ahead) the item is rebuilt instead.
 */
export function canGradeInPlace(current: CardProgress | undefined, now: Date): boolean {
  return current?.lastReview == null || current.lastReview < now.getTime();
}

/** Undo of a grade. */
export const undoRecords = (logId: string, stamp: Stamp): SyncRecord[] => [
  removalRecord({ type: 'review', logId }, stamp)
];

/** Reset of study items: their reviews and marks. */
export const resetItemsRecords = (deckId: string, cardIds: readonly string[], stamp: Stamp): SyncRecord[] =>
  cardIds.length ? [removalRecord({ type: 'items', deckId, cardIds: [...cardIds] }, stamp)] : [];

/** Reset of all progress: every review, mark and quiz attempt (decks and preferences stay). */
export const resetAllRecords = (stamp: Stamp): SyncRecord[] => [removalRecord({ type: 'all' }, stamp)];

/**
 * An import or re-import: the deck's new row, and when the learner chose to delete the progress of
 * cards the new version removes, a removal of those items (`removedItemIds`).
 */
export function importRecords(row: BackupDeckRow, deleteItems: readonly string[], stamp: Stamp): SyncRecord[] {
  return [deckRecord(row.id, row, stamp), ...resetItemsRecords(row.id, deleteItems, stamp)];
}

/**
 * The study items whose progress a re-import deletes: every item the removed cards had in the
 * previous version, and any item held of them (another version of the deck may have had more).
 */
export function removedItemIds(
  previous: Pick<Deck, 'cards'> | undefined,
  removedCardIds: readonly string[],
  heldItemIds: Iterable<string>
): string[] {
  const removed = new Set(removedCardIds);
  const ids = new Set((previous ? studyItems(previous) : []).filter((i) => removed.has(i.card.id)).map((i) => i.id));
  for (const id of heldItemIds) if (removed.has(cardIdOf(id))) ids.add(id);
  return [...ids].sort();
}

/** Deleting an imported deck: its row, and its reviews, marks and quiz attempts. */
export const deleteDeckRecords = (deckId: string, stamp: Stamp): SyncRecord[] => [
  deckRecord(deckId, null, stamp),
  removalRecord({ type: 'deck', deckId }, stamp)
];

/** A change of preferences: one record per field whose value changed. */
export function preferenceRecords(before: Settings, after: Settings, { device, at }: Moment): SettingRecord[] {
  return PREFERENCE_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((f) => ({
    kind: 'setting',
    id: f,
    at,
    device,
    value: after[f]
  }));
}
