/**
 * Brings the schema up to date with Kysely's migrator (one transaction, under its advisory lock, so two
 * servers starting at once do not both migrate). Migrations are listed here, not read from a folder,
 * so they run the same from source (tsx), in tests and in any bundle.
 */
import { Migrator, type Kysely, type Migration } from 'kysely';
import type { Db } from './schema';
import * as m0001 from './migrations/0001-initial';
import * as m0002 from './migrations/0002-classes';

const MIGRATIONS: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-classes': m0002
};

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db: db as unknown as Kysely<unknown>,
    provider: { getMigrations: async () => MIGRATIONS },
    migrationTableName: 'migrations',
    migrationLockTableName: 'migrations_lock'
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`database migration ${failed ?? ''} failed: ${error instanceof Error ? error.message : error}`, {
      cause: error
    });
  }
  return (results ?? []).map((r) => r.migrationName);
}
