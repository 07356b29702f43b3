import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { freshContext, open } from './browser';

const base = inject('baseUrl');
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const IOS_NOTE = 'To install: tap Share, then Add to Home Screen.';

/**
 * Chromium may offer to install this app for real, at a moment of its choosing (an iPhone never
 * does): only the offers a test makes reach the app.
 */
const onlyTestOffers = (page: Page) =>
  page.addInitScript(() =>
    window.addEventListener('beforeinstallprompt', (e) => e.isTrusted && e.stopImmediatePropagation(), true)
  );

type TestWindow = Window & { prompted?: number; offeredBeforeStart?: boolean };

describe('installing the app, and the offline badge', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ context, page, close } = await freshContext());
    await onlyTestOffers(page);
  });
  afterAll(() => close());

  /** What Chromium fires when the app can be installed, with a prompt() that counts its calls. */
  const offerInstall = () =>
    page.evaluate(() => {
      const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
        prompt: async () => {
          (window as TestWindow).prompted = ((window as TestWindow).prompted ?? 0) + 1;
        },
        userChoice: Promise.resolve({ outcome: 'accepted' })
      });
      window.dispatchEvent(offer);
      return offer.defaultPrevented;
    });

  test('"Install app" shows when the browser offers it, asks the browser, and goes once installed', async () => {
    await open(page, `${base}/`);
    const install = page.getByRole('button', { name: 'Install app' });
    expect(await install.count()).toBe(0);
    expect(await page.getByText(IOS_NOTE).count()).toBe(0); // not iOS

    expect(await offerInstall()).toBe(true); // the browser's own banner is not shown
    await install.waitFor();
    await install.click();
    await expect.poll(() => page.evaluate(() => (window as TestWindow).prompted)).toBe(1);
    await install.waitFor({ state: 'detached' }); // an offer can be used once

    await offerInstall();
    await install.waitFor();
    await page.evaluate(() => window.dispatchEvent(new Event('appinstalled')));
    await install.waitFor({ state: 'detached' });
  });

  test('an offer made before the app started is kept for the button', async () => {
    await page.addInitScript(() =>
      document.addEventListener('DOMContentLoaded', () => {
        const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
          prompt: async () => {},
          userChoice: Promise.resolve({ outcome: 'dismissed' })
        });
        (window as TestWindow).offeredBeforeStart = document.documentElement.dataset.ready === undefined;
        window.dispatchEvent(offer);
      })
    );
    await open(page, `${base}/`);
    await page.getByRole('button', { name: 'Install app' }).waitFor();
    expect(await page.evaluate(() => (window as TestWindow).offeredBeforeStart)).toBe(true);
  });

  test('"Offline" shows in the header while the network is gone', async () => {
    await open(page, `${base}/settings`);
    const status = page.getByRole('banner').getByRole('status');
    expect((await status.textContent())?.trim()).toBe('');
    await context.setOffline(true);
    await expect.poll(async () => (await status.textContent())?.trim()).toBe('Offline');
    await context.setOffline(false);
    await expect.poll(async () => (await status.textContent())?.trim()).toBe('');
  });
});

describe('installing on an iPhone', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext({ userAgent: IPHONE, hasTouch: true, isMobile: true }));
    await onlyTestOffers(page);
  });
  afterAll(() => close());

  test('says how: Share, then Add to Home Screen', async () => {
    await open(page, `${base}/`);
    await page.getByText(IOS_NOTE).waitFor();
    expect(await page.getByRole('button', { name: 'Install app' }).count()).toBe(0);
  });
});
