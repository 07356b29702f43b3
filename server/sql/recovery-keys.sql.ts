/** SQL of the `recovery_keys` table: the account a recovery key's hash belongs to. */
import type { Db } from '../db/schema';

export async function insert(db: Db, keyHash: string, accountId: string, now: Date): Promise<void> {
  await db.insertInto('recovery_keys').values({ key_hash: keyHash, account_id: accountId, created_at: now }).execute();
}

export async function findAccount(db: Db, keyHash: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('recovery_keys')
    .select('account_id')
    .where('key_hash', '=', keyHash)
    .executeTakeFirst();
  return row?.account_id;
}
