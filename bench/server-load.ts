/**
 * The sync server under load on loopback (`npm run bench -- --only server`): the Factdeck server in
 * its own process, on PGlite and on PostgreSQL, with N simulated devices (two per account) each
 * pushing 20 new reviews, then pulling what is new since its cursor, over and over, for a bounded time
 * (autocannon, one connection per device). Then the server's half of a first sync: one device pushes
 * 200,000 reviews in pushes of 5,000, a new device pulls them in pages of 5,000.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { summarize, type Summary } from './summary';

export interface LoadRun {
  database: 'PGlite' | 'PostgreSQL';
  devices: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  /** Milliseconds per request, by kind. */
  push: Summary;
  pull: Summary;
  reviewsStoredPerSecond: number;
  firstSync: { reviews: number; pushSeconds: number; pullSeconds: number };
}

export interface ServerBenchOptions {
  root: string;
  port: number;
  quick: boolean;
  log: (message: string) => void;
}

const PER_PUSH = 20;

type Device = { accountId: string; deviceId: string; token: string };
/** What one connection (one device) keeps between its requests. */
type Ctx = { device?: Device; cursor?: number };

function reviews(deviceId: string, count: number, at: number) {
  return Array.from({ length: count }, (_, i) => {
    const id = randomUUID();
    const reviewedAt = at - count + i;
    const state = {
      due: reviewedAt + 86_400_000,
      stability: 2.3,
      difficulty: 5.8,
      elapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 2,
      lastReview: reviewedAt
    };
    return {
      kind: 'review',
      id,
      at: reviewedAt,
      device: deviceId,
      row: {
        id,
        deckId: 'bench-deck',
        cardId: `card-${i % 5000}`,
        rating: 3,
        reviewedAt,
        elapsedMs: 4000,
        before: null,
        stateBefore: 0,
        after: state
      }
    };
  });
}

async function call(base: string, method: string, url: string, token?: string, body?: unknown) {
  const res = await fetch(base + url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {})
    },
    body: body ? JSON.stringify(body) : undefined
  });
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function startServer(root: string, port: number, env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BUILD_DIR: path.join(root, 'bench', 'no-build'),
      LOG_LEVEL: 'error',
      ...env
    }
  });
  const end = Date.now() + 300_000;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return child;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error('the server did not start within 5 minutes');
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

async function load(base: string, devices: Device[], seconds: number) {
  let next = 0;
  const pair = [
    {
      method: 'POST' as const,
      path: '/api/sync/push',
      setupRequest: (req: autocannon.Request, ctx: object) => {
        const context = ctx as Ctx;
        const device = (context.device ??= devices[next++ % devices.length]);
        return {
          ...req,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
          body: JSON.stringify({ records: reviews(device.deviceId, PER_PUSH, Date.now()) })
        };
      }
    },
    {
      method: 'GET' as const,
      setupRequest: (req: autocannon.Request, ctx: object) => {
        const context = ctx as Ctx;
        const device = context.device as Device;
        return {
          ...req,
          path: `/api/sync/pull?since=${context.cursor ?? 0}&limit=500`,
          headers: { authorization: `Bearer ${device.token}` }
        };
      },
      onResponse: (status: number, body: string, ctx: object) => {
        if (status === 200) (ctx as Ctx).cursor = (JSON.parse(body) as { cursor: number }).cursor;
      }
    }
  ];
  // autocannon starts a connection's context afresh after its last request: make the list outlast the run.
  const requests = Array.from({ length: 2000 }, (_, i) => pair[i % 2]);
  const times = { push: [] as number[], pull: [] as number[] };
  const seen = new Map<unknown, number>();
  let instance!: autocannon.Instance;
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      { url: base, connections: devices.length, duration: seconds, maxOverallRequests: 200_000, timeout: 30, requests },
      (error, result) => (error ? reject(error) : resolve(result))
    );
  });
  instance.on('response', (client: unknown, _status: number, _bytes: number, ms: number) => {
    const n = seen.get(client) ?? 0;
    seen.set(client, n + 1);
    (n % 2 === 0 ? times.push : times.pull).push(ms);
  });
  const result = await done;
  return { result, times };
}

async function firstSync(base: string, count: number) {
  const phone = (await call(base, 'POST', '/api/accounts', undefined, { deviceName: 'Bench phone' })) as Device;
  const all = reviews(phone.deviceId, count, Date.now());
  const t0 = performance.now();
  for (let i = 0; i < all.length; i += 5000)
    await call(base, 'POST', '/api/sync/push', phone.token, { records: all.slice(i, i + 5000) });
  const pushSeconds = (performance.now() - t0) / 1000;
  const { code } = (await call(base, 'POST', '/api/link-codes', phone.token)) as { code: string };
  const laptop = (await call(base, 'POST', '/api/link', undefined, { code, deviceName: 'Bench laptop' })) as Device;
  const t1 = performance.now();
  let cursor = 0;
  let got = 0;
  for (;;) {
    const page = (await call(base, 'GET', `/api/sync/pull?since=${cursor}&limit=5000`, laptop.token)) as {
      records: unknown[];
      cursor: number;
      more: boolean;
    };
    got += page.records.length;
    cursor = page.cursor;
    if (!page.more) break;
  }
  if (got !== count) throw new Error(`first sync pulled ${got} of ${count} reviews`);
  return { reviews: count, pushSeconds, pullSeconds: (performance.now() - t1) / 1000 };
}

async function measure(
  database: LoadRun['database'],
  env: Record<string, string>,
  { root, port, quick, log }: ServerBenchOptions
): Promise<LoadRun> {
  const base = `http://127.0.0.1:${port}`;
  log(`server on ${database}: starting`);
  const child = await startServer(root, port, env);
  try {
    const devices: Device[] = [];
    const accounts = quick ? 4 : 8;
    for (let a = 0; a < accounts; a++) {
      const phone = (await call(base, 'POST', '/api/accounts', undefined, { deviceName: `Phone ${a}` })) as Device;
      const { code } = (await call(base, 'POST', '/api/link-codes', phone.token)) as { code: string };
      devices.push(
        phone,
        (await call(base, 'POST', '/api/link', undefined, { code, deviceName: `Laptop ${a}` })) as Device
      );
    }
    const seconds = quick ? 5 : 20;
    log(`server on ${database}: ${devices.length} devices pushing ${PER_PUSH} reviews and pulling, for ${seconds} s`);
    const { result, times } = await load(base, devices, seconds);
    const count = quick ? 20_000 : 200_000;
    log(`server on ${database}: first sync of ${count.toLocaleString('en')} reviews (push, then a new device pulls)`);
    const first = await firstSync(base, count);
    const requests = result.requests.total;
    return {
      database,
      devices: devices.length,
      seconds: result.duration,
      requests,
      requestsPerSecond: requests / result.duration,
      errors: result.errors + result.non2xx + result.timeouts,
      push: summarize(times.push),
      pull: summarize(times.pull),
      reviewsStoredPerSecond: (times.push.length * PER_PUSH) / result.duration,
      firstSync: first
    };
  } finally {
    await stopServer(child);
  }
}

/** A PostgreSQL to measure on: BENCH_DATABASE_URL, or a throwaway cluster (scripts/pg-cluster.sh). */
export function postgres(
  root: string,
  port: number,
  log: (m: string) => void
): { url: string; stop: () => void } | null {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: () => {} };
  const installed = existsSync('/usr/lib/postgresql') || process.getuid?.() === 0;
  if (!installed) {
    log('no PostgreSQL here (set BENCH_DATABASE_URL, or install postgresql): measuring PGlite only');
    return null;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'factdeck-bench-pg-'));
  const script = path.join(root, 'scripts', 'pg-cluster.sh');
  const url = execFileSync(script, ['start', dir, String(port)], { encoding: 'utf8' }).trim();
  return { url, stop: () => execFileSync(script, ['stop', dir]) };
}

export async function benchServer(options: ServerBenchOptions): Promise<LoadRun[]> {
  const runs: LoadRun[] = [];
  const data = mkdtempSync(path.join(os.tmpdir(), 'factdeck-bench-data-'));
  try {
    runs.push(await measure('PGlite', { DATA_DIR: data }, options));
  } finally {
    rmSync(data, { recursive: true, force: true });
  }
  const pg = postgres(options.root, options.port + 1, options.log);
  if (pg)
    try {
      runs.push(await measure('PostgreSQL', { DATABASE_URL: pg.url }, options));
    } finally {
      pg.stop();
    }
  return runs;
}
