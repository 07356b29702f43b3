/** The server's settings, from the environment, checked once at start with a clear message for each mistake. */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyServerOptions } from 'fastify';
import type { DatabaseTarget } from './db/database';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  buildDir: string;
  trustProxy: FastifyServerOptions['trustProxy'];
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 4173);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number (0 to 65535), not "${env.PORT}"`);
  const url = env.DATABASE_URL?.trim();
  if (url && !/^postgres(ql)?:\/\//.test(url))
    throw new ConfigError('DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database');
  const trust = env.TRUST_PROXY?.trim();
  return {
    port,
    host: env.HOST?.trim() || 'localhost',
    database: url
      ? { kind: 'postgres', url }
      : { kind: 'pglite', dataDir: resolve(env.DATA_DIR?.trim() || resolve(ROOT, 'data'), 'pglite') },
    buildDir: resolve(env.BUILD_DIR?.trim() || resolve(ROOT, 'build')),
    trustProxy: !trust ? false : trust === 'true' ? true : trust.split(',').map((a) => a.trim())
  };
}
