/**
 * Serves the production build (`build/`) for the browser tests through the Factdeck server itself, as
 * `npm start` does (static files and the sync API on one origin), on its own port, with an embedded
 * database in a temporary folder that is deleted afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4317);

let server: ChildProcess | undefined;

async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (server?.exitCode !== null) throw new Error(`the Factdeck server exited (${server?.exitCode}) before answering`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the Factdeck server did not answer at ${url} within ${ms} ms`);
}

export default async function setup(project: TestProject) {
  if (!existsSync('build/index.html')) throw new Error('No production build: run `npm run build` first.');
  const dataDir = mkdtempSync(join(tmpdir(), 'factdeck-e2e-data-'));
  server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PORT: String(E2E_PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'error' }
  });
  const base = `http://localhost:${E2E_PORT}`;
  // A new embedded database is created on the first start: seconds, or a minute on a busy machine.
  await waitForServer(`${base}/api/health`, 180_000);
  project.provide('baseUrl', base);
  return async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
