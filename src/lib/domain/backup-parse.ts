/**
 * Reading a backup file a learner chose: JSON, then the format and its version, then the strict
 * schema, then the checksum. Any problem is a BackupError that says what is wrong, and where.
 */
import type { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile } from './backup';
import { backupChecksum } from './backup-file';
import { backupFileSchema } from './backup.schema';
import {
  BACKUP_SCHEMA_CODES,
  schemaIssue,
  type BackupIssue,
  type BackupProblem,
  type BackupSchemaCode
} from './problems';
import { findJsonSyntaxError } from './import/json-syntax';
import { QUESTION_TYPES } from './quiz';

/** A backup that cannot be restored; `problem` says why (src/lib/text words it for the learner). */
export class BackupError extends Error {
  override name = 'BackupError';
  constructor(readonly problem: BackupProblem) {
    super(`backup: ${problem.code}`);
  }
}

/** `['data', 'reviewLogs', 12, 'rating']` as `data.reviewLogs[12].rating`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/**
 * Marks, in a zod issue's message, the checks every schema has (a field missing, a value of the
 * wrong type, fields this version does not know), so `backupIssue` can tell them apart. Checks the
 * schemas name themselves keep their own code.
 */
const markers: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') return issue.input === undefined ? 'missing-field' : 'type';
  if (issue.code === 'unrecognized_keys') return 'unknown-fields';
  return undefined;
};

function backupIssue(iss: z.core.$ZodIssue): BackupIssue {
  if (iss.code === 'invalid_type' && iss.message === 'missing-field') return { code: 'missing-field' };
  if (iss.code === 'invalid_type' && iss.message === 'type') return { code: 'type', expected: iss.expected };
  if (iss.code === 'unrecognized_keys') return { code: 'unknown-fields', keys: iss.keys };
  const key = (iss as { params?: { key?: string } }).params?.key;
  if (iss.code === 'custom' && key !== undefined) return { code: 'repeated-key', key };
  const check = (BACKUP_SCHEMA_CODES as readonly string[]).includes(iss.message)
    ? (iss.message as BackupSchemaCode)
    : null;
  if (check === 'question-type') return { code: 'one-of', values: [...QUESTION_TYPES] };
  if (check) return { code: 'backup', check };
  // An imported deck inside the backup, checked with the deck schema.
  return { code: 'deck', issue: schemaIssue(iss) };
}

/**
 * Why text that `JSON.parse` refused is not a backup, in terms a learner can act on; never the
 * engine's own message ("Unexpected token '�PNG'").
 */
function notJson(text: string): BackupProblem {
  if (text.trim() === '') return { code: 'empty-file' };
  // A binary file read as text: NUL bytes, or many bytes that are not UTF-8.
  const sample = text.slice(0, 4096);
  // eslint-disable-next-line no-control-regex -- control characters are what mark a binary file
  const unreadable = (sample.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
  if (unreadable > 0 && unreadable >= sample.length / 100) return { code: 'not-text' };
  const found = findJsonSyntaxError(text) ?? { at: 0, error: { code: 'expected-value' } as const };
  const before = text.slice(0, found.at);
  const line = before.split('\n').length;
  return { code: 'not-json', line, column: found.at - before.lastIndexOf('\n'), error: found.error };
}

/** Parses and checks the text of a backup file; throws BackupError. */
export async function parseBackupText(text: string): Promise<BackupFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new BackupError(notJson(text));
  }
  const head = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (head.format !== BACKUP_FORMAT) throw new BackupError({ code: 'not-backup', format: BACKUP_FORMAT });
  if (typeof head.formatVersion === 'number' && head.formatVersion > BACKUP_FORMAT_VERSION)
    throw new BackupError({ code: 'newer-format', version: head.formatVersion, supported: BACKUP_FORMAT_VERSION });

  const parsed = backupFileSchema.safeParse(raw, { error: markers });
  if (!parsed.success) {
    const [first, ...rest] = parsed.error.issues;
    throw new BackupError({
      code: 'invalid',
      path: formatPath(first.path),
      issue: backupIssue(first),
      more: rest.length
    });
  }
  // Checked on the data as written, before any parsing could normalise it.
  if ((await backupChecksum(head.data)) !== parsed.data.checksum) throw new BackupError({ code: 'checksum' });
  return parsed.data;
}
