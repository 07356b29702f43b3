import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, test } from 'vitest';
import { isQuotaError } from './quota-error';

const quotaDom = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('isQuotaError', () => {
  test('recognises the browser’s QuotaExceededError, and Firefox’s older name for it', () => {
    expect(isQuotaError(quotaDom())).toBe(true);
    expect(isQuotaError(new DOMException('', 'NS_ERROR_DOM_QUOTA_REACHED'))).toBe(true);
  });

  test('recognises Dexie’s own and Dexie’s wrappers around it', () => {
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    // What a transaction rejects with when IndexedDB aborts it for lack of space.
    expect(isQuotaError(new Dexie.AbortError(quotaDom()))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('Transaction aborted', new Dexie.QuotaExceededError(quotaDom())))).toBe(
      true
    );
    expect(isQuotaError(new Dexie.BulkError('bulkAdd failed', { 3: quotaDom() }))).toBe(true);
    expect(isQuotaError(new Error('saving failed', { cause: quotaDom() }))).toBe(true);
  });

  test('says no to every other failure', () => {
    expect(isQuotaError(new Dexie.AbortError())).toBe(false);
    expect(isQuotaError(new Dexie.AbortError(new DOMException('', 'ConstraintError')))).toBe(false);
    expect(isQuotaError(new Dexie.ConstraintError('Key already exists'))).toBe(false);
    expect(isQuotaError(new DOMException('', 'UnknownError'))).toBe(false);
    expect(isQuotaError(new Error('QuotaExceededError'))).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    // A cycle of wrappers ends.
    const loop: { name: string; inner?: unknown } = { name: 'AbortError' };
    loop.inner = loop;
    expect(isQuotaError(loop)).toBe(false);
  });

  test('a transaction IndexedDB aborts for lack of space rejects with an error it recognises', async () => {
    const db = new Dexie('quota-test');
    db.version(1).stores({ rows: 'id' });
    await db.open();
    const rows = db.table('rows');
    // fake-indexeddb has no quota: abort the transaction the way a full disk does, with a quota error.
    const failing = db.transaction('rw', rows, async (tx) => {
      await rows.add({ id: 1 });
      Object.defineProperty(tx.idbtrans, 'error', { value: quotaDom() });
      tx.idbtrans.abort();
    });
    const error = await failing.then(
      () => null,
      (e: unknown) => e
    );
    const stored = await rows.count();
    await db.delete();
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(isQuotaError(error)).toBe(true);
    expect(stored).toBe(0);
  });
});
