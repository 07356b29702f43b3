/**
 * Once per server test run: a migrated PGlite dumped to a file, which each test file loads (seconds)
 * instead of creating a database from scratch (tens of seconds on a busy machine); and the PostgreSQL
 * to test against, from TEST_DATABASE_URL. Without it the PostgreSQL half is skipped, loudly, except
 * in CI, where it is an error: .ci/run always makes a throwaway cluster.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL?.trim() ?? '';
  if (!url && process.env.CI)
    throw new Error(
      'CI must run the server tests on PostgreSQL too, but TEST_DATABASE_URL is not set (.ci/run sets it).'
    );
  if (!url)
    console.warn(
      '\n  PostgreSQL server tests SKIPPED: TEST_DATABASE_URL is not set, so the server tests run on PGlite only.\n' +
        '  To run them on a real PostgreSQL as well: TEST_DATABASE_URL=postgres://user@127.0.0.1:5432/postgres npm test\n' +
        '  (any database the user may CREATE DATABASE in; scripts/pg-cluster.sh makes a throwaway one).\n'
    );

  const database = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  const dir = mkdtempSync(join(tmpdir(), 'factdeck-pglite-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await database.close();

  project.provide('pgliteTemplate', file);
  project.provide('postgresUrl', url);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresUrl: string;
  }
}
