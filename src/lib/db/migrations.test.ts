import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { BACKUP_TABLES, bucketsOf, type ReviewLogEntry } from '$lib/domain';
import { FactdeckDB } from './factdeck-db';

interface Fixture {
  name: string;
  version: number;
  stores: Record<string, string>;
  tables: Record<string, unknown[]>;
}

const dir = 'tests/fixtures';
const fixtures = readdirSync(dir)
  .filter((f) => /^factdeck-db-v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as Fixture);

/** A row as stored: a file written as `{ $blob, type }` (tools/make-db-fixture.ts) is a Blob again. */
function revive(row: unknown): unknown {
  if (!row || typeof row !== 'object') return row;
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) =>
      v && typeof v === 'object' && '$blob' in v
        ? [k, new Blob([Buffer.from(String(v.$blob), 'base64')], { type: String((v as { type: string }).type) })]
        : [k, v]
    )
  );
}

/** Recreates a database exactly as that version of the app left it. */
async function seed(fixture: Fixture, name: string) {
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows.map(revive));
  old.close();
}

describe('schema upgrades keep every row', () => {
  let db: FactdeckDB | undefined;
  afterEach(async () => {
    await db?.delete();
  });

  test('there is a fixture for version 1', () => {
    expect(fixtures.map((f) => f.version)).toContain(1);
  });

  test.each(fixtures.map((f) => [f.version, f] as const))('from version %i to the current one', async (_v, fixture) => {
    const name = `upgrade-from-v${fixture.version}`;
    await seed(fixture, name);
    db = new FactdeckDB(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(fixture.version);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      expect(rows.length).toBeGreaterThan(0);
      expect(await db.table(table).toArray()).toEqual(
        expect.arrayContaining(rows.map((r) => expect.objectContaining(revive(r) as object)))
      );
      expect(await db.table(table).count()).toBe(rows.length);
    }
    // The current indexes answer queries over the upgraded rows.
    const states = fixture.tables.cardStates as { deckId: string }[];
    const deckId = states[0].deckId;
    expect(
      await db.cardStates.where('[deckId+due]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).count()
    ).toBe(states.filter((s) => s.deckId === deckId).length);
    // Media (version 6): empty after upgrading an older database; each file's bytes and type kept.
    expect(await db.media.count()).toBe(fixture.tables.media?.length ?? 0);
    for (const row of (fixture.tables.media ?? []) as { hash: string; blob: { $blob: string; type: string } }[]) {
      const stored = (await db.media.get(row.hash))!;
      expect(stored.blob.type).toBe(row.blob.type);
      expect(Buffer.from(await stored.blob.arrayBuffer()).toString('base64')).toBe(row.blob.$blob);
    }
    // The review buckets (version 5) sum the upgraded log.
    expect(await db.reviewBuckets.toArray()).toEqual(bucketsOf(fixture.tables.reviewLogs as ReviewLogEntry[]));
  });

  test.each(fixtures.filter((f) => f.version < 4).map((f) => [f.version, f] as const))(
    'upgrading from version %i first takes a snapshot holding every old row',
    async (_v, fixture) => {
      const name = `snapshot-from-v${fixture.version}`;
      await seed(fixture, name);
      db = new FactdeckDB(name);
      await db.open();
      const snapshots = await db.snapshots.toArray();
      expect(snapshots).toHaveLength(1);
      expect(snapshots[0]).toMatchObject({ reason: 'migration', formatVersion: 1 });
      const { data } = (await db.snapshotData.get(snapshots[0].id))!;
      for (const table of BACKUP_TABLES) {
        expect(data[table]).toEqual(fixture.tables[table] ?? []);
        expect(snapshots[0].counts[table]).toBe(data[table].length);
      }
    }
  );

  test.each([5, 6])('upgrading from version %i leaves sync off: the sync tables are new and empty', async (v) => {
    const fixture = fixtures.find((f) => f.version === v)!;
    await seed(fixture, `sync-from-v${v}`);
    db = new FactdeckDB(`sync-from-v${v}`);
    await db.open();
    expect(await Promise.all([db.syncRecords.count(), db.syncState.count(), db.deckChanges.count()])).toEqual([
      0, 0, 0
    ]);
    expect(await db.media.count()).toBe(fixture.tables.media?.length ?? 0);
  });

  test('a device that synced (version 7) keeps its account, cursor, records and what waits to be sent', async () => {
    const fixture = fixtures.find((f) => f.version === 7)!;
    await seed(fixture, 'sync-v7');
    db = new FactdeckDB('sync-v7');
    await db.open();
    const account = await db.syncState.get('account');
    expect(account?.value).toMatchObject({ deviceId: 'fixture-device', phase: 'on' });
    const pending = await db.syncRecords.where('pending').equals(1).count();
    expect(pending).toBeGreaterThan(0);
    expect(pending).toBeLessThan(fixture.tables.syncRecords.length);
    // Every review log row has its record.
    const reviews = await db.syncRecords.where(':id').between('review:', 'review:\uffff').primaryKeys();
    expect(reviews.sort()).toEqual(
      (await db.reviewLogs.toCollection().primaryKeys()).map((id) => `review:${id}`).sort()
    );
  });
  test('upgrading from version 7 (sync) adds the data versions, empty, and keeps what sync holds', async () => {
    const fixture = fixtures.find((f) => f.version === 7)!;
    await seed(fixture, 'data-versions-from-v7');
    db = new FactdeckDB('data-versions-from-v7');
    await db.open();
    expect(db.verno).toBe(8);
    expect(await db.dataVersions.count()).toBe(0);
    expect(await db.syncRecords.count()).toBe(fixture.tables.syncRecords.length);
    await db.dataVersions.put({ scope: '*', version: 1, change: 'restored', at: 1 });
    expect((await db.dataVersions.get('*'))?.version).toBe(1);
  });
});
