/**
 * A new version deployed while someone studies: the service worker finds it, the app says so and
 * waits; grading goes on; Reload switches to the new version with every grade kept.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { freshContext, open, readStore, waitForServiceWorker } from './browser';
import { buildVersion } from './build-version';
import { serveStatic, type StaticServer } from './static-server';

const V2 = `v2-${Date.now()}`;
const STUDY = '/decks/world-capitals/study';

describe('a service worker update during study', () => {
  let v1: string;
  let v2: string;
  let server: StaticServer;
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    // Version 1 is the build under test, copied so that a rebuild meanwhile cannot change it.
    v1 = join(mkdtempSync(join(tmpdir(), 'factdeck-v1-')), 'build');
    cpSync('build', v1, { recursive: true });
    v2 = buildVersion(V2);
    server = await serveStatic(v1);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    for (const dir of [v1, v2]) if (dir) rmSync(dirname(dir), { recursive: true, force: true });
  });

  beforeEach(async () => {
    server.deploy(v1);
    ({ context, page, close } = await freshContext());
    pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });
  afterEach(() => close());

  const question = () => page.getByRole('article', { name: 'Card' }).locator('.question').innerText();
  const build = () => page.evaluate(() => document.documentElement.dataset.build ?? null);
  const sameDocument = () => page.evaluate(() => (window as unknown as { __same?: boolean }).__same ?? false);
  const logs = () => readStore<{ id: string }>(page, 'reviewLogs');

  async function gradeGood() {
    const before = await question();
    const count = (await logs()).length;
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Good', exact: true }).click();
    await expect.poll(async () => (await logs()).length).toBe(count + 1);
    await expect.poll(question).not.toBe(before);
  }

  /** Studies under version 1, deploys version 2 and checks everything the learner sees until Reload runs it. */
  async function updateWhileStudying() {
    expect(await build()).not.toBe(V2);
    await gradeGood();
    await gradeGood();
    // Marks this very document: a reload of any kind would lose it.
    await page.evaluate(() => ((window as unknown as { __same: boolean }).__same = true));

    server.deploy(v2);
    // What the browser does by itself at the next navigation, or within a day, done now.
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const banner = page.getByRole('status').filter({ hasText: 'New version available' });
    await banner.waitFor({ timeout: 30_000 });
    // The new version waits for the learner: this page still runs version 1.
    expect(await sameDocument()).toBe(true);
    expect(await build()).not.toBe(V2);
    expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);

    await gradeGood();
    await gradeGood();
    expect(await page.getByRole('alert').count()).toBe(0);
    const logsBefore = await logs();
    const statesBefore = await readStore(page, 'cardStates');
    expect(logsBefore).toHaveLength(4);

    await banner.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(() => build().catch(() => null), { timeout: 30_000 }).toBe(V2);
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    expect(await sameDocument()).toBe(false);
    expect(await logs()).toEqual(logsBefore);
    expect(await readStore(page, 'cardStates')).toEqual(statesBefore);

    // Version 2 studies on from where version 1 left off, and it is what works offline now.
    await gradeGood();
    await context.setOffline(true);
    await open(page, `${server.url}${STUDY}`);
    expect(await build()).toBe(V2);
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    expect(await logs()).toHaveLength(5);
    expect(pageErrors).toEqual([]);
  }

  test('a returning learner: the banner appears, nothing reloads, grading goes on; Reload runs v2 with all progress', async () => {
    await open(page, `${server.url}/`);
    await waitForServiceWorker(page);
    await open(page, `${server.url}${STUDY}`); // loaded under version 1's service worker
    await updateWhileStudying();
  });

  test('the first visit still open when v2 arrives: the same, and Reload really reloads', async () => {
    await open(page, `${server.url}${STUDY}`); // loaded before any service worker existed
    await waitForServiceWorker(page);
    await updateWhileStudying();
  });
});
