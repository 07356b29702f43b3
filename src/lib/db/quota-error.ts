/** Recognising "the device is out of space", however the browser and Dexie report it. */

// Firefox used its own name before the standard one.
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * Whether `e` is a write refused for lack of space: a QuotaExceededError DOMException, Dexie's
 * QuotaExceededError, or one wrapped by Dexie (a transaction's AbortError keeps the cause in `inner`,
 * a BulkError in `failures`).
 */
export function isQuotaError(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 5) return false;
  const { name, inner, cause, failures } = e as {
    name?: unknown;
    inner?: unknown;
    cause?: unknown;
    failures?: unknown;
  };
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
  const wrapped = [inner, cause, ...(Array.isArray(failures) ? failures : [])];
  return wrapped.some((w) => isQuotaError(w, depth + 1));
}
