/** SQL of the `devices` table. Every query names the account. */
import type { Db } from '../db/schema';

export interface NewDevice {
  accountId: string;
  id: string;
  name: string;
  tokenHash: string;
  now: Date;
}

export async function insert(db: Db, d: NewDevice): Promise<void> {
  await db
    .insertInto('devices')
    .values({
      account_id: d.accountId,
      id: d.id,
      name: d.name,
      token_hash: d.tokenHash,
      created_at: d.now,
      last_seen_at: d.now
    })
    .execute();
}

export async function findByToken(db: Db, accountId: string, tokenHash: string) {
  return db
    .selectFrom('devices')
    .select(['id', 'last_seen_at'])
    .where('account_id', '=', accountId)
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touch(db: Db, accountId: string, id: string, now: Date): Promise<void> {
  await db
    .updateTable('devices')
    .set({ last_seen_at: now })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .execute();
}

export async function list(db: Db, accountId: string) {
  return db
    .selectFrom('devices')
    .select(['id', 'name', 'created_at', 'last_seen_at'])
    .where('account_id', '=', accountId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Deletes one device of the account; false when the account has no such device. */
export async function remove(db: Db, accountId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('devices')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
