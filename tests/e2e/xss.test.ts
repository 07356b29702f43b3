/**
 * Untrusted card text through the real import page, the deck page, study and quiz: every payload
 * in fixtures/xss-payloads.txt must show as text, and none may run or leave anything runnable in
 * the page. Card formatting (the Markdown subset) must still work.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { plainText } from '../../src/lib/domain/plain-text';
import { freshContext, open, readStore, waitForServiceWorker } from './browser';

const base = inject('baseUrl');

const PAYLOADS = readFileSync(new URL('./fixtures/xss-payloads.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('# '))
  .map((line) => line.replaceAll('\\n', '\n'));

/** Benign cards that show the subset is rendered, not just escaped. */
const FORMATTED = [
  ['**Bold** and _italic_ text', 'Formatted'],
  ['[A safe link](https://example.com/safe)', 'Link'],
  ['<b>Raw HTML</b> shows as text', 'Escaped']
];
const TITLE = 'XSS corpus <img src=x onerror=window.__xss=1>';

/** Text without any white space, so layout (line breaks, <br>, blocks) does not matter. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** The readable text of `locator`, images counted as their alt text. */
function readableText(locator: Locator): Promise<string> {
  return locator.evaluate((root) => {
    const copy = root.cloneNode(true) as Element;
    for (const img of copy.querySelectorAll('img')) img.replaceWith(img.getAttribute('alt') ?? '');
    return copy.textContent ?? '';
  });
}

/** Whether a payload shows as text: as written, or as the text its Markdown renders to. */
function shows(text: string, payload: string): boolean {
  const seen = squash(text);
  return seen.includes(squash(plainText(payload))) || seen.includes(squash(payload));
}

describe('untrusted card text never runs', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;
  const dialogs: string[] = [];

  beforeAll(async () => {
    ({ context, page, close } = await freshContext());
    // Payloads point at other hosts; nothing may leave the test server.
    await context.route(
      (url) => !url.href.startsWith(base),
      (route) => route.abort()
    );
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await open(page, `${base}/`);
    await waitForServiceWorker(page);
  });
  afterAll(() => close());

  /** Nothing ran, and nothing that could run is in the page. */
  async function expectClean(where: string) {
    // Give event handlers (onerror, onload, ontoggle) a moment to fire if anything let them in.
    await page.waitForTimeout(200);
    const found = await page.evaluate(() => {
      const bad: string[] = [];
      const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc', 'srcset'];
      const SAFE_DATA = /^data:image\/(?:png|jpeg|gif|webp)[;,]/i;
      for (const el of document.querySelectorAll('*')) {
        const tag = el.tagName.toLowerCase();
        if (tag === 'script') {
          const s = el as HTMLScriptElement;
          const ours = s.src ? s.src.startsWith(location.origin + '/') : s.textContent?.includes('__sveltekit_');
          if (!ours) bad.push(`script: ${el.outerHTML.slice(0, 80)}`);
        }
        if (['iframe', 'object', 'embed', 'frame', 'frameset', 'base'].includes(tag)) bad.push(`<${tag}>`);
        // The app's own Content-Security-Policy is a <meta http-equiv> in <head>; no other may exist.
        const equiv = el.getAttribute('http-equiv');
        if (tag === 'meta' && equiv !== null && (!document.head.contains(el) || /refresh/i.test(equiv)))
          bad.push(`<meta http-equiv="${equiv}">`);
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name)) bad.push(`<${tag} ${attr.name}>`);
          // Browsers ignore control characters and spaces in a URL's scheme: "jav\tascript:".
          const value = [...attr.value]
            .filter((c) => c.charCodeAt(0) > 0x20)
            .join('')
            .toLowerCase();
          if (
            URL_ATTRS.includes(attr.name.toLowerCase()) &&
            (/^(?:javascript|vbscript):/.test(value) || (value.startsWith('data:') && !SAFE_DATA.test(value)))
          )
            bad.push(`<${tag} ${attr.name}="${attr.value.slice(0, 40)}">`);
        }
      }
      return { bad, xss: (window as unknown as { __xss?: unknown }).__xss };
    });
    expect(found.bad, where).toEqual([]);
    expect(found.xss, where).toBeUndefined();
    expect(dialogs, where).toEqual([]);
  }

  let deckUrl = '';

  test(`the import preview shows all ${PAYLOADS.length} payloads as text and formats the subset`, async () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(35);
    const rows = [...PAYLOADS.map((p) => [p, p]), ...FORMATTED];
    expect(rows.length).toBeLessThanOrEqual(50); // the preview shows the first 50 cards
    const csv = Papa.unparse({ fields: ['front', 'back'], data: rows });

    await open(page, `${base}/import`);
    await page.getByLabel('Or paste the cards here').fill(csv);
    await page.getByLabel('Format').selectOption({ label: 'CSV' });
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByRole('region', { name: 'Preview' });
    const title = preview.getByLabel('Title', { exact: true });
    await title.waitFor();
    await title.fill(TITLE);
    // RichText renders after its lazy chunk loads. Formatting is checked softly, so the safety
    // checks of the later steps still run if the preview shows plain text.
    const formatted = await preview
      .locator('strong', { hasText: 'Bold' })
      .first()
      .waitFor({ timeout: 5000 })
      .then(
        () => true,
        () => false
      );
    await expectClean('import preview');

    const text = await readableText(preview);
    const hidden = PAYLOADS.filter((p) => !shows(text, p));
    expect(hidden, 'payloads not shown as text in the preview').toEqual([]);

    expect.soft(formatted, 'the preview formats card text (RichText)').toBe(true);
    if (formatted) {
      expect.soft(await preview.locator('em', { hasText: 'italic' }).count()).toBeGreaterThan(0);
      const link = preview.getByRole('link', { name: 'A safe link' }).first();
      expect.soft(await link.getAttribute('href')).toBe('https://example.com/safe');
      expect.soft(await link.getAttribute('rel')).toBe('noopener noreferrer');
      expect.soft(await link.getAttribute('target')).toBe('_blank');
    }
    expect(await preview.locator('b').count()).toBe(0);
    expect(squash(await preview.innerText())).toContain(squash('<b>Raw HTML</b> shows as text'));
    // Links whose address is not http(s) or mailto keep their text and lose the address.
    expect(await preview.locator('a[href]', { hasText: 'markdown link' }).count()).toBe(0);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/decks\/[a-z0-9-]+$/);
    deckUrl = page.url();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectClean('deck page');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(TITLE);
  });

  test('studying the imported cards: reveal and grade three', async () => {
    expect(deckUrl).not.toBe('');
    await open(page, `${deckUrl}/study`);
    const card = page.getByRole('article', { name: 'Card' });
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Show answer' }).click();
      await page.getByRole('button', { name: 'Good', exact: true }).waitFor();
      await expectClean(`study card ${i + 1}, answer shown`);
      const shown = await readableText(card);
      expect(PAYLOADS.some((p) => shows(shown, p)) || FORMATTED.some(([f]) => shows(shown, f)), shown).toBe(true);
      await page.getByRole('button', { name: 'Good', exact: true }).click();
    }
    await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(3);
    await card.waitFor();
    await expectClean('study, after grading');
  });

  test('a quiz on the imported cards, and the deck page again', async () => {
    await open(page, `${deckUrl}/quiz`);
    await page.getByRole('button', { name: 'Start quiz' }).click();
    const question = page.getByRole('article', { name: 'Question 1' });
    await question.waitFor();
    await expectClean('quiz, first question');

    await open(page, deckUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectClean('deck page, after studying');
  });
});
