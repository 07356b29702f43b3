import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { freshContext, open, readStore } from './browser';

const base = inject('baseUrl');
const DECK = 'world-capitals';

interface LogRow {
  rating: number;
}

describe('on a phone: swipe grading, tap targets, no sideways scrolling', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    ({ context, page, close } = await freshContext({
      viewport: { width: 375, height: 812 },
      hasTouch: true,
      isMobile: true
    }));
    cdp = await context.newCDPSession(page);
  });
  afterAll(() => close());

  /**
   * A real touch gesture (the browser makes the pointer events), across the card from its middle, at
   * a finger's pace and coming to rest before lifting: Chrome swallows the tap after a fling.
   */
  async function swipe(dx: number) {
    const box = await page.getByRole('article', { name: 'Card' }).boundingBox();
    if (!box) throw new Error('no card on screen');
    const x = box.x + box.width / 2;
    const y = box.y + Math.min(box.height / 2, 80);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y, id: 1 }] });
    for (let step = 1; step <= 8; step++) {
      await cdp.send('Input.dispatchTouchEvent', {
        type: 'touchMove',
        touchPoints: [{ x: x + (dx * step) / 8, y, id: 1 }]
      });
      await page.waitForTimeout(16);
    }
    await page.waitForTimeout(100);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  }

  async function reveal() {
    await page.getByRole('article', { name: 'Card' }).waitFor();
    await page.getByRole('button', { name: 'Show answer' }).tap();
    await page.getByRole('button', { name: 'Good', exact: true }).waitFor();
  }

  const swipeSetting = async () =>
    (await readStore<{ key: string; value: { swipeGrading?: boolean } }>(page, 'settings')).find(
      (row) => row.key === 'preferences'
    )?.value.swipeGrading;
  const ratings = async () => (await readStore<LogRow>(page, 'reviewLogs')).map((l) => l.rating);

  test('swipe right grades Good, swipe left grades Again; before the answer a swipe does nothing', async () => {
    await open(page, `${base}/decks/${DECK}/study`);
    await page.getByRole('article', { name: 'Card' }).waitFor();
    await swipe(160);
    await page.waitForTimeout(300);
    expect(await ratings()).toEqual([]);

    await reveal();
    expect(await page.getByText('Swipe left for Again, right for Good.').isVisible()).toBe(true);
    await swipe(160);
    await expect.poll(ratings).toEqual([3]);
    await expect.poll(() => page.getByTestId('grade-status').textContent()).toMatch(/^Graded Good\. Due again /);

    await reveal();
    await swipe(-160);
    await expect.poll(ratings).toEqual([3, 1]);

    // A short drag is not a swipe.
    await reveal();
    await swipe(30);
    await page.waitForTimeout(300);
    expect(await ratings()).toEqual([3, 1]);
  });

  test('with "Swipe to grade" off in Settings, a swipe does nothing and no hint shows', async () => {
    await open(page, `${base}/settings`);
    const setting = page.getByRole('checkbox', { name: 'Swipe to grade' });
    expect(await setting.isChecked()).toBe(true);
    await setting.tap();
    await expect.poll(() => setting.isChecked()).toBe(false);
    await expect.poll(swipeSetting).toBe(false); // saved, before this page is left

    await open(page, `${base}/decks/${DECK}/study`);
    await reveal();
    expect(await page.getByText('Swipe left for Again, right for Good.').count()).toBe(0);
    const before = await ratings();
    await swipe(160);
    await swipe(-160);
    await page.waitForTimeout(300);
    expect(await ratings()).toEqual(before);
    expect(await page.getByRole('button', { name: 'Good', exact: true }).isVisible()).toBe(true);

    // Back on, so the rest of the suite studies as a new learner would.
    await open(page, `${base}/settings`);
    await page.getByRole('checkbox', { name: 'Swipe to grade' }).tap();
    await expect.poll(swipeSetting).toBe(true);
  });

  /** Every control on screen smaller than 44 x 44 CSS pixels, described, and how many were measured. */
  function smallTargets(): Promise<{ measured: number; small: string[] }> {
    return page.evaluate(() => {
      const controls = document.querySelectorAll<HTMLElement>(
        'button, a[href], input, select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])'
      );
      const small: string[] = [];
      let measured = 0;
      for (const el of controls) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= innerWidth) continue; // not on screen
        if (getComputedStyle(el).visibility === 'hidden') continue;
        measured++;
        if (r.width < 44 || r.height < 44)
          small.push(`${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 40)}": ${r.width}x${r.height}`);
      }
      return { measured, small };
    });
  }

  test('every control on the study page is at least 44 x 44 px at 375 px wide, question and answer', async () => {
    await open(page, `${base}/decks/${DECK}/study`);
    // Through every card type of the deck, question side and answer side.
    for (let i = 0; i < 6; i++) {
      await page.getByRole('article', { name: 'Card' }).waitFor();
      const question = await smallTargets();
      expect(question.small, `card ${i + 1}, question`).toEqual([]);
      await reveal();
      const answer = await smallTargets();
      expect(answer.small, `card ${i + 1}, answer`).toEqual([]);
      // The four links of the header, Show answer; then the grades and Undo.
      expect(question.measured).toBeGreaterThanOrEqual(5);
      expect(answer.measured).toBeGreaterThanOrEqual(8);
      await page.getByRole('button', { name: 'Good', exact: true }).tap();
      await expect.poll(async () => (await ratings()).length).toBeGreaterThan(i + 2);
    }
  });

  test('no page scrolls sideways at 320 px', async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const wide = async (what: string) => {
      const { scroll, width } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        width: document.documentElement.clientWidth
      }));
      return scroll > width ? `${what}: ${scroll} px wide in ${width}` : null;
    };
    const problems: (string | null)[] = [];
    const routes = [
      '/',
      `/decks/${DECK}`,
      `/decks/${DECK}/quiz`,
      '/sources/leiroz-2020-venezuela-iran',
      '/import',
      '/cards',
      '/settings',
      '/no/such/page'
    ];
    for (const route of routes) {
      await open(page, `${base}${route}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      problems.push(await wide(route));
    }
    await open(page, `${base}/stats`);
    await page.getByTestId('reviews-today').waitFor();
    problems.push(await wide('/stats'));

    await open(page, `${base}/decks/${DECK}/study`);
    await page.getByRole('article', { name: 'Card' }).waitFor();
    problems.push(await wide('study, question'));
    await reveal();
    problems.push(await wide('study, answer'));

    await open(page, `${base}/decks/${DECK}/quiz`);
    await page.getByRole('button', { name: 'Start quiz' }).tap();
    await page.getByRole('article', { name: 'Question 1' }).waitFor();
    problems.push(await wide('quiz, question'));

    // A phone on its side.
    await page.setViewportSize({ width: 812, height: 375 });
    await open(page, `${base}/decks/${DECK}/study`);
    await reveal();
    problems.push(await wide('study, answer, landscape'));
    expect(problems.filter(Boolean)).toEqual([]);
  });
});
