/**
 * "Sync a few seconds from now", for what a learner just did (a grade, an undo). Kept apart from the
 * sync engine so the study page does not load it: the engine listens here once it runs.
 */
const listeners = new Set<() => void>();

export function syncSoon(): void {
  for (const listener of listeners) listener();
}

/** Hears every `syncSoon`; returns the function that stops. */
export function onSyncSoon(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
