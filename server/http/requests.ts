/** The shapes of request bodies and queries other than records (those are the domain's sync schema). */
import { z } from 'zod';

const deviceName = z
  .string({ error: 'must be a string' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

export const createAccountBody = z.strictObject({ deviceName });
export const linkBody = z.strictObject({ code: z.string({ error: 'must be a string' }).max(100), deviceName });
export const recoverBody = z.strictObject({
  recoveryKey: z.string({ error: 'must be a string' }).max(200),
  deviceName
});

const whole = () =>
  z
    .string()
    .regex(/^\d{1,15}$/, 'must be a whole number')
    .transform(Number);

export const pullQuery = z.object({
  since: whole().optional(),
  limit: whole()
    .refine((n) => n >= 1 && n <= 5000, 'must be between 1 and 5000')
    .optional()
});

const code = z.string({ error: 'must be a string' }).max(100, 'must be at most 100 characters');

export const createClassBody = z.strictObject({
  name: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
});
export const previewBody = z.strictObject({ code });
export const joinBody = z.strictObject({
  code,
  displayName: z
    .string({ error: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(40, 'must be at most 40 characters')
    // A name is shown in the teacher's tables and CSV: one line of visible characters.
    .regex(/^[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]*$/u, 'must be one line of visible characters')
});
export const publishBody = z.strictObject({ deck: z.unknown() });
