import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open, openThenGoOffline } from './browser';

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

/** A deck from elsewhere whose source has the built-in article's id but is another text. */
const IMPORTED_DECK = `id: harbour-notes
title: Harbour notes
description: A deck made elsewhere, citing its own article.
language: en
sources:
  - id: ${ARTICLE}
    title: The Harbour Reopens After Ten Years
    author: Jo Marsh
    publisher: Harbour Gazette
    date: '2021-03-04'
    paragraphs: 3
    url: https://example.org/harbour
    outline:
      - gist: The harbour closed in 2011.
      - gist: It reopened in March 2021 after repairs.
      - gist: Fishing boats came back first.
cards:
  - id: reopened
    type: basic
    front: When did the harbour reopen?
    back: March 2021
    kind: fact
    cite: { source: ${ARTICLE}, paragraphs: [2] }
  - id: writer
    type: basic
    front: Who wrote the harbour article?
    back: Jo Marsh
    kind: fact
    cite: { source: ${ARTICLE}, byline: true }
`;

describe('an imported deck cites its own source, even with a built-in source’s id, offline', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true }));
    await openThenGoOffline(page, `${base}/`);
    await open(page, `${base}/import`);
    await page.locator('#import-file').setInputFiles({
      name: 'harbour-notes.deck.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(IMPORTED_DECK)
    });
    await page.getByTestId('import-summary').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).tap();
    await page.waitForURL(`${base}/decks/harbour-notes`);
  });
  afterAll(() => close());

  async function expectImportedSource() {
    await page.getByRole('heading', { level: 1, name: 'The Harbour Reopens After Ten Years' }).waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Jo Marsh');
    expect(main).toContain('Harbour Gazette');
    expect(main).not.toContain('Leiroz');
    expect(main).not.toContain('Not found');
    const original = page.getByRole('link', { name: 'https://example.org/harbour' });
    expect(await original.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await page.getByTestId('cited-in').innerText()).toBe('As described in the deck Harbour notes');
  }

  test('the deck page’s source link opens the deck’s own source, not the built-in article', async () => {
    const link = page.getByRole('link', { name: '“The Harbour Reopens After Ten Years”' });
    expect(await link.getAttribute('href')).toBe(`/decks/harbour-notes/sources/${ARTICLE}`);
    await link.tap();
    await page.waitForURL(`${base}/decks/harbour-notes/sources/${ARTICLE}`);
    await expectImportedSource();
    expect(await page.locator('li#p2').innerText()).toContain('It reopened in March 2021 after repairs.');
    expect(await page.locator('li#p2').innerText()).toContain('When did the harbour reopen?');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test('a card’s citation lands on the paragraph it cites, in the deck’s source, after a reload offline', async () => {
    await open(page, `${base}/decks/harbour-notes/study`);
    await page.getByRole('button', { name: 'Show answer' }).tap();
    const link = page.locator('.citation').getByRole('link');
    const text = (await link.innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/^The Harbour Reopens After Ten Years, (paragraph 2|byline)$/);
    await link.tap();
    await page.waitForURL(new RegExp(`/decks/harbour-notes/sources/${ARTICLE}#(p2|byline)$`));
    await expectImportedSource();
    await page.reload();
    await expectImportedSource();
  });

  test('the built-in source page stays the built-in article, without the imported deck’s cards', async () => {
    await open(page, `${base}/sources/${ARTICLE}`);
    await page
      .getByRole('heading', { level: 1, name: 'Alliance Between Venezuela and Iran Evolves into the Military Sphere' })
      .waitFor();
    const main = await page.locator('main').innerText();
    expect(main).toContain('Lucas Leiroz de Almeida');
    expect(main).not.toContain('Harbour');
    expect(await page.getByTestId('cited-in').count()).toBe(0);
  });
});
