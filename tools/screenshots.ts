/**
 * Takes the install sheet's screenshots (the manifest's `screenshots`) from the real app: the
 * production build in build/, served here as a static host does, in headless Chromium.
 * `npm run build && npx tsx tools/screenshots.ts && npm run build` (the second build precaches nothing
 * new: screenshots are left out of the precache, they are only for the install sheet).
 *
 *   phone-study.png  390 × 844 at 2×: a card of the world capitals deck with its answer shown
 *   phone-home.png   390 × 844 at 2×: the home page after a few grades
 *   wide-stats.png   1280 × 800: the statistics page
 */
import { createServer } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import sirv from 'sirv';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 18797);
const OUT = 'static/screenshots';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'];

const server = createServer(sirv('build', { single: '200.html' }));
await new Promise<void>((r) => server.listen(PORT, '127.0.0.1', r));
const base = `http://127.0.0.1:${PORT}`;
const dir = mkdtempSync(join(tmpdir(), 'factdeck-shots-'));

async function ready(page: Page, url: string) {
  await page.goto(`${base}${url}`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
}

try {
  const phone = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    colorScheme: 'light',
    reducedMotion: 'reduce'
  });
  const page = phone.pages()[0] ?? (await phone.newPage());
  await ready(page, '/decks/world-capitals/study');
  for (const grade of ['Good', 'Again', 'Good']) {
    await page.getByRole('button', { name: 'Show answer' }).click();
    await page.getByRole('button', { name: grade, exact: true }).click();
  }
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByTestId('answer').waitFor();
  await page.screenshot({ path: `${OUT}/phone-study.png` });
  await ready(page, '/');
  await page.getByTestId('due-count').first().waitFor();
  await page.screenshot({ path: `${OUT}/phone-home.png` });

  await phone.close();

  // The same profile (its progress), at a desktop's size and scale.
  const desk = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
    reducedMotion: 'reduce'
  });
  const stats = desk.pages()[0] ?? (await desk.newPage());
  await ready(stats, '/stats');
  await stats.getByRole('heading', { level: 2 }).first().waitFor();
  await stats.waitForLoadState('networkidle');
  await stats.screenshot({ path: `${OUT}/wide-stats.png` });
  await desk.close();
  console.log(`wrote ${OUT}/phone-study.png, phone-home.png, wide-stats.png`);
} finally {
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
