import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backends, type TestDatabase } from '../test/backends';
import { TestServer } from '../test/harness';
import { setting } from '../test/records';
import { CODE_ALPHABET } from './secrets';

const CODE = new RegExp(`^[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`);

describe.each(backends)('accounts, devices, link codes and recovery on $name', ({ open }) => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await open();
    server = await TestServer.start(database.db);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  /** Every text value stored in the tables that hold secrets. */
  const storedText = async () => {
    const { rows } = await sql<{ t: string }>`
      select row_to_json(d)::text as t from devices d
      union all select row_to_json(k)::text from recovery_keys k
      union all select row_to_json(c)::text from link_codes c`.execute(database.db);
    return rows.map((r) => r.t).join('\n');
  };

  test('"Turn on sync" makes an account with this device, a token and a recovery key; only hashes are stored', async () => {
    const res = await server.call('POST', '/api/accounts', { body: { deviceName: '  Phone  ' } });
    expect(res.status).toBe(201);
    const { accountId, deviceId, token, recoveryKey } = res.body;
    expect(recoveryKey).toMatch(new RegExp(`^([${CODE_ALPHABET}]{4}-){5}[${CODE_ALPHABET}]{4}$`));
    expect(token.startsWith(`${accountId}.`)).toBe(true);
    const devices = await server.call('GET', '/api/devices', { token });
    expect(devices.body).toEqual({
      devices: [{ id: deviceId, name: 'Phone', createdAt: server.time, lastSeenAt: server.time, current: true }]
    });
    const code = (await server.call('POST', '/api/link-codes', { token })).body.code;
    const stored = await storedText();
    for (const secret of [
      token,
      token.split('.')[1],
      recoveryKey,
      recoveryKey.replace(/-/g, ''),
      code,
      code.replace('-', '')
    ])
      expect(stored).not.toContain(secret);
  });

  test('a device name is required, trimmed and at most 100 characters', async () => {
    for (const body of [
      {},
      { deviceName: '' },
      { deviceName: '   ' },
      { deviceName: 'x'.repeat(101) },
      { deviceName: 3 }
    ])
      expect((await server.call('POST', '/api/accounts', { body })).body).toMatchObject({
        error: 'invalid-request',
        field: 'deviceName'
      });
    expect((await server.call('POST', '/api/accounts', { body: { deviceName: 'a', admin: true } })).body).toMatchObject(
      {
        error: 'invalid-request',
        field: 'admin'
      }
    );
  });

  test('a link code joins another device to the account, once, typed in any case and spacing', async () => {
    const phone = await server.signUp('Phone');
    const made = await server.call('POST', '/api/link-codes', { token: phone.token });
    expect(made.status).toBe(201);
    expect(made.body.code).toMatch(CODE);
    expect(made.body.expiresAt).toBe(server.time + 10 * 60_000);
    server.time += 1000;
    const typed = ` ${made.body.code.toLowerCase().replace('-', ' ')} `;
    const laptop = await server.call('POST', '/api/link', { body: { code: typed, deviceName: 'Laptop' } });
    expect(laptop.status).toBe(201);
    expect(laptop.body.accountId).toBe(phone.accountId);
    expect(laptop.body.deviceId).not.toBe(phone.deviceId);
    expect(laptop.body.token).not.toBe(phone.token);
    expect(laptop.body).not.toHaveProperty('recoveryKey');
    const list = await server.call('GET', '/api/devices', { token: laptop.body.token });
    expect(list.body.devices.map((d: { name: string; current: boolean }) => [d.name, d.current])).toEqual([
      ['Phone', false],
      ['Laptop', true]
    ]);
    // Used once: the same code again is refused.
    const again = await server.call('POST', '/api/link', { body: { code: made.body.code, deviceName: 'Tablet' } });
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid-link-code' } });
    expect((await server.call('GET', '/api/devices', { token: phone.token })).body.devices).toHaveLength(2);
  });

  test('a link code expires after 10 minutes', async () => {
    const phone = await server.signUp();
    const { code } = (await server.call('POST', '/api/link-codes', { token: phone.token })).body;
    server.time += 10 * 60_000;
    const late = await server.call('POST', '/api/link', { body: { code, deviceName: 'Late' }, ip: '10.0.0.2' });
    expect(late).toMatchObject({ status: 400, body: { error: 'invalid-link-code' } });
    const { code: second } = (await server.call('POST', '/api/link-codes', { token: phone.token })).body;
    server.time += 10 * 60_000 - 1;
    const justInTime = await server.call('POST', '/api/link', { body: { code: second, deviceName: 'On time' } });
    expect(justInTime.status).toBe(201);
  });

  test('a new code from the same device replaces its previous one', async () => {
    const phone = await server.signUp();
    const first = (await server.call('POST', '/api/link-codes', { token: phone.token })).body.code;
    const second = (await server.call('POST', '/api/link-codes', { token: phone.token })).body.code;
    const ip = '10.0.0.3';
    expect((await server.call('POST', '/api/link', { body: { code: first, deviceName: 'x' }, ip })).status).toBe(400);
    expect((await server.call('POST', '/api/link', { body: { code: second, deviceName: 'x' }, ip })).status).toBe(201);
  });

  test('guessing link codes is cut off after 20 wrong tries from one address, for 10 minutes', async () => {
    const phone = await server.signUp();
    const { code } = (await server.call('POST', '/api/link-codes', { token: phone.token })).body;
    const ip = '192.0.2.7';
    const attempt = (c: string, from = ip) =>
      server.call('POST', '/api/link', { body: { code: c, deviceName: 'Guess' }, ip: from });
    for (let i = 0; i < 20; i++) {
      const wrong = i % 4 === 0 ? 'not a code' : 'ZZZZ-' + 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'.slice(i, i + 4);
      expect((await attempt(wrong)).status).toBe(400);
    }
    const blocked = await attempt(code);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error).toBe('too-many-attempts');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is not held back, and the right code still works from there.
    server.time += 60_000;
    expect((await attempt(code, '198.51.100.1')).status).toBe(201);
    // The first address may try again once its window has passed.
    const next = (await server.call('POST', '/api/link-codes', { token: phone.token })).body.code;
    server.time += 9 * 60_000;
    expect((await attempt(next)).status).toBe(201);
  });

  test('removing a device stops its token at once; it can be removed from any device of the account', async () => {
    const phone = await server.signUp('Phone');
    const laptop = await server.linkDevice(phone, 'Laptop');
    const tablet = await server.linkDevice(phone, 'Tablet');
    const { code } = (await server.call('POST', '/api/link-codes', { token: laptop.token })).body;
    expect((await server.call('DELETE', `/api/devices/${laptop.deviceId}`, { token: phone.token })).status).toBe(204);
    for (const [method, url] of [
      ['GET', '/api/devices'],
      ['GET', '/api/sync/pull'],
      ['POST', '/api/link-codes']
    ] as const)
      expect((await server.call(method, url, { token: laptop.token })).status).toBe(401);
    expect((await server.push(laptop, [setting(laptop.deviceId, 'x', 1)])).status).toBe(401);
    // Its live link code went with it.
    expect((await server.call('POST', '/api/link', { body: { code, deviceName: 'x' }, ip: '10.0.0.4' })).status).toBe(
      400
    );
    expect((await server.call('DELETE', `/api/devices/${laptop.deviceId}`, { token: phone.token })).status).toBe(404);
    const names = (await server.call('GET', '/api/devices', { token: tablet.token })).body.devices.map(
      (d: { name: string }) => d.name
    );
    expect(names).toEqual(['Phone', 'Tablet']);
    // A device may remove itself (turning sync off there).
    expect((await server.call('DELETE', `/api/devices/${tablet.deviceId}`, { token: tablet.token })).status).toBe(204);
    expect((await server.call('GET', '/api/devices', { token: tablet.token })).status).toBe(401);
    expect((await server.call('DELETE', '/api/devices/not-a-uuid', { token: phone.token })).status).toBe(404);
  });

  test('the recovery key joins a new device to the account and its records, any number of times', async () => {
    const phone = await server.signUp('Lost phone');
    const theme = setting(phone.deviceId, 'theme', 'dark');
    await server.push(phone, [theme]);
    const recovered = await server.call('POST', '/api/recover', {
      body: { recoveryKey: phone.recoveryKey!.toLowerCase(), deviceName: 'New phone' }
    });
    expect(recovered.status).toBe(201);
    expect(recovered.body.accountId).toBe(phone.accountId);
    expect((await server.pull(recovered.body)).body.records).toEqual([theme]);
    const again = await server.call('POST', '/api/recover', {
      body: { recoveryKey: phone.recoveryKey, deviceName: 'Another' }
    });
    expect(again.status).toBe(201);
    const wrong = await server.call('POST', '/api/recover', {
      body: { recoveryKey: 'ABCD-ABCD-ABCD-ABCD-ABCD-ABCD', deviceName: 'x' },
      ip: '10.0.0.5'
    });
    expect(wrong).toMatchObject({ status: 400, body: { error: 'invalid-recovery-key' } });
  });

  test('guessing recovery keys is cut off after 10 wrong tries from one address', async () => {
    const phone = await server.signUp();
    const ip = '203.0.113.9';
    for (let i = 0; i < 10; i++)
      expect(
        (await server.call('POST', '/api/recover', { body: { recoveryKey: `guess ${i}`, deviceName: 'x' }, ip })).status
      ).toBe(400);
    const right = await server.call('POST', '/api/recover', {
      body: { recoveryKey: phone.recoveryKey, deviceName: 'x' },
      ip
    });
    expect(right.status).toBe(429);
  });

  test('last seen is written at most once a minute', async () => {
    const phone = await server.signUp();
    const created = server.time;
    server.time += 30_000;
    await server.call('GET', '/api/devices', { token: phone.token });
    const seen = async () =>
      (await server.call('GET', '/api/devices', { token: phone.token })).body.devices[0].lastSeenAt;
    expect(await seen()).toBe(created);
    server.time += 30_000;
    await server.call('GET', '/api/devices', { token: phone.token });
    expect(await seen()).toBe(created + 60_000);
  });
});
