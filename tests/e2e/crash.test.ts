/**
 * Crash mid-write: grades are written as fast as the page allows while the tab is closed or the
 * whole browser is killed, 20 times on one profile. After every crash each card state must match its
 * review log (the log row and the state are written in one transaction), and no grade the page had
 * shown as saved may be missing.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { firstPage, open, Profile, readStore } from './browser';

const base = inject('baseUrl');
const RUNS = 20;
const DECKS = [
  'world-capitals',
  'venezuela-iran-key-facts',
  'venezuela-iran-self-test',
  'venezuela-iran-critical-reading'
];
const FIELDS = ['due', 'stability', 'difficulty', 'reps', 'lapses', 'state', 'learningSteps', 'lastReview'] as const;

type Fields = Record<(typeof FIELDS)[number], number | null>;
type StateRow = Fields & { deckId: string; cardId: string };
interface LogRow {
  id: string;
  deckId: string;
  cardId: string;
  reviewedAt: number;
  after: Fields;
}

/** Every way the stored rows break "a card state is exactly what its review log says". */
function invariantProblems(states: StateRow[], logs: LogRow[]): string[] {
  const key = (r: { deckId: string; cardId: string }) => `${r.deckId}/${r.cardId}`;
  const logsByCard = new Map<string, LogRow[]>();
  for (const log of logs) logsByCard.set(key(log), [...(logsByCard.get(key(log)) ?? []), log]);
  const problems: string[] = [];
  for (const s of states) {
    const rows = (logsByCard.get(key(s)) ?? []).sort((a, b) => a.reviewedAt - b.reviewedAt || (a.id < b.id ? -1 : 1));
    if (s.reps !== rows.length) problems.push(`${key(s)}: reps ${s.reps}, ${rows.length} log rows`);
    const newest = rows.at(-1);
    const differs = newest && FIELDS.filter((f) => s[f] !== newest.after[f]);
    if (differs?.length) problems.push(`${key(s)}: ${differs.join(', ')} differ from the newest log row`);
  }
  const stateKeys = new Set(states.map(key));
  for (const k of logsByCard.keys()) if (!stateKeys.has(k)) problems.push(`${k}: log rows but no state`);
  return problems;
}

/** The browser's own process and all it started, found by the profile directory only this test uses. */
function browserProcesses(profile: string): { main: number | undefined; all: number[] } {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => !!m)
    .map(([, pid, ppid, args]) => ({ pid: Number(pid), ppid: Number(ppid), args }));
  const main = rows.find((r) => r.args.includes(`--user-data-dir=${profile}`) && !r.args.includes('--type='))?.pid;
  const all = new Set(main ? [main] : []);
  for (let grew = true; grew;) {
    grew = false;
    for (const r of rows)
      if (all.has(r.ppid) && !all.has(r.pid)) {
        all.add(r.pid);
        grew = true;
      }
  }
  return { main, all: [...all] };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Starts grading in the page as fast as it will go: show the answer, pick a grade (mostly Again and
 * Hard, so cards keep coming back), wait for the next card. Each grade the page confirms is reported
 * to the test through `__graded`. Runs until the page dies.
 */
function startGrading(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __graded: (n: number) => void };
    const tick = () => new Promise((r) => setTimeout(r, 0));
    const button = (label: string) =>
      [...document.querySelectorAll('button')].find(
        (b) => b.getAttribute('aria-label') === label || b.textContent?.trim() === label
      );
    void (async () => {
      let confirmed = 0;
      for (;;) {
        const reveal = button('Show answer');
        const grade = button(['Again', 'Hard', 'Again', 'Good'][Math.floor(Math.random() * 4)]);
        if (reveal) reveal.click();
        else if (grade) {
          grade.click();
          // Saved: the next card is on screen and no error is shown.
          while (!button('Show answer') && !document.querySelector('[role="alert"]')) await tick();
          if (document.querySelector('[role="alert"]')) return;
          void w.__graded(++confirmed);
        }
        await tick();
      }
    })();
  });
}

describe('crash mid-write', () => {
  const profile = new Profile();
  afterAll(() => profile.remove());

  /** Kills the browser process the way the system would (SIGKILL), and waits until all it started is gone. */
  async function killBrowser(context: BrowserContext) {
    const { main, all } = browserProcesses(profile.dir);
    if (!main) throw new Error('the browser process was not found');
    const closed = new Promise((resolve) => context.once('close', resolve));
    process.kill(main, 'SIGKILL');
    await closed;
    await expect.poll(() => all.filter(alive), { timeout: 10_000 }).toEqual([]);
  }

  // About a minute on two cores; the limit leaves room for a slower machine.
  test(
    `closing the tab or killing the browser ${RUNS} times while grading: every state matches its log`,
    { timeout: 240_000 },
    async () => {
      const figures = { runs: 0, tabClosed: 0, browserKilled: 0, confirmed: 0, stored: 0, inFlightStored: 0 };
      let expectedAtLeast = 0;
      const started = Date.now();
      for (let run = 0; run <= RUNS; run++) {
        const context = await profile.launch();
        const page = await firstPage(context);
        let confirmed = 0;
        await page.exposeFunction('__graded', (n: number) => (confirmed = n));
        const deck = DECKS[run % DECKS.length];
        await open(page, `${base}/decks/${deck}/study`);
        await page.getByRole('button', { name: 'Show answer' }).waitFor();

        // What the last crash left behind.
        const [states, logs, buckets] = await Promise.all([
          readStore<StateRow>(page, 'cardStates'),
          readStore<LogRow>(page, 'reviewLogs'),
          readStore<{ reviews: number }>(page, 'reviewBuckets')
        ]);
        expect(invariantProblems(states, logs), `after crash ${run}`).toEqual([]);
        // The stats page's sums were written with the log, or not at all.
        expect(
          buckets.reduce((n, b) => n + b.reviews, 0),
          `review buckets after crash ${run}`
        ).toBe(logs.length);
        // Every grade the page showed as saved is there; some written just as it crashed may be too.
        expect(logs.length, `after crash ${run}`).toBeGreaterThanOrEqual(expectedAtLeast);
        figures.inFlightStored += logs.length - expectedAtLeast;
        figures.stored = logs.length;
        if (run === RUNS) {
          await context.close();
          break;
        }

        // Grade until a random number of grades has been confirmed, then crash while the next is written.
        const target = 2 + Math.floor(Math.random() * 12);
        await startGrading(page);
        await expect.poll(() => confirmed, { timeout: 20_000, interval: 5 }).toBeGreaterThanOrEqual(target);
        if (run % 2 === 0) {
          await page.close();
          figures.tabClosed++;
          await context.close();
        } else {
          await killBrowser(context);
          figures.browserKilled++;
        }
        figures.runs++;
        figures.confirmed += confirmed;
        expectedAtLeast = logs.length + confirmed;
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`crash test: ${JSON.stringify({ ...figures, seconds })}`);
      expect(figures.runs).toBe(RUNS);
      expect(figures.stored).toBeGreaterThanOrEqual(figures.confirmed);
    }
  );
});
