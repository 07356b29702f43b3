/** The one way a failed write is put into words for the learner. */
import { isQuotaError } from '$lib/db';
import * as t from '$lib/text';

/**
 * What the learner reads when a write failed: that the device is out of space and what to do about
 * it, or the failure's own reason. The transaction that failed changed nothing either way.
 */
export function failedWrite(e: unknown, words: t.FailedWrite): string {
  return isQuotaError(e) ? t.error.storageFull(words.full) : words.other(t.common.reason(e));
}
