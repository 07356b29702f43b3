/** SQL of the `records` table: one row per record (kind, id) of an account, its newest version. */
import { sql } from 'kysely';
import type { Db } from '../db/schema';

/** A record as stored: its key, version, the columns SQL reads, and its JSON. */
export interface RecordRow {
  kind: string;
  id: string;
  at: number;
  device: string;
  deckId: string | null;
  cardId: string | null;
  reviewedAt: number | null;
  rating: number | null;
  stateBefore: number | null;
  body: string;
}

/**
 * Stores each row whose (kind, id) the account does not hold yet, or holds in an older version (smaller
 * `(at, device)`), giving the i-th row `firstSeq + i`. Others are left as they are. Returns how many
 * were stored. The rows must have distinct (kind, id). One statement, whatever the number of rows: the
 * columns travel as arrays.
 */
export async function upsert(db: Db, accountId: string, firstSeq: number, rows: readonly RecordRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const col = <T>(pick: (r: RecordRow) => T) => rows.map(pick);
  const result = await sql`
    insert into records (account_id, kind, id, seq, at, device, deck_id, card_id, reviewed_at, rating, state_before, body)
    select ${accountId}, r.kind, r.id, ${firstSeq}::bigint + r.ord - 1, r.at, r.device, r.deck_id, r.card_id,
           r.reviewed_at, r.rating, r.state_before, r.body
    from unnest(
      ${col((r) => r.kind)}::text[], ${col((r) => r.id)}::text[], ${col((r) => r.at)}::bigint[],
      ${col((r) => r.device)}::text[], ${col((r) => r.deckId)}::text[], ${col((r) => r.cardId)}::text[],
      ${col((r) => r.reviewedAt)}::double precision[], ${col((r) => r.rating)}::smallint[],
      ${col((r) => r.stateBefore)}::smallint[], ${col((r) => r.body)}::text[]
    ) with ordinality as r(kind, id, at, device, deck_id, card_id, reviewed_at, rating, state_before, body, ord)
    on conflict (account_id, kind, id) do update set
      seq = excluded.seq, at = excluded.at, device = excluded.device, deck_id = excluded.deck_id,
      card_id = excluded.card_id, reviewed_at = excluded.reviewed_at, rating = excluded.rating,
      state_before = excluded.state_before, body = excluded.body
    where (excluded.at, excluded.device) > (records.at, records.device)
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Up to `limit` records with `seq > since`, in `seq` order. */
export async function since(db: Db, accountId: string, since: number, limit: number) {
  return db
    .selectFrom('records')
    .select(['seq', 'body'])
    .where('account_id', '=', accountId)
    .where('seq', '>', since)
    .orderBy('seq')
    .limit(limit)
    .execute();
}
