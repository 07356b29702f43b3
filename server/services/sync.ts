/**
 * Push and pull (docs/sync.md). A push is checked whole before anything is written, then stored in
 * one transaction under the account's row lock, which hands out `seq` values in commit order; a pull
 * reads records past a cursor in `seq` order, so it never skips a record that commits late.
 */
import { pushBodySchema } from '../../src/lib/domain/sync/sync-record.schema';
import { isNewer, type SyncRecord } from '../../src/lib/domain/sync/sync-record';
import type { Db } from '../db/schema';
import * as accounts from '../sql/accounts.sql';
import * as records from '../sql/records.sql';
import type { DeviceAuth } from './identity';
import { Problem } from './problem';
import { firstIssue } from './zod-issue';

/** How far ahead of the server's clock a device's clock may run. */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
export const PULL_LIMIT_DEFAULT = 1000;
export const PULL_LIMIT_MAX = 5000;

const invalidRecord = (index: number, field: string, message: string) =>
  new Problem(400, 'invalid-record', `record ${index}, ${field}: ${message}`, { index, field });

function toRow(r: SyncRecord): records.RecordRow {
  const base = { kind: r.kind, id: r.id, at: r.at, device: r.device, body: JSON.stringify(r) };
  const none = { deckId: null, cardId: null, reviewedAt: null, rating: null, stateBefore: null };
  switch (r.kind) {
    case 'review':
      return {
        ...base,
        deckId: r.row.deckId,
        cardId: r.row.cardId,
        reviewedAt: r.row.reviewedAt,
        rating: r.row.rating,
        stateBefore: r.row.stateBefore
      };
    case 'quiz':
      return { ...base, ...none, deckId: r.row.deckId };
    case 'deck':
      return { ...base, ...none, deckId: r.id };
    case 'mark':
      return { ...base, ...none, deckId: r.deckId, cardId: r.cardId };
    case 'removal':
      return { ...base, ...none, deckId: 'deckId' in r.scope ? r.scope.deckId : null };
    case 'setting':
      return { ...base, ...none };
  }
}

/** Checks a push body as a whole; throws a 400 naming the first bad record and field. */
export function checkPush(body: unknown, auth: DeviceAuth, now: number): SyncRecord[] {
  const parsed = pushBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    const [top, index] = issue.path;
    if (top === 'records' && typeof index === 'number')
      throw invalidRecord(index, issue.field.replace(/^records\[\d+\]\.?/, '') || '(record)', issue.message);
    throw new Problem(400, 'invalid-request', `${issue.field || 'body'}: ${issue.message}`, {
      field: issue.field || 'body'
    });
  }
  const list = parsed.data.records;
  const latest = now + MAX_CLOCK_SKEW_MS;
  list.forEach((r, i) => {
    if (r.device !== auth.deviceId) throw invalidRecord(i, 'device', 'must be the id of the device that pushes it');
    if (r.at > latest) throw invalidRecord(i, 'at', 'is more than 5 minutes ahead of the server clock');
    if (r.kind === 'review' && r.row.reviewedAt > latest)
      throw invalidRecord(i, 'row.reviewedAt', 'is more than 5 minutes ahead of the server clock');
    const row = toRow(r);
    for (const [field, value] of [
      ['id', row.id],
      [
        r.kind === 'review' || r.kind === 'quiz' ? 'row.deckId' : r.kind === 'removal' ? 'scope.deckId' : 'deckId',
        row.deckId
      ],
      [r.kind === 'review' ? 'row.cardId' : 'cardId', row.cardId]
    ] as const)
      if (value?.includes('\u0000')) throw invalidRecord(i, field, 'must not contain the character U+0000');
  });
  return list;
}

export interface PushResult {
  /** How many records were new to the server or newer than its version. */
  stored: number;
  /** The account's counter after this push (not a pull cursor: other devices' records may lie below it). */
  cursor: number;
}

/**
 * Stores the records of a push (already checked) in one transaction. `beforeCommit` is a seam for
 * tests that hold a push open to see what other requests do meanwhile.
 */
export async function push(
  db: Db,
  auth: DeviceAuth,
  list: readonly SyncRecord[],
  beforeCommit?: () => Promise<void>
): Promise<PushResult> {
  // Two versions of one record in one push: only the newer can be stored.
  const newest = new Map<string, SyncRecord>();
  for (const r of list) {
    const key = `${r.kind}:${r.id}`;
    const held = newest.get(key);
    if (!held || isNewer(r, held)) newest.set(key, r);
  }
  const rows = [...newest.values()].map(toRow);
  return db.transaction().execute(async (trx) => {
    const counter = await accounts.lockCounter(trx, auth.accountId);
    const stored = await records.upsert(trx, auth.accountId, counter + 1, rows);
    const cursor = stored > 0 ? counter + rows.length : counter;
    if (stored > 0) await accounts.setCounter(trx, auth.accountId, cursor);
    await beforeCommit?.();
    return { stored, cursor };
  });
}

/**
 * Records past `since`, at most `limit`, as the JSON text of the answer (stored bodies are spliced in,
 * not parsed and written again). `more` says whether records past the returned cursor exist.
 */
export async function pull(db: Db, auth: DeviceAuth, since: number, limit: number): Promise<string> {
  const rows = await records.since(db, auth.accountId, since, limit + 1);
  const page = rows.slice(0, limit);
  if (page.length === 0 && since > 0 && since > ((await accounts.counter(db, auth.accountId)) ?? 0))
    throw new Problem(409, 'unknown-cursor', 'this cursor is past every record of the account: pull again from 0');
  const cursor = page.length ? page[page.length - 1].seq : since;
  return `{"records":[${page.map((r) => r.body).join(',')}],"cursor":${cursor},"more":${rows.length > limit}}`;
}
