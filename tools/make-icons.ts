/**
 * Renders the app icons (PNG, as the web manifest wants) from static/icons/favicon.svg with headless
 * Chromium. Run by hand after changing the SVG: `npx tsx tools/make-icons.ts`; the PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { launchOptions } from '../tests/e2e/browser';

const svg = readFileSync('static/icons/favicon.svg', 'utf8');
const browser = await chromium.launch(launchOptions());
const page = await browser.newPage();

async function render(size: number, file: string, maskable: boolean) {
  await page.setViewportSize({ width: size, height: size });
  // A maskable icon keeps its artwork inside the central 80% safe zone, on a full-bleed background.
  const inner = maskable ? Math.round(size * 0.7) : size;
  await page.setContent(
    `<body style="margin:0;background:${maskable ? '#1d4ed8' : 'transparent'};display:grid;place-items:center;height:${size}px">
       <div style="width:${inner}px;height:${inner}px">${svg.replace('<svg ', `<svg width="${inner}" height="${inner}" `)}</div></body>`
  );
  await page.screenshot({ path: `static/icons/${file}`, omitBackground: !maskable });
}

await render(192, 'icon-192.png', false);
await render(512, 'icon-512.png', false);
await render(512, 'icon-maskable-512.png', true);
await browser.close();
