/** Checks a body or query with its schema; a 400 names the first bad field. */
import type { z } from 'zod';
import { invalidRequest } from './errors';

export function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw invalidRequest(result.error);
  return result.data;
}
