/**
 * Starts the sync engine when this device has a sync account; otherwise the engine is not even
 * loaded (Settings starts it when sync is turned on), so pages of a device without sync stay light.
 */
import { hasSyncAccount } from '$lib/db';

export async function startSyncIfOn(): Promise<() => void> {
  if (!(await hasSyncAccount())) return () => {};
  const { syncEngine } = await import('./sync-engine.svelte');
  return syncEngine.start();
}
