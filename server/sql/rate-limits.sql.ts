/** SQL of the `rate_limits` table: a counter per key in fixed windows, shared by every server process. */
import { sql } from 'kysely';
import type { Db } from '../db/schema';

export async function read(db: Db, key: string) {
  return db.selectFrom('rate_limits').select(['window_start', 'count']).where('key', '=', key).executeTakeFirst();
}

/** Counts one event under `key`; a window older than `windowStartAfter` starts again at 1. */
export async function hit(db: Db, key: string, now: Date, windowStartAfter: Date): Promise<void> {
  await db
    .insertInto('rate_limits')
    .values({ key, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`case when rate_limits.window_start <= ${windowStartAfter} then 1 else rate_limits.count + 1 end`,
        window_start: sql`case when rate_limits.window_start <= ${windowStartAfter} then ${now} else rate_limits.window_start end`
      })
    )
    .execute();
}

export async function purgeBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('rate_limits').where('window_start', '<=', before).execute();
}
