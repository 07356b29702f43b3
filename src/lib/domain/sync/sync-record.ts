/**
 * What devices and the Factdeck server exchange: every change a learner can make to what syncs, as a
 * record. A device's data is a pure function of the set of records it holds (`docs/sync.md`), so two
 * devices holding the same records hold the same data, whatever order the records arrived in.
 * No zod here: checking untrusted records is in sync-record.schema.ts.
 */
import type { BackupDeckRow } from '../backup';
import type { ReviewLogEntry } from '../progress';
import type { QuizAttempt } from '../quiz-attempt';

/** Fields every record has. */
interface RecordBase {
  /** Key within its kind: the log id, quiz attempt id, deck id, preference name, `<deckId>/<itemId>` or removal id. */
  id: string;
  /** When the device wrote this version, epoch ms (its own clock, never going backwards on that device). */
  at: number;
  /** The device that wrote it; with `at`, orders two versions of one record (greater wins). */
  device: string;
}

/** A grade. Re-sent with a newer `at` when a restore brings it back after a removal. */
export interface ReviewRecord extends RecordBase {
  kind: 'review';
  row: ReviewLogEntry;
}

/** A finished quiz. */
export interface QuizRecord extends RecordBase {
  kind: 'quiz';
  row: QuizAttempt;
}

/** An imported deck (latest `at` wins); `row: null` means deleted. */
export interface DeckRecord extends RecordBase {
  kind: 'deck';
  row: BackupDeckRow | null;
}

/** One preference (a field of `Settings`), latest `at` wins. */
export interface SettingRecord extends RecordBase {
  kind: 'setting';
  value: unknown;
}

/** The learner suspended or unsuspended a study item; `id` is `<deckId>/<itemId>`. Latest `at` wins. */
export interface MarkRecord extends RecordBase {
  kind: 'mark';
  deckId: string;
  cardId: string;
  suspended: boolean;
}

/** What a removal takes away: everything of that scope written before the removal's `at`. */
export type RemovalScope =
  /** Undo of one grade. */
  | { type: 'review'; logId: string }
  /** Reset of study items (one card, or the progress of cards a re-import removed): their reviews and marks. */
  | { type: 'items'; deckId: string; cardIds: string[] }
  /** Deleting an imported deck: its reviews, marks and quiz attempts. */
  | { type: 'deck'; deckId: string }
  /** Reset of all progress: every review, mark and quiz attempt. */
  | { type: 'all' };

/** A deletion (tombstone). Never replaced; its `id` is a UUID v7. */
export interface RemovalRecord extends RecordBase {
  kind: 'removal';
  scope: RemovalScope;
}

export type SyncRecord = ReviewRecord | QuizRecord | DeckRecord | SettingRecord | MarkRecord | RemovalRecord;
export type SyncRecordKind = SyncRecord['kind'];
export const SYNC_RECORD_KINDS = [
  'review',
  'quiz',
  'deck',
  'setting',
  'mark',
  'removal'
] as const satisfies readonly SyncRecordKind[];

/** Whether `a` is a newer version than `b` of the same record: later `at`, then greater device id. */
export function isNewer(a: Pick<RecordBase, 'at' | 'device'>, b: Pick<RecordBase, 'at' | 'device'>): boolean {
  return a.at > b.at || (a.at === b.at && a.device > b.device);
}
