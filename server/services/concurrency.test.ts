/**
 * Cursors under concurrent pushes, with real concurrent transactions: a push held open before its
 * commit makes the account's next push wait, so no record can commit below a cursor a pull has
 * already handed out. On PostgreSQL the transactions run on separate connections at once; PGlite has
 * one session, so there they queue for it, and the same assertions hold.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backends, type TestDatabase } from '../test/backends';
import { TestServer, type Joined } from '../test/harness';
import { review, setting } from '../test/records';

/** Waits until `condition` holds, checking every 20 ms; fails after `ms` (a bound, not a measurement). */
async function until(condition: () => Promise<boolean>, what: string, ms = 30_000) {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`gave up waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

type Pulled = { records: { id: string }[]; cursor: number; more: boolean };

describe.each(backends)('cursors under concurrent pushes on $name', ({ open }) => {
  let database: TestDatabase;
  let server: TestServer;
  /** While set, the next push waits inside its transaction, records written, until `release` is called. */
  let hold: { reached: () => void; gate: Promise<void> } | null = null;

  beforeAll(async () => {
    database = await open();
    server = await TestServer.start(database.db, {
      beforePushCommit: async () => {
        const h = hold;
        if (!h) return;
        hold = null;
        h.reached();
        await h.gate;
      }
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  test('a pull during an uncommitted push never skips it: the next push waits for it to commit', async () => {
    const phone = await server.signUp('Phone');
    const laptop = await server.linkDevice(phone, 'Laptop');
    const tablet = await server.linkDevice(phone, 'Tablet');
    let release!: () => void;
    let reached!: () => void;
    const inside = new Promise<void>((r) => (reached = r));
    hold = { reached, gate: new Promise<void>((r) => (release = r)) };

    const slow = [review(phone.deviceId), review(phone.deviceId)];
    const fast = [review(laptop.deviceId)];
    const slowPush = server.push(phone, slow);
    await inside;
    let fastDone = false;
    const fastPush = server.push(laptop, fast).then((res) => ((fastDone = true), res));
    // The fast push is stuck behind the slow one's row lock (or PGlite's session), not committed.
    await until(async () => (await database.waiting()) > 0 || fastDone, 'the second push waits');
    expect(fastDone).toBe(false);

    const early = server.pull(tablet, 0);
    if (database.kind === 'postgres') {
      // A pull takes no lock: it answers now, with neither push (both uncommitted).
      expect((await early).body).toEqual({ records: [], cursor: 0, more: false });
    }
    release();
    const [slowRes, fastRes, earlyRes] = await Promise.all([slowPush, fastPush, early]);
    expect(slowRes.body.stored).toBe(2);
    expect(fastRes.body.stored).toBe(1);
    // Commit order is seq order: the held push got the lower numbers.
    expect(fastRes.body.cursor).toBeGreaterThan(slowRes.body.cursor);

    const first = earlyRes.body as Pulled;
    const rest = (await server.pull(tablet, first.cursor)).body as Pulled;
    expect([...first.records, ...rest.records].map((r) => r.id)).toEqual([...slow, ...fast].map((r) => r.id));
  });

  test('devices pushing at once while another pulls in a loop: every record arrives exactly once', async () => {
    const phone = await server.signUp('Phone');
    const devices: Joined[] = [phone];
    for (let i = 0; i < 3; i++) devices.push(await server.linkDevice(phone, `Device ${i}`));
    const watcher = await server.linkDevice(phone, 'Watcher');

    const sent: string[] = [];
    let pushing = true;
    const pushes = Promise.all(
      devices.map(async (device, d) => {
        for (let batch = 0; batch < 6; batch++) {
          const records = Array.from({ length: 15 }, (_, i) =>
            i === 0 ? setting(device.deviceId, `pref-${d}-${batch}`, batch, server.time) : review(device.deviceId)
          );
          sent.push(...records.map((r) => r.id));
          const res = await server.push(device, records);
          expect(res.status).toBe(200);
        }
      })
    ).finally(() => (pushing = false));

    const seen: string[] = [];
    let cursor = 0;
    const pullOnce = async () => {
      // Each pull is its own request, as over a network: other requests get their turn in between.
      await new Promise((r) => setImmediate(r));
      const { body } = (await server.pull(watcher, cursor, 40)) as { body: Pulled };
      expect(body.cursor).toBeGreaterThanOrEqual(cursor);
      seen.push(...body.records.map((r) => r.id));
      cursor = body.cursor;
      return body.more;
    };
    while (pushing) await pullOnce();
    await pushes;
    while (await pullOnce());
    expect(seen).toHaveLength(sent.length);
    expect(new Set(seen)).toEqual(new Set(sent));
  });
});
