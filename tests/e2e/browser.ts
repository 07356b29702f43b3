/** Headless Debian Chromium, launched the way this machine allows (no browser downloads, no network). */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type BrowserContextOptions,
  type LaunchOptions,
  type Page
} from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
];

export function launchOptions(): LaunchOptions {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with: sudo apt-get install -y chromium`);
  return { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS };
}

/**
 * A browser profile of its own (IndexedDB, service worker and cache): one device, the same after
 * every launch on it.
 */
export class Profile {
  readonly dir = mkdtempSync(join(tmpdir(), 'factdeck-e2e-'));
  #last: BrowserContext | undefined;

  /** Chromium on this profile; `options` emulate a device (touch, user agent, viewport). */
  async launch(options: BrowserContextOptions = {}): Promise<BrowserContext> {
    return (this.#last = await chromium.launchPersistentContext(this.dir, {
      ...launchOptions(),
      viewport: { width: 390, height: 844 },
      ...options
    }));
  }

  /** Closes the last launch, if a failure left it open, and deletes the profile. */
  async remove(): Promise<void> {
    await this.#last?.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The tab the browser opened with. */
export async function firstPage(context: BrowserContext): Promise<Page> {
  return context.pages()[0] ?? (await context.newPage());
}

/** A fresh profile launched, and its first tab; `close()` removes the profile. `options` as `Profile.launch`'s. */
export async function freshContext(
  options: BrowserContextOptions = {}
): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const profile = new Profile();
  const context = await profile.launch(options);
  return { context, page: await firstPage(context), close: () => profile.remove() };
}

/** Waits until a service worker controls the page, so everything precached is there offline. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true })
    );
  });
}

/** Opens `url` online, waits until the service worker controls the page, then takes the browser offline. */
export async function openThenGoOffline(page: Page, url: string): Promise<void> {
  await open(page, url);
  await waitForServiceWorker(page);
  await page.context().setOffline(true);
}

/** Reads every row of one object store of the app's IndexedDB, from inside the page. */
export function readStore<T = unknown>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('factdeck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction(name, 'readonly').objectStore(name).getAll();
          req.onsuccess = () => {
            db.close();
            resolve(req.result as T[]);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    store
  );
}

/** Opens a page of the app and waits until it is interactive (hydrated). */
export async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}

/**
 * Turns Settings → "Bury siblings" off and waits until it is saved, for tests that study both
 * sides of a reverse card on one day.
 */
export async function keepSiblingsTogether(page: Page, base: string): Promise<void> {
  await open(page, `${base}/settings`);
  await page.getByRole('checkbox', { name: 'Bury siblings' }).uncheck();
  await page.getByRole('button', { name: 'Save settings' }).click();
  for (let i = 0; i < 100; i++) {
    const rows = await readStore<{ key: string; value: { burySiblings?: boolean } }>(page, 'settings');
    if (rows.find((r) => r.key === 'preferences')?.value.burySiblings === false) return;
    await page.waitForTimeout(100);
  }
  throw new Error('"Bury siblings" off was never saved');
}
