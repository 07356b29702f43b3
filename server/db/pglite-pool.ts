/**
 * PGlite (PostgreSQL compiled to WebAssembly, in this process) behind the pool interface of Kysely's own
 * PostgresDialect, so Kysely's PostgreSQL driver, compiler and migrator run unchanged on it. PGlite is
 * one session: a "connection" here is exclusive use of that session from `connect()` to `release()`,
 * so one transaction's statements never interleave with another's. Requests wait their turn, as they
 * would for a pool of one connection.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

export class PglitePool implements PostgresPool {
  readonly #db: PGlite;
  #tail: Promise<void> = Promise.resolve();
  #waiting = 0;

  constructor(db: PGlite) {
    this.#db = db;
  }

  /** How many callers are waiting for the session (tests use it to see that a push is queued). */
  get waiting(): number {
    return this.#waiting;
  }

  async connect(): Promise<PostgresPoolClient> {
    let release!: () => void;
    const previous = this.#tail;
    this.#tail = new Promise<void>((resolve) => (release = resolve));
    this.#waiting++;
    await previous;
    this.#waiting--;
    const db = this.#db;
    let released = false;
    const client = {
      async query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>> {
        const result = await db.query<R>(sql, parameters as unknown[]);
        return {
          command: (result.command ?? 'SELECT') as PostgresQueryResult<R>['command'],
          rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length,
          rows: result.rows
        };
      },
      release() {
        if (released) return;
        released = true;
        // A caller that let go inside a transaction must not hand it to the next one.
        if (db.isInTransaction()) db.query('rollback').then(release, release);
        else release();
      }
    };
    return client as PostgresPoolClient;
  }

  async end(): Promise<void> {
    await this.#tail;
    await this.#db.close();
  }
}
