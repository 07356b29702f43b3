/**
 * Limits on guessing: failed attempts at a link code or a recovery key, counted per client address in
 * the database (so every server process behind a load balancer shares the count). Past the limit, every
 * attempt from that address is refused, right or wrong, until the window ends.
 */
import type { Db } from '../db/schema';
import * as rateLimits from '../sql/rate-limits.sql';
import { Problem } from './problem';

export interface Limit {
  name: string;
  /** Failed attempts allowed in one window. */
  max: number;
  windowMs: number;
}

/** A class behind one school address may mistype a few codes; a guesser gets nowhere in 8.5e11. */
export const LINK_LIMIT: Limit = { name: 'link', max: 20, windowMs: 10 * 60_000 };
/**
 * Class codes: joining and looking a class up share this count. A whole class behind one school address
 * types codes at once, so it allows more mistakes than linking a device.
 */
export const JOIN_LIMIT: Limit = { name: 'join', max: 60, windowMs: 10 * 60_000 };
export const RECOVER_LIMIT: Limit = { name: 'recover', max: 10, windowMs: 60 * 60_000 };

const key = (limit: Limit, client: string) => `${limit.name}:${client}`;

export async function assertUnderLimit(db: Db, limit: Limit, client: string, now: number): Promise<void> {
  const row = await rateLimits.read(db, key(limit, client));
  if (!row) return;
  const ends = row.window_start.getTime() + limit.windowMs;
  if (row.count >= limit.max && ends > now)
    throw new Problem(
      429,
      'too-many-attempts',
      `too many wrong attempts from this address; try again in ${Math.ceil((ends - now) / 60_000)} minutes`,
      {},
      Math.ceil((ends - now) / 1000)
    );
}

export async function countFailure(db: Db, limit: Limit, client: string, now: number): Promise<void> {
  await rateLimits.hit(db, key(limit, client), new Date(now), new Date(now - limit.windowMs));
  if (Math.random() < 0.01) await rateLimits.purgeBefore(db, new Date(now - 24 * 60 * 60_000));
}
