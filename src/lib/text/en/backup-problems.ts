/** Why a backup file cannot be restored, in words (the problems come from src/lib/domain/backup-parse.ts). */
import type { BackupIssue, BackupProblem } from '$lib/domain/problems';
import { problems } from './problems';

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

const CHECKS = {
  'not-empty': 'must not be empty',
  'not-negative': 'must be 0 or more',
  'card-state': 'must be 0 (new), 1 (learning), 2 (review) or 3 (relearning)',
  rating: 'must be 1, 2, 3 or 4',
  'deck-row-id': 'must be the id of the deck it holds',
  'date-time': 'must be a date and time like 2026-03-02T09:00:00.000Z',
  'time-range': 'must be a time a date can hold (epoch milliseconds within ±8.64e15)',
  checksum: 'must be "sha256-" followed by 64 hexadecimal digits'
};

function issue(i: BackupIssue): string {
  switch (i.code) {
    case 'missing-field':
      return 'missing field';
    case 'type':
      return `must be ${TYPE_NAMES[i.expected] ?? i.expected}`;
    case 'unknown-fields':
      return `unknown field${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'repeated-key':
      return `repeats the key ${JSON.stringify(i.key)}`;
    case 'one-of':
      return `must be one of ${i.values.join(', ')}`;
    case 'backup':
      return CHECKS[i.check];
    case 'deck':
      return problems.schemaIssue(i.issue);
  }
}

export const backupProblems = {
  words(p: BackupProblem): string {
    switch (p.code) {
      case 'not-text':
        return 'This file is not a Factdeck backup: it is not a text file. Choose the .json file that “Download backup” saved.';
      case 'empty-file':
        return 'This file is empty: it is not a Factdeck backup.';
      case 'not-json':
        return p.error.code === 'ends-early'
          ? `This backup is cut short: it ends at line ${p.line} before it is complete. It may not have finished downloading or copying; download or copy it again.`
          : `This file is not a Factdeck backup: its text is not JSON (line ${p.line}, column ${p.column}).`;
      case 'not-backup':
        return `This file is not a Factdeck backup: it has no "format": "${p.format}".`;
      case 'newer-format':
        return (
          `This backup was made by a newer version of Factdeck (backup format ${p.version}; this version reads ` +
          `format ${p.supported}). Update Factdeck, then restore it.`
        );
      case 'invalid': {
        const more = p.more ? ` (and ${p.more} more problem${p.more > 1 ? 's' : ''})` : '';
        return `This backup cannot be restored: ${p.path ? `${p.path}: ` : ''}${issue(p.issue)}${more}.`;
      }
      case 'checksum':
        return 'This backup was changed or damaged after it was downloaded: its content does not match its checksum.';
    }
  }
};
