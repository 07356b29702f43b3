/**
 * The databases every server test runs on: PGlite (from the migrated template the global setup made)
 * and, when TEST_DATABASE_URL is set, a real PostgreSQL, in a database of its own per test file.
 * Use with `describe.each(backends)`; open once per file (`beforeAll`), not per test.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { sql } from 'kysely';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';

export interface TestDatabase extends Database {
  /** How many sessions wait for a lock (PostgreSQL) or for PGlite's one session. */
  waiting(): Promise<number>;
}

export interface Backend {
  name: 'PGlite' | 'PostgreSQL';
  open(): Promise<TestDatabase>;
}

async function openPglite(): Promise<TestDatabase> {
  const template = new Blob([readFileSync(inject('pgliteTemplate'))]);
  const database = await openDatabase({ kind: 'pglite', loadDataDir: template });
  return { ...database, waiting: async () => database.pglitePool!.waiting };
}

async function openPostgres(url: string): Promise<TestDatabase> {
  const name = `factdeck_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const own = new URL(url);
  own.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: own.toString() });
  await migrateToLatest(database.db);
  return {
    ...database,
    waiting: async () => {
      const { rows } = await sql<{ n: number }>`
        select count(*)::int as n from pg_stat_activity
        where datname = current_database() and wait_event_type = 'Lock'`.execute(database.db);
      return rows[0].n;
    },
    close: async () => {
      await database.close();
      // The pool's sockets close just after it says it has ended: wait for them, so dropping the
      // database does not cut a connection that is still saying goodbye.
      for (let i = 0; i < 100; i++) {
        const { rows } = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [
          name
        ]);
        if (rows[0].n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  };
}

const url = inject('postgresUrl');

export const backends: Backend[] = [
  { name: 'PGlite', open: openPglite },
  ...(url ? [{ name: 'PostgreSQL' as const, open: () => openPostgres(url) }] : [])
];
