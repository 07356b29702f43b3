/**
 * The sync API of the Factdeck server on this page's origin (docs/sync.md, "Protocol"). Every answer
 * that is not what was asked for becomes a typed `SyncProblem`; the app words it (src/lib/text).
 */
import { z } from 'zod';
import type { SyncProblem, SyncRecord } from '$lib/domain/sync';
import { syncRecordSchema } from '$lib/domain/sync/sync-record.schema';

export type { SyncProblem };

export class SyncError extends Error {
  constructor(readonly problem: SyncProblem) {
    super(problem.kind);
  }
}

export interface Credentials {
  accountId: string;
  deviceId: string;
  token: string;
}

export interface LinkedDevice {
  id: string;
  name: string;
  createdAt: number;
  lastSeenAt: number | null;
  current: boolean;
}

const credentials = z.object({ accountId: z.string(), deviceId: z.string(), token: z.string() });
const created = credentials.extend({ recoveryKey: z.string() });
const linkCode = z.object({ code: z.string(), expiresAt: z.number() });
const devices = z.object({
  devices: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      createdAt: z.number(),
      lastSeenAt: z.number().nullable(),
      current: z.boolean()
    })
  )
});
const pushed = z.object({ stored: z.number(), cursor: z.number() });
const pulled = z.object({ records: z.array(syncRecordSchema), cursor: z.number(), more: z.boolean() });
const errorBody = z.object({ error: z.string() });

async function call<T>(
  schema: z.ZodType<T>,
  path: string,
  init: { method?: string; token?: string; body?: unknown } = {}
): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: 'no-store'
    });
  } catch {
    throw new SyncError({ kind: 'unreachable' });
  }
  const json: unknown = res.headers.get('content-type')?.includes('application/json')
    ? await res.json().catch(() => undefined)
    : undefined;
  if (res.ok) {
    if (res.status === 204) return undefined as T;
    // Not JSON: a static host answering with a page; JSON of another shape: a server this app does not know.
    if (json === undefined) throw new SyncError({ kind: 'no-server' });
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError({ kind: 'server', status: res.status, error: 'invalid-answer' });
    return parsed.data;
  }
  const error = errorBody.safeParse(json).data?.error;
  if (!error) throw new SyncError({ kind: res.status === 404 || res.status === 405 ? 'no-server' : 'unreachable' });
  if (error === 'unauthorized') throw new SyncError({ kind: 'removed' });
  if (error === 'invalid-link-code' || error === 'invalid-recovery-key' || error === 'unknown-cursor')
    throw new SyncError({ kind: error });
  if (error === 'too-many-attempts') {
    const after = Number(res.headers.get('retry-after'));
    throw new SyncError({ kind: error, retryAfterSeconds: Number.isFinite(after) && after > 0 ? after : null });
  }
  throw new SyncError({ kind: 'server', status: res.status, error });
}

const ok = z.object({ ok: z.literal(true) });
const none = z.undefined();

export const syncApi = {
  /** Whether this origin runs the Factdeck server (a static host has no `/api`). */
  health: () => call(ok, '/api/health'),
  createAccount: (deviceName: string) => call(created, '/api/accounts', { body: { deviceName } }),
  link: (code: string, deviceName: string) => call(credentials, '/api/link', { body: { code, deviceName } }),
  recover: (recoveryKey: string, deviceName: string) =>
    call(credentials, '/api/recover', { body: { recoveryKey, deviceName } }),
  createLinkCode: (token: string) => call(linkCode, '/api/link-codes', { method: 'POST', token }),
  devices: async (token: string): Promise<LinkedDevice[]> => (await call(devices, '/api/devices', { token })).devices,
  removeDevice: (token: string, id: string) =>
    call(none, `/api/devices/${encodeURIComponent(id)}`, { method: 'DELETE', token }),
  push: (token: string, records: readonly SyncRecord[]) => call(pushed, '/api/sync/push', { token, body: { records } }),
  pull: (token: string, since: number, limit: number) =>
    call(pulled, `/api/sync/pull?since=${since}&limit=${limit}`, { token })
};
