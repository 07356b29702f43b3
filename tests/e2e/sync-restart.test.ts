/**
 * A push during a server restart (issue 16): a device with sync on grades; its server dies with a push
 * in flight, twice (once after storing it but before answering, once before committing it) and comes
 * back on the same data and port. The device studies on meanwhile, Settings says the server cannot be
 * reached, the device sends again by itself, and the server ends up with every review exactly once,
 * as the device's log has them; a linked device pulls the same log and states.
 *
 * This file runs its own server (not the global setup's), on E2E_RESTART_PORT or a free port, with an
 * embedded database in a temporary folder, and kills and restarts it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openDatabase } from '../../server/db/database';
import { freshContext, open, readStore, waitForServiceWorker } from './browser';
import { firstSynced, grade, logIds, openSync, pending, showLinkCode, states, syncNow } from './sync-device';

const DECK = 'world-capitals';
/** Longer than the device's retries take to come round once the server is back (5 s, doubling). */
const RETRY_WAIT_MS = 150_000;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** Waits until `done()` holds, checking every 200 ms, or throws `what` after `ms`. */
async function until(done: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error(`${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Where a held-push server holds a push, and whether it holds the first one or waits for `arm()`. */
type Hold = { at: 'before-commit' | 'after-commit'; first: boolean };

/** One run of the Factdeck server on the test's folder and port: `server/main.ts`, or one that holds a push. */
class ServerRun {
  readonly #child: ChildProcess;
  readonly #lines: string[] = [];
  readonly #exited: Promise<unknown>;

  constructor(port: number, dataDir: string, hold?: Hold) {
    this.#child = spawn(
      process.execPath,
      ['--import', 'tsx', hold ? 'tests/e2e/held-push-server.ts' : 'server/main.ts'],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'error',
          HOLD_PUSH: hold?.at ?? '',
          HOLD_ARMED: hold?.first ? '1' : ''
        }
      }
    );
    createInterface({ input: this.#child.stdout! }).on('line', (line) => this.#lines.push(line));
    this.#exited = new Promise((resolve) => this.#child.once('exit', resolve));
  }

  get running() {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  /** Waits until the server prints `line` (it says "push held" when it holds one). */
  async said(line: string, timeout: number): Promise<void> {
    await until(() => this.#lines.includes(line) || !this.running, timeout, `the server did not say "${line}"`);
    if (!this.#lines.includes(line))
      throw new Error(`the server exited (${this.#child.exitCode}) without saying "${line}"`);
  }

  async ready(base: string): Promise<void> {
    const answers = async () => {
      if (!this.running) throw new Error(`the server exited (${this.#child.exitCode}) before answering`);
      return fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false
      );
    };
    // Reopening the embedded database takes seconds; creating it, up to a minute on a busy machine.
    await until(answers, 120_000, `the server did not answer at ${base}`);
  }

  /** Arms the held-push server: it holds the next push. */
  async arm(): Promise<void> {
    this.#child.kill('SIGUSR2');
    await this.said('armed', 10_000);
  }

  /** SIGKILL: a crash, or a restart that does not wait for requests in flight. SIGTERM: `main.ts` stops cleanly. */
  async stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    if (this.running) this.#child.kill(signal);
    await this.#exited;
  }
}

describe('a push during a server restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'factdeck-e2e-restart-'));
  let port: number;
  let base: string;
  let server: ServerRun;
  let a: Page;
  let b: Page;
  const closers: (() => Promise<void>)[] = [];

  const start = async (hold?: Hold) => {
    server = new ServerRun(port, dataDir, hold);
    await server.ready(base);
  };
  /** The ids of A's reviews in the server's database, read while no server runs on it. */
  const serverReviews = async () => {
    const [{ value: account }] = (
      await readStore<{ key: string; value: { accountId: string } }>(a, 'syncState')
    ).filter((row) => row.key === 'account');
    const database = await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
    try {
      const { rows } = await sql<{ id: string }>`
        select id from records where account_id = ${account.accountId} and kind = 'review'
      `.execute(database.db);
      return rows.map((r) => r.id).sort();
    } finally {
      await database.close();
    }
  };
  /** The ids of A's reviews the server holds since the last crash. */
  let stored: string[] = [];

  beforeAll(async () => {
    port = Number(process.env.E2E_RESTART_PORT) || (await freePort());
    base = `http://localhost:${port}`;
    await start({ at: 'after-commit', first: false });
    const [one, two] = [await freshContext(), await freshContext()];
    closers.push(one.close, two.close);
    [a, b] = [one.page, two.page];
  });
  afterAll(async () => {
    for (const close of closers) await close();
    await server?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('A turns sync on, B links; A grades and its grades reach the server', async () => {
    await openSync(a, base);
    await a.getByRole('button', { name: 'Turn on sync' }).click();
    await firstSynced(a);
    const code = await showLinkCode(a);
    await openSync(b, base);
    await b.getByRole('textbox', { name: 'Link code' }).fill(code);
    await b.getByRole('button', { name: 'Link this device' }).click();
    await firstSynced(b);

    await open(a, `${base}/decks/${DECK}/study`);
    await waitForServiceWorker(a);
    await grade(a, 2);
    await expect.poll(() => pending(a), { timeout: 30_000 }).toBe(0);
  });

  test('the server dies having stored a push but not answered it: A studies on, and Settings says so', async () => {
    await server.arm();
    await grade(a, 1);
    await server.said('push held', 30_000);
    await server.stop('SIGKILL');

    // Not acknowledged, so still waiting to be sent, though the server committed it.
    expect(await pending(a)).toBe(1);
    stored = await logIds(a);
    expect(await serverReviews()).toEqual(stored);
    await grade(a, 2);
    expect(await logIds(a)).toHaveLength(5);
    expect(await pending(a)).toBe(3);

    // The service worker serves the app; the sync server cannot be reached.
    await openSync(a, base);
    await expect.poll(() => a.getByTestId('sync-problem').textContent()).toMatch(/cannot be reached/);
    await expect.poll(() => a.getByTestId('sync-pending').textContent()).toBe('3 changes waiting to be sent.');
  });

  test(
    'back on the same data, the server gets A’s retry by itself; it dies again before committing it',
    { timeout: 240_000 },
    async () => {
      await start({ at: 'before-commit', first: true });
      // Nothing is touched on A: its own retry comes.
      await server.said('push held', RETRY_WAIT_MS);
      await server.stop('SIGKILL');
      // What that push brought was not committed; what the server had is still there.
      expect(await serverReviews()).toEqual(stored);

      await open(a, `${base}/decks/${DECK}/study`);
      await grade(a, 1);
      expect(await logIds(a)).toHaveLength(6);
      expect(await pending(a)).toBe(4);
    }
  );

  test('back again, A sends everything by itself; B pulls the same log and states', { timeout: 240_000 }, async () => {
    await start();
    await expect.poll(() => pending(a), { timeout: RETRY_WAIT_MS, interval: 500 }).toBe(0);
    const logs = await logIds(a);
    expect(logs).toHaveLength(6);

    await syncNow(b, base);
    expect(await logIds(b)).toEqual(logs);
    expect(await states(b)).toEqual(await states(a));
  });

  test('the database holds each of A’s reviews exactly once', async () => {
    await server.stop('SIGTERM');
    expect(await serverReviews()).toEqual(await logIds(a));
  });
});
