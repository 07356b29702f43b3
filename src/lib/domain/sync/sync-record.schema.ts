/**
 * The one check of records that come from another device or the server: the server validates every
 * pushed record with it, and a device every pulled one. Rows reuse the backup file's strict schemas.
 */
import { z } from 'zod';
import { deckRowSchema, quizAttemptSchema, reviewLogSchema } from '../backup.schema';
import type { SyncRecord } from './sync-record';

/** Longest id, preference name or device id accepted. */
export const SYNC_ID_MAX = 200;

const id = z.string().min(1, 'must not be empty').max(SYNC_ID_MAX, `must be at most ${SYNC_ID_MAX} characters`);
const base = {
  id,
  at: z.number().int('must be a whole number of milliseconds').nonnegative('must be 0 or more'),
  device: id
};

const scopeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('review'), logId: id }),
  z.strictObject({ type: z.literal('items'), deckId: id, cardIds: z.array(id).min(1).max(100_000) }),
  z.strictObject({ type: z.literal('deck'), deckId: id }),
  z.strictObject({ type: z.literal('all') })
]);

export const syncRecordSchema: z.ZodType<SyncRecord> = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...base, kind: z.literal('review'), row: reviewLogSchema }),
    z.strictObject({ ...base, kind: z.literal('quiz'), row: quizAttemptSchema }),
    z.strictObject({ ...base, kind: z.literal('deck'), row: deckRowSchema.nullable() }),
    z.strictObject({ ...base, kind: z.literal('setting'), value: z.unknown() }),
    z.strictObject({ ...base, kind: z.literal('mark'), deckId: id, cardId: id, suspended: z.boolean() }),
    z.strictObject({ ...base, kind: z.literal('removal'), scope: scopeSchema })
  ])
  .superRefine((r, ctx) => {
    const expected =
      r.kind === 'review' || r.kind === 'quiz' || r.kind === 'deck'
        ? (r.row?.id ?? r.id)
        : r.kind === 'mark'
          ? `${r.deckId}/${r.cardId}`
          : r.id;
    if (r.id !== expected) ctx.addIssue({ code: 'custom', path: ['id'], message: `must be "${expected}"` });
  });

/** A push: the records a device has not yet had acknowledged. */
export const pushBodySchema = z.strictObject({
  records: z.array(syncRecordSchema).max(5000, 'send at most 5000 records at once')
});
