import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open, openThenGoOffline } from './browser';

const base = inject('baseUrl');

/** How Excel or an old editor saves text in Western Europe: one byte a letter (Latin-1 / Windows-1252). */
const latin1 = (text: string) => Buffer.from(text, 'latin1');
/** Excel's "Unicode Text": UTF-16 little-endian with its byte order mark, tab-separated. */
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('files not saved as UTF-8 import with their letters, and say how they were read', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }));
    await openThenGoOffline(page, `${base}/`);
  });
  afterAll(() => close());

  const preview = () => page.getByRole('region', { name: 'Cards to import' });

  test('a short Latin-1 CSV, chosen as a file: accents intact, a notice naming Windows-1252', async () => {
    await open(page, `${base}/import`);
    await page.locator('#import-file').setInputFiles({
      name: 'desserts.csv',
      mimeType: 'text/csv',
      buffer: latin1('café;crème brûlée\r\nthé;tea\r\n')
    });
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-problems').count()).toBe(0);
    const cards = preview().getByRole('listitem');
    expect(await cards.count()).toBe(2);
    expect(await cards.first().innerText()).toMatch(/café\s+crème brûlée/);
    expect(await preview().innerText()).not.toContain('\uFFFD');
    const notice = page.getByTestId('import-encoding');
    expect(await notice.getAttribute('role')).toBe('status');
    expect(await notice.innerText()).toMatch(/not saved as UTF-8, so it was read as Windows-1252/);
    // The notice fits the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('a UTF-16 file dropped on the page: read as UTF-16, with the notice', async () => {
    await open(page, `${base}/import`);
    const bytes = [...utf16le('Bogotá\tColombia\nZürich\tSwitzerland\n')];
    // Dropped as a person would, through the page's drop zone.
    await page.evaluate((data) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], 'cities.txt', { type: 'text/plain' }));
      const zone = document.querySelector('.drop')!;
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, bytes);
    await page.getByTestId('import-summary').waitFor();
    const text = await preview().innerText();
    expect(text).toContain('Bogotá');
    expect(text).toContain('Zürich');
    expect(await page.getByTestId('import-encoding').innerText()).toMatch(/read as UTF-16 \(little-endian\)/);
  });

  test('a UTF-8 file shows no notice; an image is still refused as not text', async () => {
    await open(page, `${base}/import`);
    await page.locator('#import-file').setInputFiles({
      name: 'desserts.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('café,crème brûlée\n', 'utf8')
    });
    await page.getByTestId('import-summary').waitFor();
    expect(await preview().innerText()).toContain('crème brûlée');
    expect(await page.getByTestId('import-encoding').count()).toBe(0);

    await page.locator('#import-file').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52])
    });
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.innerText()).toMatch(/does not look like a text file \(it holds binary data, like an image/);
    expect(await page.getByTestId('import-encoding').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Import', exact: true }).isDisabled()).toBe(true);
  });
});
