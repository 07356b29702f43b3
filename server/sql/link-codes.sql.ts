/** SQL of the `link_codes` table. */
import type { Db } from '../db/schema';

/** Stores a device's new code in place of any it showed before: one live code per device. */
export async function replaceForDevice(
  db: Db,
  code: { hash: string; accountId: string; deviceId: string; expiresAt: Date }
): Promise<void> {
  await db
    .deleteFrom('link_codes')
    .where('account_id', '=', code.accountId)
    .where('device_id', '=', code.deviceId)
    .execute();
  await db
    .insertInto('link_codes')
    .values({
      code_hash: code.hash,
      account_id: code.accountId,
      device_id: code.deviceId,
      expires_at: code.expiresAt
    })
    .execute();
}

/** Removes the code and returns whose it was: a code can be taken once, expired or not. */
export async function take(db: Db, hash: string) {
  return db
    .deleteFrom('link_codes')
    .where('code_hash', '=', hash)
    .returning(['account_id', 'expires_at'])
    .executeTakeFirst();
}

export async function purgeExpired(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('link_codes').where('expires_at', '<=', now).execute();
}
