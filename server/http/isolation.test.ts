/**
 * Every endpoint that needs a device, called with no token, a forged one, a removed device's and
 * another account's: refused (401) or answered from the caller's own account only (404 for another
 * account's device), with nothing of the other account in the answer and nothing of it changed.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backends, type TestDatabase } from '../test/backends';
import { TestServer, type Joined } from '../test/harness';
import { everyKind, setting } from '../test/records';

const TABLES = ['accounts', 'devices', 'recovery_keys', 'link_codes', 'rate_limits', 'records'] as const;

describe.each(backends)('one account cannot reach another on $name', ({ open }) => {
  let database: TestDatabase;
  let server: TestServer;
  let alice: Joined;
  let alicesLaptop: Joined;
  let bob: Joined;
  let alicesCode: string;

  beforeAll(async () => {
    database = await open();
    server = await TestServer.start(database.db);
    alice = await server.signUp('Alice phone');
    alicesLaptop = await server.linkDevice(alice, 'Alice laptop');
    await server.push(alice, everyKind(alice.deviceId, server.time - 1000));
    alicesCode = (await server.call('POST', '/api/link-codes', { token: alice.token })).body.code;
    bob = await server.signUp('Bob phone');
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  /** Every row of every table, as text: the whole database's content. */
  const everything = async () => {
    const out: string[] = [];
    for (const table of TABLES) {
      const { rows } = await sql<{ t: string }>`select row_to_json(x)::text as t from ${sql.table(table)} x`.execute(
        database.db
      );
      out.push(...rows.map((r) => `${table}: ${r.t}`).sort());
    }
    return out;
  };
  const alicesRows = async () => (await everything()).filter((row) => row.includes(alice.accountId));

  const protectedCalls = (deviceId: string) =>
    [
      ['GET', '/api/devices', undefined],
      ['DELETE', `/api/devices/${deviceId}`, undefined],
      ['POST', '/api/link-codes', undefined],
      ['POST', '/api/sync/push', { records: [setting(deviceId, 'theme', 'hacked', server.time)] }],
      ['GET', '/api/sync/pull?since=0', undefined]
    ] as const;

  test('without a valid token, every such endpoint answers 401 and writes nothing', async () => {
    const forged = [
      undefined,
      '',
      'Bearer',
      `Bearer ${alice.accountId}`,
      `Bearer ${alice.accountId}.${'A'.repeat(43)}`,
      `Bearer ${alice.token}x`,
      `Basic ${Buffer.from('alice:pw').toString('base64')}`,
      `Bearer ${alice.token.replace(alice.accountId, bob.accountId)}`
    ];
    const before = await everything();
    for (const authorization of forged)
      for (const [method, url, body] of protectedCalls(alice.deviceId)) {
        const res = await server.call(method, url, {
          body,
          headers: authorization === undefined ? {} : { authorization }
        });
        expect(res.status, `${method} ${url} with ${authorization}`).toBe(401);
        expect(res.body).toEqual({
          error: 'unauthorized',
          message: 'this request needs the token of a device that is linked to an account'
        });
      }
    expect(await everything()).toEqual(before);
  });

  test("another account's token sees only its own devices and records", async () => {
    const devices = await server.call('GET', '/api/devices', { token: bob.token });
    expect(devices.body.devices.map((d: { id: string }) => d.id)).toEqual([bob.deviceId]);
    const pulled = await server.pull(bob);
    expect(pulled.body).toEqual({ records: [], cursor: 0, more: false });
    for (const res of [devices, pulled]) {
      const text = JSON.stringify(res.body);
      for (const secret of [alice.accountId, alice.deviceId, alicesLaptop.deviceId]) expect(text).not.toContain(secret);
    }
  });

  test("another account's token cannot remove, write or read anything of the first account", async () => {
    const before = await alicesRows();
    const removeLaptop = await server.call('DELETE', `/api/devices/${alicesLaptop.deviceId}`, { token: bob.token });
    expect(removeLaptop).toMatchObject({ status: 404, body: { error: 'not-found' } });
    // Records in Alice's name are refused; Bob's own record with the same key lands in Bob's account only.
    const asAlice = await server.push(bob, [setting(alice.deviceId, 'theme', 'hacked', server.time)]);
    expect(asAlice).toMatchObject({ status: 400, body: { error: 'invalid-record', field: 'device' } });
    const sameKey = await server.push(bob, [setting(bob.deviceId, 'theme', 'bob', server.time)]);
    expect(sameKey.body.stored).toBe(1);
    expect((await server.pull(bob)).body.records.map((r: { value: string }) => r.value)).toEqual(['bob']);
    // A link code Bob makes joins Bob's account, never Alice's.
    const code = (await server.call('POST', '/api/link-codes', { token: bob.token })).body.code;
    const joined = await server.call('POST', '/api/link', { body: { code, deviceName: 'Bob laptop' } });
    expect(joined.body.accountId).toBe(bob.accountId);
    expect(await alicesRows()).toEqual(before);
    // Alice's devices and records are as they were.
    expect((await server.call('GET', '/api/devices', { token: alicesLaptop.token })).status).toBe(200);
    const theme = (await server.pull(alicesLaptop)).body.records.find((r: { kind: string }) => r.kind === 'setting');
    expect(theme.value).toBe('dark');
  });

  test("Alice's live link code still joins Alice's account only", async () => {
    const joined = await server.call('POST', '/api/link', { body: { code: alicesCode, deviceName: 'Alice tablet' } });
    expect(joined.body.accountId).toBe(alice.accountId);
  });

  test('unknown API routes answer 404 as JSON, never the app', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing'],
      ['POST', '/api/devices'],
      ['GET', '/api/sync/push'],
      ['DELETE', '/api/accounts']
    ] as const) {
      const res = await server.call(method, url, { token: alice.token });
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body.error).toBe('not-found');
    }
  });

  test('API answers are never cached nor framed, and say what they are', async () => {
    const res = await server.call('GET', '/api/devices', { token: alice.token });
    expect(res.headers).toMatchObject({
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; frame-ancestors 'none'"
    });
    expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
    expect((await server.call('GET', '/api/health')).body).toEqual({ ok: true });
  });
});
