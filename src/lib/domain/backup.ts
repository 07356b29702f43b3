/**
 * The backup format: what a backup file (and a snapshot) holds and when to remind a learner to
 * download one. No zod here: reading untrusted files is in backup-parse.ts, loaded on demand. Every
 * page loads this module (the database's snapshots use it), so making a file and its checksum live
 * in backup-file.ts.
 */
import type { Deck } from './deck.schema';
import type { CardProgress, ReviewLogEntry } from './progress';
import type { QuizAttempt } from './quiz-attempt';

export const BACKUP_FORMAT = 'factdeck-backup';
/** Bump when a row's shape changes, and teach backup-parse.ts to convert the older format. */
export const BACKUP_FORMAT_VERSION = 1;

/** A row of the `settings` table. */
export interface BackupSettingRow {
  key: string;
  value: unknown;
}

/** A deck a learner imported on this device, as the `decks` table stores it (built-in decks are static JSON). */
export interface BackupDeckRow {
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

/** Every table that holds what a learner did or chose, row for row. */
export interface BackupData {
  cardStates: CardProgress[];
  reviewLogs: ReviewLogEntry[];
  settings: BackupSettingRow[];
  quizAttempts: QuizAttempt[];
  decks: BackupDeckRow[];
}

/** Settings rows about this device rather than the learner's choices. */
export const DEVICE_SETTING_KEYS = { lastBackupAt: 'lastBackupAt', persistRequested: 'persistRequested' } as const;

export type BackupTable = keyof BackupData;
export const BACKUP_TABLES: readonly BackupTable[] = ['cardStates', 'reviewLogs', 'settings', 'quizAttempts', 'decks'];
export type TableCounts = Record<BackupTable, number>;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  /** The version of Factdeck that wrote it. */
  appVersion: string;
  /** ISO 8601 time of the download. */
  exportedAt: string;
  /** `sha256-<hex>` of `canonicalJson(data)`. */
  checksum: string;
  data: BackupData;
}

export function countRows(data: BackupData): TableCounts {
  return Object.fromEntries(BACKUP_TABLES.map((t) => [t, data[t].length])) as TableCounts;
}

/** `factdeck-backup-2026-03-02.json`, by the local date. */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `factdeck-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}

export const BACKUP_REMINDER_DAYS = 7;

/**
 * Whether to remind the learner to download a backup: their oldest review that no backup holds is
 * at least a week old. `oldestUnsavedReviewAt` is null when every review is in a backup.
 */
export function backupReminderDue(oldestUnsavedReviewAt: number | null, now: Date): boolean {
  return oldestUnsavedReviewAt !== null && now.getTime() - oldestUnsavedReviewAt >= BACKUP_REMINDER_DAYS * 86_400_000;
}
