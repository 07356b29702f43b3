import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open } from './browser';

const base = inject('baseUrl');
const ARTICLE = 'leiroz-2020-venezuela-iran';

describe('sources on a phone: citations that say what they cite and land on it', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }));
  });
  afterAll(() => close());

  test('a card citing the byline says "byline" inside its link, and the link lands on the byline', async () => {
    await open(page, `${base}/decks/venezuela-iran-key-facts/study`);
    const citation = page.locator('.citation');
    let text = '';
    // The author and publisher cards come after the people cards; grade until one shows.
    for (let i = 0; i < 40 && !text.endsWith('byline'); i++) {
      if (i > 0) await page.getByRole('button', { name: 'Easy', exact: true }).tap();
      await page.getByRole('button', { name: 'Show answer' }).tap();
      text = (await citation.getByRole('link').innerText()).replace(/\s+/g, ' ');
    }
    expect(text).toBe('Alliance Between Venezuela and Iran Evolves into the Military Sphere, byline');
    // Nothing of the citation sits outside the link, to wrap onto a line of its own.
    expect((await citation.innerText()).replace(/\s+/g, ' ').trim()).toBe(`Source: ${text}`);

    await citation.getByRole('link').tap();
    await page.waitForURL(`${base}/sources/${ARTICLE}#byline`);
    const byline = page.locator('li:target');
    await expect.poll(() => byline.getAttribute('id')).toBe('byline');
    await expect.poll(() => byline.isVisible()).toBe(true);
    expect(await byline.getByRole('heading').innerText()).toMatch(/^Byline · 8 cards$/);
    expect(await byline.innerText()).toContain('Who wrote the article');
    const box = (await byline.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(844 / 2);
  });

  test('the source page gives each paragraph a gist in our words, with the cards citing it', async () => {
    await open(page, `${base}/sources/${ARTICLE}#p4`);
    const p4 = page.locator('li#p4');
    expect(await p4.getByRole('heading').innerText()).toMatch(/^Paragraph 4 · \d+ cards$/);
    expect(await p4.locator('.gist').innerText()).toMatch(/^Maduro confirms he wants Iranian weapons/);
    expect(await p4.getByRole('listitem').count()).toBeGreaterThanOrEqual(4);
    // No page is wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('a source without numbered paragraphs lists the cards that cite it as a whole, and links the original', async () => {
    await open(page, `${base}/sources/un-2231-arms`);
    await page.getByRole('heading', { name: 'Cards that cite it' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Paragraph map' }).count()).toBe(0);
    expect(
      await page.getByRole('link', { name: 'https://www.un.org/en/sc/2231/restrictions-arms.shtml' }).count()
    ).toBe(1);
    const cards = page.locator('ul.cards > li');
    expect(await cards.count()).toBe(1);
    expect(await cards.first().innerText()).toContain('Claim: UN Security Council');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
