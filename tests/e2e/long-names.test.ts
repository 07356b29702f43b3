/**
 * Titles and ids at their length limits (issue 21: a 3,000-character title made the home page
 * 40,801 px wide): no page is wider than a phone's screen.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open } from './browser';

const base = inject('baseUrl');
const ID = 'x'.repeat(80);
const TITLE = 'W'.repeat(200);
const DECK = `id: ${ID}
title: ${TITLE}
description: ${'D'.repeat(500)}
language: en
tags: [${'t'.repeat(60)}]
cards:
  - id: ${'c'.repeat(80)}
    type: basic
    front: ${'F'.repeat(300)}
    back: ${'B'.repeat(300)}
`;

describe('long names', () => {
  let page: Page;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ page, close } = await freshContext());
  });
  afterAll(() => close());

  test('a deck whose title, id, tag and card are single words at their limits fits a 390 px screen', async () => {
    await open(page, `${base}/import`);
    await page.getByLabel('Or paste the cards here').fill(DECK);
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(`${base}/decks/${ID}`);
    const widths: Record<string, number> = {};
    for (const path of [
      '/',
      `/decks/${ID}`,
      `/decks/${ID}/study`,
      `/decks/${ID}/quiz`,
      '/cards',
      '/stats',
      '/settings'
    ]) {
      await open(page, `${base}${path}`);
      // The title is read from IndexedDB after hydration where a page shows it.
      if (!['/cards', '/stats', '/settings'].includes(path)) await page.getByText(TITLE).first().waitFor();
      else await page.waitForTimeout(500);
      widths[path] = await page.evaluate(() => document.documentElement.scrollWidth);
    }
    for (const [path, width] of Object.entries(widths)) expect(width, path).toBeLessThanOrEqual(390);
  });
});
