import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { writePackage } from '../../tools/anki-package-writer';
import { flagPng, NOTE_TYPES, toneWav } from '../../tools/make-anki-fixtures';
import { freshContext, open, readStore, waitForServiceWorker } from './browser';

const base = inject('baseUrl');

/** One Basic note showing an image and playing a sound, as Anki 2.1 exported it (legacy layout). */
function flagPackage(): Promise<Uint8Array> {
  return writePackage({
    format: 'legacy2',
    collection: {
      noteTypes: [NOTE_TYPES.basic],
      decks: [
        { id: 1, name: 'Default' },
        { id: 1_700_000_000_020, name: 'Vexillology' }
      ],
      notes: [
        {
          id: 1_700_000_300_001,
          guid: 'flag-1',
          mid: NOTE_TYPES.basic.id,
          fields: ['Whose flag? <img src="flag.png" alt="Three bands"> [sound:tone.wav]', 'France'],
          cards: [{ id: 1_700_000_300_011, did: 1_700_000_000_020, ord: 0 }]
        }
      ]
    },
    media: [
      { name: 'flag.png', bytes: flagPng() },
      { name: 'tone.wav', bytes: toneWav() }
    ]
  });
}

describe('Anki packages: preview, import, then study offline with images and sound', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext());
    await open(page, `${base}/`);
    await waitForServiceWorker(page);
  });
  afterAll(() => close());

  async function choose(name: string, buffer: Buffer) {
    await open(page, `${base}/import`);
    await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await page.getByTestId('import-summary').waitFor({ timeout: 60_000 });
  }

  test('a current-format package: decks, media, history and note types shown; nothing saved before Import', async () => {
    await choose('current.apkg', readFileSync('tests/fixtures/anki/current.apkg'));
    const summary = await page.getByTestId('import-summary').innerText();
    expect(summary).toContain('Media: 1 image and 1 sound');
    expect(summary).toMatch(/Review history: 10 reviews of 4 cards/);
    const keep = page.getByRole('checkbox', { name: 'Keep my Anki review history' });
    expect(await keep.isChecked()).toBe(true);
    const types = page.getByRole('table', { name: 'Note types' });
    expect(await types.getByRole('row', { name: /Vocabulary \(with example\)/ }).innerText()).toContain(
      'basic cards from the first two fields'
    );
    expect(await types.getByRole('row', { name: /Image Occlusion/ }).innerText()).toContain('left out');
    expect(await page.getByRole('region', { name: 'Languages::French' }).innerText()).toContain('13 cards');
    // The preview shows the package's own image (loaded lazily, once scrolled to).
    const flag = page
      .getByRole('region', { name: 'Languages::French' })
      .getByRole('img', { name: /blue, white and red/ });
    await flag.scrollIntoViewIfNeeded();
    await expect.poll(() => flag.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(24);
    expect(await flag.getAttribute('src')).toMatch(/^blob:/);
    expect(await readStore(page, 'decks')).toHaveLength(0);
    expect(await readStore(page, 'media')).toHaveLength(0);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(`${base}/decks/languages-french`);
    expect((await readStore<{ id: string }>(page, 'decks')).map((d) => d.id).sort()).toEqual([
      'geography',
      'languages-french'
    ]);
    const media = await readStore<{ kind: string; blob: Blob }>(page, 'media');
    expect(media.map((m) => m.kind).sort()).toEqual(['audio', 'image']);
    expect(await readStore(page, 'reviewLogs')).toHaveLength(10);
  });

  test('a package with an image and a sound, studied offline: the image decodes and the sound can play', async () => {
    await choose('flags.apkg', Buffer.from(await flagPackage()));
    expect(await page.getByTestId('import-summary').innerText()).toContain('Review history: none');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(`${base}/decks/vexillology`);

    await page.context().setOffline(true);
    await open(page, `${base}/decks/vexillology/study`);
    const question = page.locator('#card-question');
    const image = question.getByRole('img', { name: 'Three bands' });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(24);
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    const audio = question.locator('audio');
    expect(await audio.getAttribute('src')).toMatch(/^blob:/);
    const duration = await audio.evaluate(
      (a: HTMLAudioElement) =>
        new Promise<number>((resolve, reject) => {
          if (a.readyState >= 1) return resolve(a.duration);
          a.addEventListener('loadedmetadata', () => resolve(a.duration), { once: true });
          a.addEventListener('error', () => reject(new Error(`media error ${a.error?.code}`)), { once: true });
          a.load();
        })
    );
    expect(duration).toBeCloseTo(0.5, 1);
    expect(await audio.getAttribute('aria-label')).toBe('Sound');

    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: 'Good', exact: true }).click();
    await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(11);
  });

  test('offline, a second package still imports: SQLite’s WebAssembly was kept at its first use', async () => {
    await choose('current-again.apkg', readFileSync('tests/fixtures/anki/current.apkg'));
    expect(await page.getByTestId('import-summary').innerText()).toContain('Media: 1 image and 1 sound');
    await page.context().setOffline(false);
  });

  test('a deck in content/ shows the images kept beside it, offline, from the precache', async () => {
    await page.context().setOffline(true);
    await open(page, `${base}/decks/flags/study`);
    const image = page.locator('#card-question').getByRole('img', { name: /Three vertical bands/ });
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(36);
    expect(await image.getAttribute('src')).toMatch(/^\/media\/[0-9a-f]{64}\.png$/);
    await page.context().setOffline(false);
  });

  test('a damaged package says what is wrong and changes nothing', async () => {
    await open(page, `${base}/import`);
    await page.locator('#import-file').setInputFiles({
      name: 'broken.apkg',
      mimeType: 'application/octet-stream',
      buffer: readFileSync('tests/fixtures/anki/damaged-media-sha1.apkg')
    });
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toContain('“flag fr.png” does not match what the package records for it');
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
  });
});
