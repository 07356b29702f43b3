/** The one way a failed write is put into words for the learner. */
import { isQuotaError } from '$lib/db';
import * as t from '$lib/text';
import { freeSpace } from './free-space.svelte';

/**
 * What the learner reads when a write failed: that the device is out of space and what to do about
 * it (and the "free space" choices open), or the failure's own reason. The transaction that failed
 * changed nothing either way.
 */
export function failedWrite(e: unknown, words: t.FailedWrite): string {
  if (!isQuotaError(e)) return words.other(t.common.reason(e));
  void freeSpace.offer();
  return t.error.storageFull(words.full);
}

/** Whether `e` is a write refused for lack of space, for a page that offers its own way out. */
export { isQuotaError as isStorageFull };
