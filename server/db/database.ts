/**
 * Opens the database: a real PostgreSQL when a URL is given, otherwise PGlite (the same PostgreSQL,
 * compiled to WebAssembly) in this process, stored in a folder or in memory. Both are driven by Kysely's
 * PostgreSQL dialect, so every query and migration is the same SQL on both.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PglitePool } from './pglite-pool';
import type { Db, Schema } from './schema';

/** Where the data lives: a PostgreSQL URL, a PGlite folder, or PGlite in memory (optionally from a dump). */
export type DatabaseTarget =
  { kind: 'postgres'; url: string; max?: number } | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export interface Database {
  db: Db;
  /** 'postgres' or 'pglite'. */
  kind: DatabaseTarget['kind'];
  /** Set for PGlite: its session pool (tests read `waiting`) and the instance (to dump it). */
  pglitePool?: PglitePool;
  pglite?: PGlite;
  close(): Promise<void>;
}

const INT8 = 20;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      connectionString: target.url,
      max: target.max ?? 10,
      // bigint columns (seq, at) hold epoch milliseconds and counters, far below 2^53: numbers, as PGlite gives.
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          oid === INT8 ? Number : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser
      }
    });
    // An idle connection the database drops (a restart, a failover) is replaced on next use; without
    // a listener its error would end the process.
    pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create({ dataDir: target.dataDir, loadDataDir: target.loadDataDir });
  const pool = new PglitePool(pglite);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'pglite', pglitePool: pool, pglite, close: () => db.destroy() };
}
