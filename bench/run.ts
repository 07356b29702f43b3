/**
 * `npm run bench`: measures the production build in headless Chromium and writes
 * docs/performance.md and bench/results.json. `npm run bench` builds first (bench/vite.bench.config.ts:
 * the production config plus hidden source maps); `tsx bench/run.ts` alone measures the build there is.
 * `--quick` runs every step with fewer repetitions, to try the script out. `--only bytes,lighthouse`
 * runs only the parts named (of compile, bytes, lighthouse, import, draft, seeded, sync, server, classes) and prints their figures
 * instead of writing the report, for checking one change quickly.
 *
 * Everything seeded lives in this run's own browser profiles (temporary folders, deleted at the end)
 * and the harness is served beside build/, never from it, so none of it is in the app or its precache.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/browser';
import { writePackage } from '../tools/anki-package-writer';
import { benchCollection } from '../tools/make-anki-fixtures';
import { CATEGORIES, splitFile, type Split } from './attribute';
import { benchCompile } from './compile';
import { firstLoad, gzipSize, total, type Download } from './first-load';
import { buildHarness } from './harness/build';
import type { FactdeckBench } from './harness/harness';
import { runLighthouse, type LighthouseResult } from './lighthouse';
import { bytesTable, classTable, compactResults, lighthouseTable, serverTable, syncTable, writeReport } from './report';
import { startServer } from './server';
import { benchServer, postgres, type LoadRun } from './server-load';
import { benchClassDashboard, type DashboardRun } from './class-dashboard';
import { summarize, type Summary } from './summary';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILD = path.join(ROOT, 'build');
const TMP = path.join(ROOT, 'bench', 'tmp');
const MAPS = path.join(TMP, 'maps');
const PORT = Number(process.env.BENCH_PORT ?? 4637);
const CHROMIUM = CHROMIUM_PATH;
const QUICK = process.argv.includes('--quick');
const PARTS = ['compile', 'bytes', 'lighthouse', 'import', 'draft', 'seeded', 'sync', 'server', 'classes'] as const;
type Part = (typeof PARTS)[number];
const ONLY = onlyParts(process.argv);

/** How many times each figure is measured. */
const N = QUICK
  ? {
      baseline: 100,
      raw: 50,
      queue: 5,
      grades: 40,
      warmup: 5,
      parts: 40,
      stats: 2,
      statsPage: 1,
      compile: 2,
      lighthouse: 1,
      draft: 2
    }
  : {
      baseline: 1000,
      raw: 200,
      queue: 20,
      grades: 200,
      warmup: 10,
      parts: 200,
      stats: 5,
      statsPage: 3,
      compile: 7,
      lighthouse: 3,
      draft: 7
    };
const IMPORT_CARDS = 50_000;
const COMPILE_CARDS = 10_000;
const DRAFT_WORDS = 2_000;
const HOME = '/';
const DECK_PAGE = '/decks/world-capitals';
const STUDY_PAGE = '/decks/world-capitals/study';

const started = Date.now();
const log = (message: string) =>
  console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

declare global {
  interface Window {
    /** Set by `installProbe`: resolves with the timings of the next grade. */
    __gradeProbe?: Promise<GradeTiming>;
    __armProbe?: () => void;
  }
}

interface GradeTiming {
  /** Keydown to the next card's question in the DOM. */
  dom: number;
  /** Keydown to the start of the frame that paints it (requestAnimationFrame). */
  frame: number;
  /** Keydown to after that frame (a task queued from the frame callback). */
  painted: number;
}

/** A persistent profile in a temporary folder, removed by `close`. */
async function profile(): Promise<{ context: BrowserContext; page: Page; close: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'factdeck-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 390, height: 844 }
  });
  // tsx names functions with a helper the page does not have.
  await context.addInitScript('globalThis.__name = (f) => f');
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Opens a page of the app that does little (the app shell's "Not found") and loads the harness into it. */
async function openHarness(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/bench-harness`);
  await page.locator('html[data-ready]').waitFor({ state: 'attached' });
  await page.addScriptTag({ url: '/__bench/harness.js', type: 'module' });
  await page.locator('html[data-bench-ready]').waitFor({ state: 'attached' });
}

/** The parts named by `--only a,b` (null: every part). */
function onlyParts(argv: string[]): Set<Part> | null {
  const at = argv.indexOf('--only');
  if (at < 0) return null;
  const names = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !(PARTS as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length)
    throw new Error(`--only takes a comma list of ${PARTS.join(', ')}; got "${argv[at + 1] ?? ''}"`);
  return new Set(names as Part[]);
}

const runs = (part: Part) => ONLY === null || ONLY.has(part);

// ---------------------------------------------------------------------------------------------------

/**
 * Moves the build's source maps to MAPS. A second run on the same build finds none to move and keeps
 * the maps the first run moved (built files are named by content hash, so they still match).
 */
function moveSourceMaps(): number {
  const maps: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (name.endsWith('.map')) maps.push(file);
    }
  };
  walk(BUILD);
  if (maps.length === 0) return 0;
  rmSync(MAPS, { recursive: true, force: true });
  for (const file of maps) {
    const to = path.join(MAPS, path.relative(BUILD, file));
    mkdirSync(path.dirname(to), { recursive: true });
    renameSync(file, to);
  }
  return maps.length;
}

interface PageBytes {
  url: string;
  /** The prerendered page itself, stylesheets inlined. */
  html: { bytes: number; gzip: number };
  js: { bytes: number; gzip: number; split: Split };
  css: { bytes: number; gzip: number };
  files: (Download & { split?: Split })[];
}

async function measureFirstLoad(base: string, url: string): Promise<PageBytes> {
  const { context, close } = await profile();
  try {
    const files: PageBytes['files'] = await firstLoad(context, base + url, BUILD);
    const split: Split = { framework: 0, dexie: 0, 'workbox-window': 0, other: 0 };
    for (const file of files.filter((f) => f.type === 'js')) {
      const rel = file.path.slice(1);
      file.split = splitFile(path.join(BUILD, rel), rel, file.gzip, MAPS, path.join(ROOT, '.svelte-kit/output/client'));
      for (const c of CATEGORIES) split[c] += file.split[c];
    }
    for (const c of CATEGORIES) split[c] = Math.round(split[c]);
    const page = readFileSync(path.join(BUILD, url === '/' ? 'index.html' : `${url.slice(1)}.html`));
    const html = { bytes: page.length, gzip: gzipSize(page) };
    return { url, html, js: { ...total(files, 'js'), split }, css: total(files, 'css'), files };
  } finally {
    await close();
  }
}

/** A CSV of `cards` rows (front, back), about 50 bytes a row. */
function importCsv(cards: number): string {
  const rows = ['front,back'];
  for (let i = 0; i < cards; i++) rows.push(`"Question ${i + 1}: what is the capital of region ${i}?",City ${i * 7}`);
  return rows.join('\r\n') + '\r\n';
}

async function measureImport(base: string) {
  const csv = importCsv(IMPORT_CARDS);
  const { page, close } = await profile();
  try {
    await page.goto(`${base}/import`);
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    const t0 = Date.now();
    await page.locator('#import-file').setInputFiles({
      name: 'bench-50k.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv)
    });
    await page.getByTestId('import-summary').waitFor({ timeout: 300_000 });
    const preview = Date.now() - t0;
    const summary = (await page.getByTestId('import-summary').innerText()).replace(/\s+/g, ' ');
    const t1 = Date.now();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/decks\/[^/]+$/, { timeout: 300_000 });
    await page.locator('h1').waitFor();
    const save = Date.now() - t1;
    // The parts on their own, in the same (now non-empty) profile: parsing on the main thread and saving.
    await openHarness(page, base);
    const parts = await page.evaluate((text) => window.factdeckBench.importParts(text), csv);
    return { cards: IMPORT_CARDS, bytes: csv.length, preview, save, summary, parts };
  } finally {
    await close();
  }
}

/**
 * A 2,000-word article of the drafting tests' own texts (news, a second news piece, an encyclopedia
 * entry), paragraphs repeated in turn until it has 2,000 words.
 */
function draftBenchArticle(): string {
  const dir = path.join(ROOT, 'src/lib/domain/draft/fixtures');
  const texts = ['port-ellis-barrier.txt', 'lakeshore-phones.txt', 'eiffel-tower-encyclopedia.txt'];
  const paragraphs = texts.flatMap((name) =>
    readFileSync(path.join(dir, name), 'utf8')
      .trim()
      .split(/\n\s*\n/)
  );
  const out: string[] = [];
  let words = 0;
  for (let i = 0; words < DRAFT_WORDS; i++) {
    const p = paragraphs[i % paragraphs.length].split(/\s+/);
    const take = p.slice(0, DRAFT_WORDS - words);
    out.push(take.join(' '));
    words += take.length;
  }
  return out.join('\n\n');
}

/** Drafting a 2,000-word article, each time in a fresh page: cold (loading the engine) and warm. */
async function measureDraft(base: string) {
  const text = draftBenchArticle();
  const { page, close } = await profile();
  try {
    const runs: { cold: number; warm: number; cards: number; words: number }[] = [];
    for (let i = 0; i < N.draft; i++) {
      await openHarness(page, base);
      runs.push(await page.evaluate((t) => window.factdeckBench.draft(t), text));
    }
    return { words: runs[0].words, cards: runs[0].cards, cold: runs.map((r) => r.cold), warm: runs.map((r) => r.warm) };
  } finally {
    await close();
  }
}

/** The Anki package measured: notes with images, written by the fixture tool (current format). */
const ANKI = { notes: 10_000, images: 500 };

async function measureAnkiImport(base: string) {
  const file = path.join(TMP, `anki-${ANKI.notes}-notes-${ANKI.images}-images.apkg`);
  if (!existsSync(file)) {
    log(`writing the package with tools/anki-package-writer.ts (once; kept in ${path.relative(ROOT, TMP)})`);
    const { collection, media } = benchCollection(ANKI.notes, ANKI.images);
    writeFileSync(file, await writePackage({ format: 'latest', collection, media }));
  }
  const buffer = readFileSync(file);
  const { page, close } = await profile();
  try {
    await page.goto(`${base}/import`);
    await page.locator('html[data-ready]').waitFor({ state: 'attached' });
    const t0 = Date.now();
    await page.locator('#import-file').setInputFiles({
      name: 'bench-anki.apkg',
      mimeType: 'application/octet-stream',
      buffer
    });
    await page.getByTestId('import-summary').waitFor({ timeout: 300_000 });
    const preview = Date.now() - t0;
    const summary = (await page.getByTestId('import-summary').innerText()).replace(/\s+/g, ' ');
    const t1 = Date.now();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(/\/decks\/[^/]+$/, { timeout: 300_000 });
    await page.locator('h1').waitFor();
    const save = Date.now() - t1;
    return { ...ANKI, bytes: buffer.length, preview, save, summary };
  } finally {
    await close();
  }
}

/** Installs the grade probe in the study page: keydown of "3" (capture phase) to the next card painted. */
async function installProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__armProbe = () => {
      window.__gradeProbe = new Promise<GradeTiming>((resolve) => {
        const shown = document.querySelector('article[aria-label="Card"]');
        let t0: number | null = null;
        const onKey = (e: KeyboardEvent) => {
          if (e.key !== '3') return;
          t0 = performance.now();
          window.removeEventListener('keydown', onKey, true);
        };
        window.addEventListener('keydown', onKey, true);
        const observer = new MutationObserver(() => {
          const question = document.querySelector('article[aria-label="Card"] .question');
          if (t0 === null || !question || question.closest('article') === shown || !question.textContent?.trim())
            return;
          const start = t0;
          const dom = performance.now() - start;
          observer.disconnect();
          requestAnimationFrame(() => {
            const frame = performance.now() - start;
            setTimeout(() => resolve({ dom, frame, painted: performance.now() - start }), 0);
          });
        });
        observer.observe(document.querySelector('main')!, { childList: true, subtree: true, characterData: true });
      });
    };
  });
}

/**
 * Grades `count` cards on the study page: Space shows the answer, then "3" (Good) is pressed and
 * held until the next card is on screen, as a person's keypress lasts longer than that.
 */
async function gradeCards(page: Page, count: number): Promise<GradeTiming[]> {
  const timings: GradeTiming[] = [];
  for (let i = 0; i < count; i++) {
    await page.getByRole('button', { name: 'Show answer' }).waitFor();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Good', exact: true }).waitFor();
    await page.evaluate(() => window.__armProbe!());
    await page.keyboard.down('3');
    timings.push(await page.evaluate(() => window.__gradeProbe!));
    await page.keyboard.up('3');
  }
  return timings;
}

/** The same raw put + add transaction as the baseline, but started from a real keypress (the input floor). */
async function keyTransactionFloor(page: Page, count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    await page.evaluate(() => window.factdeckBench.armKeyTransaction());
    await page.keyboard.down('3');
    times.push(await page.evaluate(() => window.factdeckBench.keyTransaction()));
    await page.keyboard.up('3');
    await page.waitForTimeout(20);
  }
  return times;
}

async function measureSeeded(base: string) {
  const { page, close } = await profile();
  const out: Record<string, unknown> = {};
  try {
    // The app creates (or upgrades) its database on the first page; the harness opens it after.
    await openHarness(page, base);

    log(`baseline: raw put + add transaction on a fresh database, ${N.baseline} times`);
    const baseline = await page.evaluate((n) => window.factdeckBench.baselineTransaction(n), N.baseline);
    log(`input floor: the same transaction started by a real keypress, ${N.parts} times`);
    const keyFloor = await keyTransactionFloor(page, N.parts);

    const now = Date.now();
    const mix = await page.evaluate(() => window.factdeckBench.seedMix());
    log(`seeding: one imported deck of 100,000 cards, ${mix.studied + mix.new} card states, 200,000 review log rows`);
    await page.evaluate((at) => window.factdeckBench.seedDeck(at), now);
    const t0 = Date.now();
    for (let from = 0, states = 0, logs = 0; from < 100_000; from += 10_000) {
      const r = await page.evaluate(([f, at]) => window.factdeckBench.seedChunk(f, f + 10_000, at), [from, now]);
      states += r.states;
      logs += r.logs;
      log(`  seeded ${states.toLocaleString('en')} card states, ${logs.toLocaleString('en')} log rows`);
    }
    const counts = await page.evaluate(() => window.factdeckBench.counts());
    out.seed = { mix, counts, seconds: (Date.now() - t0) / 1000 };

    log(`raw indexed range query for 50 rows, ${N.raw} times`);
    const raw = await page.evaluate((n) => window.factdeckBench.rawRangeQuery(n), N.raw);

    log(`due queue for the 100,000-card deck, ${N.queue} times`);
    const queue = await page.evaluate((n) => window.factdeckBench.dueQueue(n), N.queue);
    const fullRead = await page.evaluate((n) => window.factdeckBench.dueQueueFullRead(n), Math.min(N.queue, 5));

    log(`statistics over 200,000 review log rows, ${N.stats} times`);
    const stats = await page.evaluate((n) => window.factdeckBench.stats(n), N.stats);
    const rawLogs = await page.evaluate((n) => window.factdeckBench.rawLogsRead(n), N.stats);

    log('study page: loading the 100,000-card deck');
    const t1 = Date.now();
    await page.goto(`${base}/decks/bench-100k/study`);
    await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 120_000 });
    const studyLoad = Date.now() - t1;
    const counts0 = await page.locator('p.counts').innerText();
    await installProbe(page);
    log(`grade to next card: ${N.warmup} warm-up grades, then ${N.grades}`);
    await gradeCards(page, N.warmup);
    const grades = await gradeCards(page, N.grades);
    const counts1 = await page.locator('p.counts').innerText();

    log(`stats page with 200,000 review log rows, ${N.statsPage} times`);
    const statsPage: number[] = [];
    for (let i = 0; i < N.statsPage; i++) {
      const t = Date.now();
      await page.goto(`${base}/stats`);
      await page.getByTestId('reviews-today').waitFor({ timeout: 120_000 });
      statsPage.push(Date.now() - t);
    }

    log(`input floor on the study page: a raw transaction started by a keypress, ${N.parts} times`);
    await page.goto(`${base}/decks/bench-100k/study`);
    await page.getByRole('button', { name: 'Show answer' }).waitFor({ timeout: 120_000 });
    await page.addScriptTag({ url: '/__bench/harness.js', type: 'module' });
    await page.locator('html[data-bench-ready]').waitFor({ state: 'attached' });
    const keyFloorStudy = await keyTransactionFloor(page, N.parts);

    log(`parts of a grade on their own: the transaction, the queue rebuild, ${N.parts} times each`);
    await openHarness(page, base);
    const gradeOnly = await page.evaluate((n) => window.factdeckBench.gradeOnly(n, 60), N.parts);
    const rebuild = await page.evaluate((n) => window.factdeckBench.rebuildOnly(n), N.parts);

    log('restoring a backup of all 200,000 reviews ("Replace everything")');
    const restore = await page.evaluate((at) => window.factdeckBench.restoreEverything(at), now);

    Object.assign(out, {
      restore,
      baseline,
      keyFloor,
      keyFloorStudy,
      raw,
      queue,
      fullRead,
      stats,
      rawLogs,
      studyLoad,
      counts: [counts0, counts1],
      grades,
      statsPage,
      gradeOnly,
      rebuild
    });
    return out as {
      baseline: number[];
      keyFloor: number[];
      keyFloorStudy: number[];
      raw: { times: number[]; rows: number };
      queue: Awaited<ReturnType<FactdeckBench['dueQueue']>>;
      fullRead: { read: number[]; build: number[] };
      stats: Awaited<ReturnType<FactdeckBench['stats']>>;
      rawLogs: { times: number[]; rows: number };
      studyLoad: number;
      counts: string[];
      grades: GradeTiming[];
      statsPage: number[];
      gradeOnly: number[];
      rebuild: { session: number[]; full: number[] };
      seed: { mix: Record<string, number>; counts: Record<string, number>; seconds: number };
      restore: Awaited<ReturnType<FactdeckBench['restoreEverything']>>;
    };
  } finally {
    await close();
  }
}

/** Sync's work on a device with the seeded 200,000 reviews: turning it on, grading, a fresh device joining. */
async function measureSync(base: string) {
  const { page, close } = await profile();
  try {
    await openHarness(page, base);
    const now = Date.now();
    log('sync: seeding the 100,000-card deck and 200,000 review log rows again, in a profile of its own');
    await page.evaluate((at) => window.factdeckBench.seedDeck(at), now);
    for (let from = 0; from < 100_000; from += 10_000)
      await page.evaluate(([f, at]) => window.factdeckBench.seedChunk(f, f + 10_000, at), [from, now]);
    log(`sync: turning sync on, ${N.parts} grades with it on, then a fresh device joining`);
    return await page.evaluate((n) => window.factdeckBench.syncFirst(n), N.parts);
  } finally {
    await close();
  }
}

interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  os: string;
  node: string;
  chromium: string;
  loadAverageAtStart: number[];
  loadAverageAtEnd?: number[];
}

function machine(): Machine {
  const cpus = os.cpus();
  let chromiumVersion = 'unknown';
  try {
    chromiumVersion = execFileSync(CHROMIUM, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    }).trim();
  } catch {
    /* reported as unknown */
  }
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    chromium: chromiumVersion,
    loadAverageAtStart: os.loadavg().map((n) => Number(n.toFixed(2)))
  };
}

async function main() {
  if (!existsSync(path.join(BUILD, 'index.html'))) throw new Error('No build: run `npm run bench` (it builds first).');
  const env = machine();
  mkdirSync(TMP, { recursive: true });
  const maps = moveSourceMaps();
  log(`moved ${maps} source maps out of build/ (used only to attribute bytes)`);
  if (maps === 0 && !existsSync(MAPS))
    log('warning: no source maps; every byte will count as "other" (build with bench/vite.bench.config.ts)');
  else if (maps === 0) log('no source maps in build/: using those moved by an earlier run on this build');

  log('bundling the benchmark harness (served beside build/, not from it)');
  const harnessDir = path.join(TMP, 'harness');
  if (runs('import') || runs('draft') || runs('seeded') || runs('sync')) await buildHarness(ROOT, harnessDir);
  else mkdirSync(harnessDir, { recursive: true });

  let compile: BenchResults['compile'] | undefined;
  if (runs('compile')) {
    log(`deck compile: ${COMPILE_CARDS.toLocaleString('en')} generated cards in Node, ${N.compile} times`);
    compile = await benchCompile(COMPILE_CARDS, N.compile);
  }

  const server = await startServer(BUILD, harnessDir, PORT);
  log(`serving build/ at ${server.base}`);
  try {
    let bytes: PageBytes[] | undefined;
    if (runs('bytes')) {
      log('first-load bytes: home and study pages in fresh profiles');
      bytes = [await measureFirstLoad(server.base, HOME), await measureFirstLoad(server.base, STUDY_PAGE)];
    }

    let lighthouse: Record<string, LighthouseResult[]> | undefined;
    if (runs('lighthouse')) {
      lighthouse = {};
      for (const url of [HOME, DECK_PAGE, STUDY_PAGE]) {
        lighthouse[url] = [];
        for (let i = 0; i < N.lighthouse; i++) {
          log(`Lighthouse ${url} (${i + 1} of ${N.lighthouse})`);
          lighthouse[url].push(await runLighthouse(server.base + url, CHROMIUM));
        }
      }
    }

    let imported: BenchResults['imported'] | undefined;
    if (runs('import')) {
      log(`import: previewing and importing a ${IMPORT_CARDS.toLocaleString('en')}-card CSV on /import`);
      imported = await measureImport(server.base);
      log(`import: an Anki package of ${ANKI.notes.toLocaleString('en')} notes and ${ANKI.images} images`);
      imported.anki = await measureAnkiImport(server.base);
    }

    let drafted: BenchResults['drafted'] | undefined;
    if (runs('draft')) {
      log(`drafting: a ${DRAFT_WORDS.toLocaleString('en')}-word article, ${N.draft} times, each in a fresh page`);
      drafted = await measureDraft(server.base);
    }

    const seeded = runs('seeded') ? await measureSeeded(server.base) : undefined;
    const sync = runs('sync') ? await measureSync(server.base) : undefined;

    let serverLoad: LoadRun[] | undefined;
    if (runs('server')) {
      const port = Number(process.env.BENCH_SERVER_PORT ?? PORT + 1);
      serverLoad = await benchServer({ root: ROOT, port, quick: QUICK, log });
    }
    let classDashboard: DashboardRun[] | undefined;
    if (runs('classes')) {
      const cluster = postgres(ROOT, Number(process.env.BENCH_SERVER_PORT ?? PORT + 1) + 2, log);
      try {
        classDashboard = await benchClassDashboard({ postgresUrl: cluster?.url ?? null, quick: QUICK, log });
      } finally {
        cluster?.stop();
      }
    }
    env.loadAverageAtEnd = os.loadavg().map((n) => Number(n.toFixed(2)));

    if (ONLY) {
      printParts({
        compile,
        bytes,
        lighthouse,
        imported,
        drafted,
        seeded,
        sync,
        server: serverLoad,
        classes: classDashboard
      });
      return;
    }
    const results = {
      generatedAt: new Date().toISOString(),
      quick: QUICK,
      machine: env,
      compile: compile!,
      bytes: bytes!,
      lighthouse: lighthouse!,
      imported: imported!,
      drafted: drafted!,
      seeded: seeded!,
      sync,
      server: serverLoad,
      classes: classDashboard
    };
    const written = await writeReport(ROOT, results);
    log(`wrote ${written.map((f) => path.relative(ROOT, f)).join(' and ')}`);
  } finally {
    await server.close();
  }
}

/** For `--only`: the figures of the parts that ran, on stdout; docs/performance.md is left alone. */
function printParts(parts: Partial<Omit<BenchResults, 'generatedAt' | 'quick' | 'machine'>>): void {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  if (parts.bytes) {
    console.log(['', ...bytesTable(parts.bytes)].join('\n'));
    for (const p of parts.bytes) {
      console.log(`${p.url}: JS files, gzip (framework / dexie / workbox-window / everything else)`);
      for (const f of p.files.filter((x) => x.type === 'js'))
        console.log(
          `  ${f.path}  ${kb(f.gzip)}` + (f.split ? `  (${CATEGORIES.map((c) => kb(f.split![c])).join(' / ')})` : '')
        );
    }
  }
  if (parts.lighthouse) {
    console.log(['', ...lighthouseTable(parts.lighthouse)].join('\n'));
    for (const [url, results] of Object.entries(parts.lighthouse))
      for (const r of results)
        console.log(
          `${url}: ${r.failing.map((f) => `${f.id} ${f.score.toFixed(2)}`).join(', ') || 'no audit below 1'}`
        );
  }
  if (parts.sync) console.log(['', ...syncTable(parts.sync, parts.server)].join('\n'));
  if (parts.server) console.log(['', ...serverTable(parts.server)].join('\n'));
  if (parts.classes) console.log(['', ...classTable(parts.classes)].join('\n'));
  const rest = { compile: parts.compile, imported: parts.imported, drafted: parts.drafted, seeded: parts.seeded };
  for (const [name, value] of Object.entries(rest))
    if (value) console.log(`\n${name}:`, JSON.stringify(compactResults(value), null, 2));
}

export type BenchResults = {
  generatedAt: string;
  quick: boolean;
  machine: Machine;
  compile: Awaited<ReturnType<typeof benchCompile>>;
  bytes: PageBytes[];
  lighthouse: Record<string, LighthouseResult[]>;
  imported: Awaited<ReturnType<typeof measureImport>> & { anki?: Awaited<ReturnType<typeof measureAnkiImport>> };
  drafted: Awaited<ReturnType<typeof measureDraft>>;
  seeded: Awaited<ReturnType<typeof measureSeeded>>;
  sync?: Awaited<ReturnType<typeof measureSync>>;
  server?: LoadRun[];
  classes?: DashboardRun[];
};
export type { PageBytes, GradeTiming, Summary };
export { summarize };

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
