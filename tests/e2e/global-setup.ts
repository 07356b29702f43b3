/** Serves the production build (`build/`) for the browser tests, as `npm run serve` does, on its own port. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

export const E2E_PORT = Number(process.env.E2E_PORT ?? 4317);

let server: ChildProcess | undefined;

async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the test server did not answer at ${url} within ${ms} ms`);
}

export default async function setup(project: TestProject) {
  if (!existsSync('build/index.html')) throw new Error('No production build: run `npm run build` first.');
  server = spawn('npx', ['sirv', 'build', '--port', String(E2E_PORT), '--single', '200.html', '--quiet'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true
  });
  const base = `http://localhost:${E2E_PORT}`;
  await waitForServer(`${base}/`, 30_000);
  project.provide('baseUrl', base);
  return () => {
    if (server?.pid) process.kill(-server.pid, 'SIGTERM');
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
