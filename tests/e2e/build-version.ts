/** Builds the app a second time, labelled, outside the project: a "next version" to deploy in a test. */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOURCES = ['src', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json'];

/**
 * Copies the sources to a temporary directory and runs the production build there with
 * `VITE_BUILD_ID=<id>`, which the app shows as `<html data-build>`: a build that differs from
 * `build/` in its code, so its service worker is a new version. Returns the built directory.
 */
export function buildVersion(id: string): string {
  const dir = mkdtempSync(join(tmpdir(), `factdeck-${id}-`));
  for (const name of SOURCES) cpSync(name, join(dir, name), { recursive: true });
  symlinkSync(realpathSync('node_modules'), join(dir, 'node_modules'));
  try {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'], {
      cwd: dir,
      env: { ...process.env, VITE_BUILD_ID: id },
      stdio: 'pipe'
    });
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`building version ${id} failed:\n${stderr}`);
  }
  return join(dir, 'build');
}
