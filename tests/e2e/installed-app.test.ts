/**
 * What an installed app is expected to have: the manifest's fields, screenshots and shortcuts, and
 * Chromium's own word (over the DevTools protocol) that it is installable; the due count on its icon
 * (Badging API, through a test double), cards read aloud in their language (a test double of
 * speechSynthesis: headless Chromium has no voices) and a deck printed on paper.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open, waitForServiceWorker } from './browser';

const base = inject('baseUrl');

interface Manifest {
  id: string;
  lang: string;
  categories: string[];
  start_url: string;
  display: string;
  launch_handler: { client_mode: string[] };
  shortcuts: { name: string; url: string }[];
  screenshots: { src: string; sizes: string; form_factor?: string; label: string }[];
  file_handlers: { action: string; accept: Record<string, string[]> }[];
  share_target: { action: string; method: string; enctype: string; params: { files: { name: string }[] } };
  icons: { sizes: string; purpose?: string }[];
}

describe('the manifest', () => {
  let manifest: Manifest;
  beforeAll(async () => {
    manifest = (await (await fetch(`${base}/manifest.webmanifest`)).json()) as Manifest;
  });

  test('names the app for the install sheet and the store', () => {
    expect(manifest).toMatchObject({ id: '/', lang: 'en', categories: ['education'], display: 'standalone' });
    expect(manifest.launch_handler.client_mode).toContain('navigate-existing');
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  });

  test('its screenshots exist at the sizes it declares, a phone one and a wide one', async () => {
    const factors = new Set(manifest.screenshots.map((s) => s.form_factor));
    expect(factors).toEqual(new Set(['narrow', 'wide']));
    for (const shot of manifest.screenshots) {
      const res = await fetch(`${base}${shot.src}`);
      expect(res.status, shot.src).toBe(200);
      const png = Buffer.from(await res.arrayBuffer());
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(shot.sizes);
      expect(shot.label.length).toBeGreaterThan(10);
    }
  });

  test('shortcuts: Study what is due, Import, Stats', () => {
    expect(manifest.shortcuts.map((s) => [s.name, s.url])).toEqual([
      ['Study what is due', '/study'],
      ['Import', '/import'],
      ['Stats', '/stats']
    ]);
  });

  test('deck files open in the import page; shared files are posted to it', () => {
    const [handler] = manifest.file_handlers;
    expect(handler.action).toBe('/import');
    const extensions = Object.values(handler.accept).flat();
    for (const ext of ['.yaml', '.json', '.csv', '.tsv', '.txt', '.apkg']) expect(extensions).toContain(ext);
    expect(manifest.share_target).toMatchObject({
      action: '/import/share',
      method: 'POST',
      enctype: 'multipart/form-data'
    });
    expect(manifest.share_target.params.files[0].name).toBe('file');
  });

  test('Chromium itself finds the app installable and reads every field without an error', async () => {
    const { context, page, close } = await freshContext();
    try {
      await open(page, `${base}/`);
      await waitForServiceWorker(page);
      const cdp = await context.newCDPSession(page);
      expect((await cdp.send('Page.getInstallabilityErrors')).installabilityErrors).toEqual([]);
      const read = await cdp.send('Page.getAppManifest', {});
      expect(read.url).toBe(`${base}/manifest.webmanifest`);
      // Chromium's parser names every member it ignores (a file handler with a bad type, a shortcut out
      // of scope, an unknown client mode): none.
      expect(read.errors).toEqual([]);
      // What it parsed, URLs resolved against the manifest's, enums by its own names.
      expect(read.manifest).toMatchObject({
        id: `${base}/`,
        display: 'kStandalone',
        launchHandler: { clientMode: 'kNavigateExisting' },
        shareTarget: { action: `${base}/import/share`, method: 'kPost' }
      });
      expect(read.manifest.shortcuts?.map((s) => s.url)).toEqual(['/study', '/import', '/stats'].map((p) => base + p));
      expect(read.manifest.screenshots?.map((s) => s.formFactor)).toEqual(['kNarrow', 'kNarrow', 'kWide']);
      // Chromium 150 leaves lang and file handlers out of the protocol's answer (for any manifest) and
      // has no categories in it: the manifest it read has them.
      const fetched = JSON.parse(read.data ?? '{}') as Manifest;
      expect(fetched).toMatchObject({ lang: 'en', categories: ['education'] });
      expect(fetched.file_handlers.map((h) => h.action)).toEqual(['/import']);
      expect(fetched.share_target.enctype).toBe('multipart/form-data');
    } finally {
      await close();
    }
  });

  test('a theme colour for each colour scheme', async () => {
    const html = await (await fetch(`${base}/`)).text();
    expect(html).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}" media="\(prefers-color-scheme: light\)"/);
    expect(html).toMatch(/<meta name="theme-color" content="#[0-9a-f]{6}" media="\(prefers-color-scheme: dark\)"/);
  });
});

type Spoken = { text: string; lang: string; voice: string };
type TestWindow = Window & { spoken: Spoken[]; badges: (number | 'cleared')[]; printed?: number };

/** speechSynthesis with the given voices, recording what is said; the Badging API, recording the badge. */
async function doubles(page: Page, voices: { name: string; lang: string }[]) {
  await page.addInitScript((voices) => {
    const w = window as unknown as TestWindow;
    w.spoken = [];
    w.badges = [];
    class Utterance {
      lang = '';
      voice: { name: string } | null = null;
      constructor(public text: string) {}
    }
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, value: Utterance });
    Object.defineProperty(window, 'speechSynthesis', {
      configurable: true,
      value: {
        getVoices: () => voices,
        addEventListener() {},
        removeEventListener() {},
        cancel() {},
        speak: (u: Utterance) => w.spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? '' })
      }
    });
    navigator.setAppBadge = async (n?: number) => void w.badges.push(n ?? 0);
    navigator.clearAppBadge = async () => void w.badges.push('cleared');
    window.print = () => void (w.printed = (w.printed ?? 0) + 1);
  }, voices);
}

const spoken = (page: Page) => page.evaluate(() => (window as unknown as TestWindow).spoken);
const badges = (page: Page) => page.evaluate(() => (window as unknown as TestWindow).badges);

describe('read aloud, the badge, the shortcut page and printing', () => {
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ page, close } = await freshContext());
    await doubles(page, [
      { name: 'French', lang: 'fr-FR' },
      { name: 'US English', lang: 'en-US' }
    ]);
  });
  afterAll(() => close());

  test('"Study what is due" opens the deck with the most to study', async () => {
    await open(page, `${base}/study`);
    await page.waitForURL(/\/decks\/[a-z0-9-]+\/study$/);
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
  });

  test('the question and the answer are read in the deck’s language; a cloze gap is "blank"', async () => {
    await open(page, `${base}/decks/world-capitals/study`);
    // Study until the Peru and Chile cloze comes up (new cards come in deck order).
    for (let i = 0; i < 6; i++) {
      const question = await page.locator('#card-question').textContent();
      if (question?.includes('Peru')) break;
      await page.getByRole('button', { name: 'Show answer' }).click();
      await page.getByRole('button', { name: 'Easy', exact: true }).click();
      await expect.poll(async () => (await page.locator('#card-question').textContent()) !== question).toBe(true);
    }
    await page.getByRole('button', { name: 'Read the question aloud' }).click();
    await expect
      .poll(() => spoken(page))
      .toEqual([
        {
          text: 'The capital of Peru is blank and the capital of Chile is Santiago.',
          lang: 'en-US',
          voice: 'US English'
        }
      ]);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Read the answer aloud' }).click();
    await expect
      .poll(async () => (await spoken(page)).at(-1)?.text)
      .toBe('The capital of Peru is Lima and the capital of Chile is Santiago.');
  });

  test('the due count goes on the icon after each grade and at start', async () => {
    await open(page, `${base}/decks/world-capitals/study`);
    // The one set at start, first.
    await expect.poll(async () => (await badges(page)).length).toBe(1);
    const before = 1;
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Easy', exact: true }).click();
    // Graded Easy, the card is due in days: nothing is due.
    await expect.poll(async () => (await badges(page)).slice(before)).toEqual(['cleared']);
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Again', exact: true }).click();
    // Graded Again, the card comes back in this session: due, as the home page counts it.
    await expect.poll(async () => (await badges(page)).slice(before)).toEqual(['cleared', 1]);

    // Ten minutes later the app starts with that card due.
    await page.clock.install({ time: Date.now() + 10 * 60_000 });
    await open(page, `${base}/`);
    await expect.poll(async () => (await badges(page)).at(-1)).toBe(1);
  });

  test('"Read the answer when shown" reads it as it shows', async () => {
    await open(page, `${base}/settings`);
    await page.getByLabel('Read the answer when shown').check();
    await open(page, `${base}/decks/world-capitals/study`);
    const before = (await spoken(page)).length;
    await page.getByRole('button', { name: 'Show answer' }).click();
    await expect.poll(async () => (await spoken(page)).length).toBe(before + 1);
    expect((await spoken(page)).at(-1)?.lang).toBe('en-US');
  });

  test('the deck page prints its cards, front, back, kind and citation, and nothing else', async () => {
    await open(page, `${base}/decks/venezuela-iran-key-facts`);
    expect(await page.locator('.print-cards').count()).toBe(0);
    await page.getByRole('button', { name: 'Print the cards' }).click();
    expect(await page.evaluate(() => (window as unknown as TestWindow).printed)).toBe(1);
    const list = page.locator('.print-cards');
    expect(await list.isVisible()).toBe(false); // on screen, nothing changes
    await page.emulateMedia({ media: 'print' });
    expect(await list.isVisible()).toBe(true);
    const first = list.getByRole('listitem').first();
    const text = (await first.textContent()) ?? '';
    expect(text).toMatch(/Reported fact|Claim|Opinion/);
    expect(text).toMatch(/¶|paragraph|byline/i);
    for (const hidden of ['Share', 'Your progress', 'Quiz'])
      expect(await page.getByRole('heading', { name: hidden, exact: true }).isVisible()).toBe(false);
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });
  });
});

describe('a device without a voice for the deck', () => {
  test('says so plainly and reads nothing', async () => {
    const { page, close } = await freshContext();
    try {
      await doubles(page, [{ name: 'French', lang: 'fr-FR' }]);
      await open(page, `${base}/decks/world-capitals/study`);
      await page.getByRole('button', { name: 'Read the question aloud' }).click();
      await page.getByRole('status').filter({ hasText: 'no voice for English (en)' }).waitFor();
      expect(await spoken(page)).toEqual([]);
    } finally {
      await close();
    }
  });
});
