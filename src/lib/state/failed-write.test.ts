import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import * as t from '$lib/text';
import { failedWrite } from './failed-write';
import { freeSpace } from './free-space.svelte';

const words = {
  full: 'your answer was not saved',
  other: (reason: string) => `Your answer could not be saved: ${reason}`
};

describe('failedWrite', () => {
  beforeEach(() => freeSpace.close());

  test('out of space: the message says what did not happen and what to do', () => {
    const text = failedWrite(new DOMException('The quota has been exceeded.', 'QuotaExceededError'), words);
    expect(text).toMatch(/^Your device is out of storage space, so your answer was not saved\./);
    expect(text).toMatch(/Free some space/);
    expect(text).toMatch(/download a backup from Settings/);
    // With the "free space" choices open under it.
    expect(freeSpace.shown).toBe(true);
  });

  test('out of space inside a transaction Dexie aborted: the same', () => {
    // The shape of Dexie's AbortError: the cause in `inner` (quota-error.test.ts uses Dexie's own).
    const aborted = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: new DOMException('', 'QuotaExceededError')
    });
    expect(failedWrite(aborted, t.quiz.saveFailed)).toBe(t.error.storageFull('your result was not saved'));
  });

  test('any other failure: its own reason, in the words given', () => {
    const constraint = Object.assign(new Error('Key already exists'), { name: 'ConstraintError' });
    expect(failedWrite(constraint, words)).toBe('Your answer could not be saved: Key already exists');
    expect(failedWrite('blocked', t.import.saveFailed)).toBe('Nothing was imported: blocked');
    expect(freeSpace.shown).toBe(false);
  });
});
