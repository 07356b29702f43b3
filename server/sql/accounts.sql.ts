/** SQL of the `accounts` table. */
import type { Db } from '../db/schema';

export async function insert(db: Db, id: string, now: Date): Promise<void> {
  await db.insertInto('accounts').values({ id, created_at: now }).execute();
}

/**
 * Takes the account's row lock for the rest of the transaction and returns its counter. Every push of
 * the account waits here for the one before it to commit, so records commit in `seq` order.
 */
export async function lockCounter(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom('accounts')
    .select('seq')
    .where('id', '=', accountId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  return row.seq;
}

export async function setCounter(db: Db, accountId: string, seq: number): Promise<void> {
  await db.updateTable('accounts').set({ seq }).where('id', '=', accountId).execute();
}

export async function counter(db: Db, accountId: string): Promise<number | undefined> {
  const row = await db.selectFrom('accounts').select('seq').where('id', '=', accountId).executeTakeFirst();
  return row?.seq;
}
