/** The first problem zod found, with its field as a path a person can read: `records[3].row.rating`. */
import type { z } from 'zod';

export interface Issue {
  path: PropertyKey[];
  field: string;
  message: string;
}

const formatPath = (path: readonly PropertyKey[]) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');

export function firstIssue(error: z.ZodError): Issue {
  const issue = error.issues[0];
  let path: PropertyKey[] = [...issue.path];
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    path = [...path, issue.keys[0]];
    message = 'is not a field of this record';
  } else if (issue.code === 'invalid_union' && path[path.length - 1] === 'kind') {
    message = 'must be one of review, quiz, deck, setting, mark, removal';
  } else if (issue.code === 'invalid_union' && path[path.length - 1] === 'type') {
    message = 'must be one of review, items, deck, all';
  } else if (issue.code === 'too_small' && issue.origin === 'array' && message.startsWith('Too small')) {
    message = `must hold at least ${issue.minimum}`;
  } else if (issue.code === 'too_big' && issue.origin === 'array' && message.startsWith('Too big')) {
    message = `must hold at most ${issue.maximum}`;
  } else if (issue.code === 'invalid_type') {
    message = / received undefined$/.test(message)
      ? 'is missing'
      : message.replace(/^Invalid input: expected (\w+), received (\w+)$/, 'must be a $1, not a $2');
  }
  return { path, field: formatPath(path), message };
}
