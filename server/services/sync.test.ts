import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backends, type TestDatabase } from '../test/backends';
import { TestServer, type Joined } from '../test/harness';
import { deck, everyKind, mark, removal, review, setting } from '../test/records';

describe.each(backends)('push and pull on $name', ({ open }) => {
  let database: TestDatabase;
  let server: TestServer;
  let phone: Joined;
  let laptop: Joined;

  beforeAll(async () => {
    database = await open();
    server = await TestServer.start(database.db);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const fresh = async () => {
    phone = await server.signUp('Phone');
    laptop = await server.linkDevice(phone, 'Laptop');
  };
  const countRecords = async () =>
    (await sql<{ n: number }>`select count(*)::int as n from records`.execute(database.db)).rows[0].n;

  test('records of every kind pushed by one device reach the other, as they were sent', async () => {
    await fresh();
    const sent = everyKind(phone.deviceId, server.time - 1000);
    const pushed = await server.push(phone, sent);
    expect(pushed).toMatchObject({ status: 200, body: { stored: 6 } });
    const pulled = await server.pull(laptop);
    expect(pulled.status).toBe(200);
    expect(pulled.body.records).toEqual(sent);
    expect(pulled.body.more).toBe(false);
    expect(pulled.body.cursor).toBe(pushed.body.cursor);
    // Nothing new since that cursor.
    expect((await server.pull(laptop, pulled.body.cursor)).body).toEqual({
      records: [],
      cursor: pulled.body.cursor,
      more: false
    });
  });

  test('pushing the same records again stores nothing twice, and an older version never replaces a newer', async () => {
    await fresh();
    const r = review(phone.deviceId);
    const theme = setting(phone.deviceId, 'theme', 'dark', server.time - 10);
    expect((await server.push(phone, [r, theme])).body.stored).toBe(2);
    const before = await countRecords();
    const again = await server.push(phone, [r, theme]);
    expect(again.status).toBe(200);
    expect(again.body.stored).toBe(0);
    expect(await countRecords()).toBe(before);
    const { body } = await server.pull(laptop);
    expect(body.records).toEqual([r, theme]);

    // The laptop changes the theme later; the phone's older change, sent late, loses.
    const newer = setting(laptop.deviceId, 'theme', 'light', server.time - 5);
    expect((await server.push(laptop, [newer])).body.stored).toBe(1);
    expect((await server.push(phone, [setting(phone.deviceId, 'theme', 'sepia', server.time - 8)])).body.stored).toBe(
      0
    );
    const after = await server.pull(laptop, body.cursor);
    expect(after.body.records).toEqual([newer]);
    // Equal times: the greater device id wins, as on every device.
    const tie = setting(phone.deviceId, 'theme', 'tie', server.time - 5);
    expect((await server.push(phone, [tie])).body.stored).toBe(phone.deviceId > laptop.deviceId ? 1 : 0);
  });

  test('two versions of one record in one push: the newer is stored', async () => {
    await fresh();
    const old = mark(phone.deviceId, 'peru-capital', true, server.time - 20);
    const newer = mark(phone.deviceId, 'peru-capital', false, server.time - 10);
    expect((await server.push(phone, [newer, old])).body.stored).toBe(1);
    expect((await server.pull(laptop)).body.records).toEqual([newer]);
  });

  test('a newer version moves the record past the cursor, so devices that pulled the old one get it', async () => {
    await fresh();
    const imported = deck(phone.deviceId, 'imported-deck', server.time - 100);
    await server.push(phone, [imported]);
    const first = await server.pull(laptop);
    const deleted = deck(laptop.deviceId, 'imported-deck', server.time - 50, true);
    await server.push(laptop, [
      deleted,
      removal(laptop.deviceId, { type: 'deck', deckId: 'imported-deck' }, server.time - 50)
    ]);
    const next = await server.pull(phone, first.body.cursor);
    expect(next.body.records[0]).toEqual(deleted);
    expect(next.body.records).toHaveLength(2);
  });

  test('a pull pages through records in seq order with limit, more and cursor', async () => {
    await fresh();
    const sent = Array.from({ length: 25 }, (_, i) =>
      review(phone.deviceId, {}, { reviewedAt: server.time - 1000 + i })
    );
    for (let i = 0; i < 25; i += 10) await server.push(phone, sent.slice(i, i + 10));
    const got: unknown[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const { body } = await server.pull(laptop, cursor, 7);
      got.push(...body.records);
      expect(body.cursor).toBeGreaterThanOrEqual(cursor);
      cursor = body.cursor;
      pages++;
      if (!body.more) break;
    }
    expect(pages).toBe(4);
    expect(got).toEqual(sent);
  });

  test('review rows keep deck, card, time and rating as columns, so SQL can total them per card', async () => {
    await fresh();
    await server.push(phone, [
      review(phone.deviceId, {}, { cardId: 'a', rating: 1 }),
      review(phone.deviceId, {}, { cardId: 'a', rating: 3 }),
      review(phone.deviceId, {}, { cardId: 'b', rating: 4 }),
      setting(phone.deviceId, 'theme', 'dark')
    ]);
    const { rows } = await sql<{ card_id: string; reviews: number; again: number; last: number }>`
      select card_id, count(*)::int as reviews, count(*) filter (where rating = 1)::int as again,
             max(reviewed_at) as last
      from records where account_id = ${phone.accountId} and kind = 'review' and deck_id = 'world-capitals'
      group by card_id order by card_id`.execute(database.db);
    expect(rows).toEqual([
      { card_id: 'a', reviews: 2, again: 1, last: 1_790_000_000_000 },
      { card_id: 'b', reviews: 1, again: 0, last: 1_790_000_000_000 }
    ]);
  });

  describe('a bad push is refused whole, naming the record and field, and stores nothing', () => {
    const cases: [string, (device: string, now: number) => unknown, number, string][] = [
      ['an unknown kind', (d) => ({ ...setting(d, 'x', 1), kind: 'note' }), 1, 'kind'],
      ['a missing field', (d) => ({ ...mark(d, 'c', true), suspended: undefined }), 1, 'suspended'],
      ['a rating out of range', (d) => review(d, {}, { rating: 5 }), 1, 'row.rating'],
      ['an unknown field', (d) => ({ ...setting(d, 'x', 1), extra: true }), 1, 'extra'],
      ['an id that is not its row’s', (d) => ({ ...review(d), id: 'other' }), 1, 'id'],
      ['a negative time', (d) => setting(d, 'x', 1, -1), 1, 'at'],
      ['a fractional time', (d) => setting(d, 'x', 1, 1.5), 1, 'at'],
      ['an empty removal scope', (d) => removal(d, { type: 'items', deckId: 'x', cardIds: [] }), 1, 'scope.cardIds'],
      ['another device’s record', () => setting('7d0c1c35-7c1e-4d3c-9d6a-2a1f9e0e1b11', 'x', 1), 1, 'device'],
      ['a time 6 minutes ahead', (d, now) => setting(d, 'x', 1, now + 6 * 60_000), 1, 'at'],
      [
        'a review graded 6 minutes ahead',
        (d, now) => review(d, { at: now }, { reviewedAt: now + 6 * 60_000 }),
        1,
        'row.reviewedAt'
      ],
      ['a NUL character in a card id', (d) => mark(d, 'a\u0000b', true), 1, 'id']
    ];
    test.each(cases)('%s', async (_name, make, index, field) => {
      await fresh();
      const before = await countRecords();
      const good = setting(phone.deviceId, 'theme', 'dark');
      const res = await server.push(phone, [good, make(phone.deviceId, server.time)]);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ error: 'invalid-record', index, field });
      expect(res.body.message).toContain(`record ${index}, ${field}:`);
      expect(await countRecords()).toBe(before);
      expect((await server.pull(laptop)).body.records).toEqual([]);
    });

    test('a clock up to 5 minutes ahead is accepted', async () => {
      await fresh();
      const res = await server.push(phone, [setting(phone.deviceId, 'x', 1, server.time + 5 * 60_000)]);
      expect(res.body.stored).toBe(1);
    });

    test('bodies that are not a list of records', async () => {
      await fresh();
      const before = await countRecords();
      const post = (payload: unknown, headers?: Record<string, string>) =>
        server.call('POST', '/api/sync/push', { token: phone.token, body: payload, headers });
      expect((await post({})).body).toMatchObject({ error: 'invalid-request', field: 'records' });
      expect((await post({ records: {} })).body).toMatchObject({ error: 'invalid-request', field: 'records' });
      expect((await post('{"records": [', { 'content-type': 'application/json' })).body).toMatchObject({
        error: 'invalid-json'
      });
      const many = Array.from({ length: 5001 }, () => setting(phone.deviceId, 'x', 1));
      const tooMany = await post({ records: many });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.message).toContain('at most 5000');
      expect(await countRecords()).toBe(before);
      expect((await server.pull(laptop)).body.records).toEqual([]);
    });

    test('a body over the size limit gets 413', async () => {
      await fresh();
      const huge = setting(phone.deviceId, 'x', 'a'.repeat(33 * 1024 * 1024));
      const res = await server.push(phone, [huge]);
      expect(res.status).toBe(413);
      expect(res.body.error).toBe('body-too-large');
      const small = await server.call('POST', '/api/accounts', { body: { deviceName: 'x'.repeat(20_000) } });
      expect(small.status).toBe(413);
    });
  });

  test('pull checks its query, and a cursor past every record is refused so the device starts over', async () => {
    await fresh();
    await server.push(phone, [setting(phone.deviceId, 'x', 1)]);
    for (const q of ['since=-1', 'since=abc', 'limit=0', 'limit=5001', 'since=1.5'])
      expect((await server.call('GET', `/api/sync/pull?${q}`, { token: phone.token })).body).toMatchObject({
        error: 'invalid-request'
      });
    const ahead = await server.pull(laptop, 1_000_000);
    expect(ahead.status).toBe(409);
    expect(ahead.body.error).toBe('unknown-cursor');
  });
});
