/**
 * The Factdeck server as `server/main.ts` runs it (same environment variables), for
 * `sync-restart.test.ts`, plus one way to stop it with a push in flight: on SIGUSR2 it arms, printing
 * "armed", and holds the next push for ever, printing "push held", at the point HOLD_PUSH names:
 * `before-commit` (records written, transaction open) or `after-commit` (committed, answer unsent).
 * HOLD_ARMED=1 arms it from the start. The test then kills the process, as a crash or a restart would.
 */
import { buildApp } from '../../server/app';
import { readConfig } from '../../server/config';
import { openDatabase } from '../../server/db/database';
import { migrateToLatest } from '../../server/db/migrate';

const hold = process.env.HOLD_PUSH;
if (hold !== 'before-commit' && hold !== 'after-commit')
  throw new Error(`HOLD_PUSH must be before-commit or after-commit, not "${hold}"`);

const config = readConfig(process.env);
const database = await openDatabase(config.database);
await migrateToLatest(database.db);

let armed = process.env.HOLD_ARMED === '1';
/** Takes the arming, once; says so for the test, which waits for the words. */
function takeHold(): boolean {
  if (!armed) return false;
  armed = false;
  console.log('push held');
  return true;
}
const forever = new Promise<never>(() => {});

const app = await buildApp({
  db: database.db,
  buildDir: config.buildDir,
  beforePushCommit: () => (hold === 'before-commit' && takeHold() ? forever : Promise.resolve())
});
if (hold === 'after-commit')
  // Ahead of Fastify's own listener: the push is handled and committed, but its answer never leaves.
  app.server.prependListener('request', (request, response) => {
    if (request.method !== 'POST' || request.url !== '/api/sync/push') return;
    const end = response.end.bind(response);
    response.end = ((...args: Parameters<typeof end>) =>
      response.statusCode === 200 && takeHold() ? response : end(...args)) as typeof response.end;
  });

process.on('SIGUSR2', () => {
  armed = true;
  console.log('armed');
});
await app.listen({ port: config.port, host: config.host });
console.log('listening');
