/**
 * Reading a backup file a learner chose: JSON, then the format and its version, then the strict
 * schema, then the checksum. Any problem is a BackupError that says what is wrong, and where.
 */
import type { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupFile } from './backup';
import { backupChecksum } from './backup-file';
import { backupFileSchema } from './backup.schema';

export type BackupErrorCode = 'not-json' | 'not-backup' | 'newer-format' | 'invalid' | 'checksum';

/** A backup that cannot be restored; `message` is written for the learner. */
export class BackupError extends Error {
  override name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    message: string,
    /** Where in the file, like `data.reviewLogs[12].rating`; null for the file as a whole. */
    readonly path: string | null = null
  ) {
    super(message);
  }
}

/** `['data', 'reviewLogs', 12, 'rating']` as `data.reviewLogs[12].rating`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null'
};

/** Plainer words than zod's defaults for the problems a damaged or edited file has. */
const errorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type')
    return issue.input === undefined ? 'missing field' : `must be ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
  if (issue.code === 'unrecognized_keys')
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  return undefined;
};

/** Parses and checks the text of a backup file; throws BackupError. */
export async function parseBackupText(text: string): Promise<BackupFile> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new BackupError(
      'not-json',
      `This file is not a Factdeck backup: it is not valid JSON (${e instanceof Error ? e.message : String(e)}).`
    );
  }
  const head = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  if (head.format !== BACKUP_FORMAT)
    throw new BackupError('not-backup', `This file is not a Factdeck backup: it has no "format": "${BACKUP_FORMAT}".`);
  if (typeof head.formatVersion === 'number' && head.formatVersion > BACKUP_FORMAT_VERSION)
    throw new BackupError(
      'newer-format',
      `This backup was made by a newer version of Factdeck (backup format ${head.formatVersion}; this version reads ` +
        `format ${BACKUP_FORMAT_VERSION}). Update Factdeck, then restore it.`,
      'formatVersion'
    );

  const parsed = backupFileSchema.safeParse(raw, { error: errorMap });
  if (!parsed.success) {
    const [first, ...rest] = parsed.error.issues;
    const path = formatPath(first.path);
    const more = rest.length ? ` (and ${rest.length} more problem${rest.length > 1 ? 's' : ''})` : '';
    throw new BackupError(
      'invalid',
      `This backup cannot be restored: ${path ? `${path}: ` : ''}${first.message}${more}.`,
      path || null
    );
  }
  // Checked on the data as written, before any parsing could normalise it.
  if ((await backupChecksum(head.data)) !== parsed.data.checksum)
    throw new BackupError(
      'checksum',
      'This backup was changed or damaged after it was downloaded: its content does not match its checksum.',
      'checksum'
    );
  return parsed.data;
}
