/**
 * The sync engine of this tab (docs/sync.md): pushes what waits to be sent and pulls what other
 * devices sent, through the same-origin API. It runs when the app starts, a moment after a grade
 * (`syncSoon`, debounced), when the page becomes visible, when the network returns and on "Sync now".
 * Studying never waits for it: every change is already in IndexedDB, and a sync that cannot reach
 * the server waits quietly and tries again later.
 */
import {
  acknowledge,
  applyPulled,
  beginJoin,
  forgetRecoveryKey,
  leaveSync,
  loadSyncAccount,
  mergeOwnData,
  pendingRecords,
  rebuildForJoin,
  recordSynced,
  resetCursor,
  setSyncPaused,
  storeJoinBatch,
  syncCursor,
  watchSync,
  type SyncAccount,
  type SyncOverview
} from '$lib/db';
import { onSyncSoon } from './sync-soon';
import { SyncError, syncApi, type Credentials, type LinkedDevice, type SyncProblem } from './sync-api';

export type { Credentials, LinkedDevice, SyncOverview, SyncProblem };

/** Records per push: well under the server's 5,000 and 32 MiB, even with imported decks among them. */
const PUSH_BATCH = 2000;
/** Records per pull: larger while joining, when nothing is rebuilt per batch. */
const PULL_BATCH = 1000;
const JOIN_PULL_BATCH = 5000;
/** How long after a grade the engine waits for more before sending. */
const SOON_MS = 2000;
const RETRY_FIRST_MS = 5000;
const RETRY_MAX_MS = 5 * 60_000;

function problemOf(e: unknown): SyncProblem {
  if (e instanceof SyncError) return e.problem;
  throw e;
}

/** The account this device syncs with, or null: for code that talks to the server in its name (classes). */
export async function syncCredentials(): Promise<Credentials | null> {
  const account = await loadSyncAccount();
  return account ? { accountId: account.accountId, deviceId: account.deviceId, token: account.token } : null;
}

export class SyncEngine {
  /** A sync is running. */
  syncing = $state(false);
  /** Why the last sync, or the last request made from Settings, did not get through; null when it did. */
  problem = $state.raw<SyncProblem | null>(null);
  #running: Promise<void> | null = null;
  #again = false;
  #soon: ReturnType<typeof setTimeout> | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #retryMs = 0;
  #started = false;

  /** Starts syncing on this page's events (once per page); returns the function that stops. */
  start(): () => void {
    if (this.#started) return () => {};
    this.#started = true;
    const now = () => void this.sync();
    const visible = () => {
      if (document.visibilityState === 'visible') now();
    };
    const stopSoon = onSyncSoon(() => {
      clearTimeout(this.#soon);
      this.#soon = setTimeout(now, SOON_MS);
    });
    document.addEventListener('visibilitychange', visible);
    window.addEventListener('online', now);
    now();
    return () => {
      this.#started = false;
      stopSoon();
      clearTimeout(this.#soon);
      clearTimeout(this.#retry);
      document.removeEventListener('visibilitychange', visible);
      window.removeEventListener('online', now);
    };
  }

  /** Follows where sync stands (account, changes waiting, last synced), for Settings. */
  watch(listener: (overview: SyncOverview) => void): () => void {
    return watchSync(listener);
  }

  /** Syncs now; a call during a sync runs one more once it ends. Never throws: see `problem`. */
  sync(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      try {
        do {
          this.#again = false;
          await this.#once();
        } while (this.#again);
      } finally {
        this.#running = null;
      }
    })();
    return this.#running;
  }

  async #once(): Promise<void> {
    const account = await loadSyncAccount();
    if (!account || account.paused) return;
    clearTimeout(this.#retry);
    this.syncing = true;
    try {
      if (account.phase === 'joining') await this.#join(account);
      if (account.phase !== 'on') await rebuildForJoin();
      await this.#push(account.token);
      await this.#pull(account.token);
      await recordSynced(new Date());
      this.problem = null;
      this.#retryMs = 0;
    } catch (e) {
      const problem = problemOf(e);
      this.problem = problem;
      if (problem.kind === 'removed') await leaveSync();
      else this.#scheduleRetry();
    } finally {
      this.syncing = false;
    }
  }

  #scheduleRetry(): void {
    this.#retryMs = Math.min(RETRY_MAX_MS, this.#retryMs ? this.#retryMs * 2 : RETRY_FIRST_MS);
    clearTimeout(this.#retry);
    if (this.#started) this.#retry = setTimeout(() => void this.sync(), this.#retryMs);
  }

  /** Pulls everything the account holds, then merges this device's own data in (docs/sync.md). */
  async #join(account: SyncAccount): Promise<void> {
    for (;;) {
      const page = await this.#pullPage(account.token, JOIN_PULL_BATCH);
      await storeJoinBatch(page.records, page.cursor);
      if (!page.more) break;
    }
    await mergeOwnData(new Date());
  }

  async #pullPage(token: string, limit: number) {
    try {
      return await syncApi.pull(token, await syncCursor(), limit);
    } catch (e) {
      // The server's data was reset under this device: everything is pulled again.
      if (problemOf(e).kind !== 'unknown-cursor') throw e;
      await resetCursor();
      return syncApi.pull(token, 0, limit);
    }
  }

  async #push(token: string): Promise<void> {
    for (;;) {
      const records = await pendingRecords(PUSH_BATCH);
      if (!records.length) return;
      await syncApi.push(token, records);
      await acknowledge(records);
    }
  }

  async #pull(token: string): Promise<void> {
    for (;;) {
      const page = await this.#pullPage(token, PULL_BATCH);
      await applyPulled(page.records, page.cursor);
      if (!page.more) return;
    }
  }

  /** Runs a request made from Settings: its problem, if any, is shown, and nothing else changes. */
  async #ask<T>(request: () => Promise<T>): Promise<T | null> {
    try {
      const result = await request();
      this.problem = null;
      return result;
    } catch (e) {
      this.problem = problemOf(e);
      if (this.problem.kind === 'removed') await leaveSync();
      return null;
    }
  }

  async #joinWith(request: () => Promise<Credentials & { recoveryKey?: string }>, deviceName: string) {
    const joined = await this.#ask(request);
    if (!joined) return false;
    await beginJoin({ ...joined, deviceName });
    await this.sync();
    return true;
  }

  /** "Turn on sync": a new account for this device, with a recovery key to write down. */
  turnOn(deviceName: string): Promise<boolean> {
    return this.#joinWith(() => syncApi.createAccount(deviceName), deviceName);
  }

  /** "Link this device" with a code shown on another device of the account. */
  link(code: string, deviceName: string): Promise<boolean> {
    return this.#joinWith(() => syncApi.link(code, deviceName), deviceName);
  }

  /** Joins the account of a recovery key (every device lost). */
  recover(recoveryKey: string, deviceName: string): Promise<boolean> {
    return this.#joinWith(() => syncApi.recover(recoveryKey, deviceName), deviceName);
  }

  /** Whether this origin runs the Factdeck server. */
  async available(): Promise<boolean> {
    try {
      await syncApi.health();
      return true;
    } catch (e) {
      return problemOf(e).kind !== 'no-server';
    }
  }

  async createLinkCode(): Promise<{ code: string; expiresAt: number } | null> {
    const account = await loadSyncAccount();
    return account ? this.#ask(() => syncApi.createLinkCode(account.token)) : null;
  }

  async devices(): Promise<LinkedDevice[] | null> {
    const account = await loadSyncAccount();
    return account ? this.#ask(() => syncApi.devices(account.token)) : null;
  }

  /** Removes a device from the account; removing this one turns sync off here (its data stays). */
  async removeDevice(id: string): Promise<boolean> {
    const account = await loadSyncAccount();
    if (!account) return false;
    const done = await this.#ask(() => syncApi.removeDevice(account.token, id).then(() => true));
    if (done && id === account.deviceId) await leaveSync();
    return !!done;
  }

  /** Turns sync off (changes keep being recorded) or on again (and syncs). */
  async setPaused(paused: boolean): Promise<void> {
    await setSyncPaused(paused);
    if (paused) this.problem = null;
    else await this.sync();
  }

  forgetRecoveryKey(): Promise<void> {
    return forgetRecoveryKey();
  }
}

/** The one engine of the app, started by the root layout. */
export const syncEngine = new SyncEngine();
