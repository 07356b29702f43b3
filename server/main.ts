/**
 * `npm start` runs this after building the app: opens the database (PGlite in DATA_DIR, default ./data,
 * or the PostgreSQL at DATABASE_URL), brings its schema up to date, and serves the app and the sync API
 * on PORT (default 4173). Stops cleanly on SIGINT and SIGTERM, so PGlite's files are closed properly.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app';
import { ConfigError, readConfig } from './config';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';

async function main() {
  const config = readConfig(process.env);
  const where =
    config.database.kind === 'postgres' ? 'PostgreSQL at DATABASE_URL' : `PGlite in ${config.database.dataDir}`;
  const database = await openDatabase(config.database);
  const applied = await migrateToLatest(database.db);
  const buildDir = existsSync(join(config.buildDir, 'index.html')) ? config.buildDir : null;
  const app = await buildApp({
    db: database.db,
    buildDir,
    trustProxy: config.trustProxy,
    logger: { level: process.env.LOG_LEVEL ?? 'warn' }
  });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: stopping`);
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(
    `Factdeck at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/ (database: ${where}` +
      `${applied.length ? `, migrations applied: ${applied.join(', ')}` : ''})` +
      (buildDir ? '' : `\nNo app build in ${config.buildDir}: serving the API only (run \`npm run build\`).`)
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration: ${error.message}` : error);
  process.exit(1);
});
