/**
 * What this tab knows of sync without reading the database: the account while changes are recorded,
 * and the latest record time. Loaded when the database opens; a grade reads the account row again in
 * its own transaction and starts over if another tab changed it meanwhile.
 */
import type { SyncAccount } from './sync-rows';

export const syncSession: { account: SyncAccount | null; lastAt: number } = { account: null, lastAt: 0 };

/** The account when this device records its changes as records (sync turned on and joined); null otherwise. */
export function recordingAccount(account: SyncAccount | null | undefined): SyncAccount | null {
  return account && account.phase !== 'joining' ? account : null;
}

interface TableSource {
  table(name: string): { get(key: string): Promise<unknown> };
}

/** Reads the account and clock into `syncSession` (when the database opens). */
export async function loadSyncSession(source: TableSource): Promise<void> {
  const state = source.table('syncState');
  const [account, lastAt] = (await Promise.all([state.get('account'), state.get('lastAt')])) as (
    { value: unknown } | undefined
  )[];
  syncSession.account = recordingAccount(account?.value as SyncAccount | undefined);
  syncSession.lastAt = (lastAt?.value as number | undefined) ?? 0;
}
