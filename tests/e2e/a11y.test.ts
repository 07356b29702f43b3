import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open, readStore } from './browser';

const base = inject('baseUrl');
const DECK = 'world-capitals';
const SOURCE = 'leiroz-2020-venezuela-iran';
// WCAG 2.2 levels A and AA: every rule axe tags with one of these.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const SIZES = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 800 } } as const;
type Theme = 'light' | 'dark';

/** One screen to check: how to get there from anywhere. */
interface Screen {
  name: string;
  visit: (page: Page) => Promise<void>;
}

async function reveal(page: Page) {
  await page.getByRole('article', { name: 'Card' }).waitFor();
  await page.getByRole('button', { name: 'Show answer' }).click();
  await page.getByRole('button', { name: 'Good', exact: true }).waitFor();
}

/** Answers the question on screen (any type) and waits for the feedback. */
async function answerQuestion(page: Page, n: number) {
  const article = page.getByRole('article', { name: `Question ${n}` });
  await article.waitFor();
  const prompts = article.getByRole('group', { name: 'Prompts' });
  if (await article.getByRole('group', { name: /^(Options|True or false)$/ }).isVisible()) {
    await page.keyboard.press('1');
  } else if (await prompts.isVisible()) {
    // Nothing is chosen for the learner: each pair is a prompt, then an answer.
    const answers = article.getByRole('group', { name: 'Answers' }).getByRole('button');
    const n = await prompts.getByRole('button').count();
    for (let k = 0; k < n; k++) {
      await prompts.getByRole('button').nth(k).click();
      await answers.nth(k).click();
    }
    await article.getByRole('button', { name: 'Check matches' }).click();
  } else {
    await article.getByLabel('Your answer').fill('Canberra');
    await article.getByLabel('Your answer').press('Enter');
  }
  await page.getByTestId('quiz-feedback').waitFor();
}

async function startQuiz(page: Page, count: string) {
  await open(page, `${base}/decks/${DECK}/quiz`);
  await page.getByRole('radio', { name: count, exact: true }).check();
  await page.getByRole('button', { name: 'Start quiz' }).click();
}

const SCREENS: Screen[] = [
  { name: 'home', visit: (page) => open(page, `${base}/`) },
  {
    name: 'home, keyboard shortcuts open',
    visit: async (page) => {
      await open(page, `${base}/`);
      await page.keyboard.press('?');
      await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    }
  },
  { name: 'deck', visit: (page) => open(page, `${base}/decks/${DECK}`) },
  {
    name: 'study, question',
    visit: async (page) => {
      await open(page, `${base}/decks/${DECK}/study`);
      await page.getByRole('article', { name: 'Card' }).waitFor();
    }
  },
  {
    name: 'study, answer shown',
    visit: async (page) => {
      await open(page, `${base}/decks/${DECK}/study`);
      await reveal(page);
    }
  },
  {
    name: 'quiz, setup',
    visit: async (page) => {
      await open(page, `${base}/decks/${DECK}/quiz`);
      await page.getByRole('button', { name: 'Start quiz' }).waitFor();
    }
  },
  {
    name: 'quiz, feedback shown',
    visit: async (page) => {
      await startQuiz(page, '5');
      await answerQuestion(page, 1);
    }
  },
  {
    name: 'quiz, results',
    visit: async (page) => {
      await startQuiz(page, '5');
      for (let n = 1; n <= 5; n++) {
        await answerQuestion(page, n);
        await page.getByRole('button', { name: /^(Continue|See results)$/ }).click();
      }
      await page.getByRole('heading', { name: 'Every question' }).waitFor();
    }
  },
  {
    name: 'source',
    visit: async (page) => {
      await open(page, `${base}/sources/${SOURCE}`);
      await page.getByRole('heading', { name: 'Paragraph map' }).waitFor();
    }
  },
  { name: 'import', visit: (page) => open(page, `${base}/import`) },
  {
    name: 'import, preview',
    visit: async (page) => {
      await open(page, `${base}/import`);
      await page
        .getByLabel('Or paste the cards here')
        .fill('front,back\nCapital of France,Paris\nCapital of Peru,Lima');
      await page.getByRole('button', { name: 'Preview' }).click();
      await page.getByTestId('import-summary').waitFor();
    }
  },
  {
    name: 'import, preview of a Latin-1 file, with its encoding notice',
    visit: async (page) => {
      await open(page, `${base}/import`);
      await page.locator('#import-file').setInputFiles({
        name: 'desserts.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('café;crème brûlée\n', 'latin1')
      });
      await page.getByTestId('import-encoding').waitFor();
    }
  },
  { name: 'new deck', visit: (page) => open(page, `${base}/decks/new`) },
  {
    name: 'new deck, a draft under review, one card open',
    visit: async (page) => {
      await open(page, `${base}/decks/new`);
      const article = page.getByRole('region', { name: 'From an article' });
      await article
        .getByRole('textbox', { name: 'Article text' })
        .fill('The bridge reopened on 3 June 2024.\n\nMayor Ana Silva said it "may well last a century".');
      await article.getByRole('button', { name: 'Draft cards' }).click();
      await page.getByRole('heading', { name: 'Review the draft' }).waitFor();
      await page.getByRole('listitem', { name: 'Draft card 1' }).getByRole('button', { name: /^Edit/ }).click();
    }
  },
  {
    name: 'card editor, one card open',
    visit: async (page) => {
      await open(page, `${base}/decks/${DECK}-copy/edit`);
      if (await page.getByRole('heading', { name: 'Not found' }).isVisible()) {
        await open(page, `${base}/decks/${DECK}`);
        await page.getByRole('button', { name: 'Make an editable copy' }).click();
        await page.waitForURL(`${base}/decks/${DECK}-copy/edit`);
      }
      await page.getByRole('button', { name: 'Edit card 1', exact: true }).click();
      await page.getByRole('button', { name: 'Save card' }).waitFor();
    }
  },
  {
    name: 'stats, tables open',
    visit: async (page) => {
      await open(page, `${base}/stats`);
      await page.getByTestId('reviews-today').waitFor();
      for (const summary of await page.locator('details > summary').all()) await summary.click();
    }
  },
  {
    name: 'cards',
    visit: async (page) => {
      await open(page, `${base}/cards`);
      await page.getByTestId('card-count').waitFor();
    }
  },
  {
    name: 'cards, one open',
    visit: async (page) => {
      await open(page, `${base}/cards?deck=${DECK}&state=learning`);
      await page.getByRole('list', { name: 'Cards' }).getByRole('button').first().click();
      await page.getByTestId('review-history').waitFor();
    }
  },
  {
    name: 'settings',
    visit: async (page) => {
      await open(page, `${base}/settings`);
      await page.getByRole('button', { name: 'Download backup' }).waitFor();
    }
  },
  {
    name: 'teach',
    visit: async (page) => {
      await open(page, `${base}/teach`);
      await page.getByRole('heading', { level: 1 }).waitFor();
    }
  },
  {
    name: 'join a class',
    visit: async (page) => {
      await open(page, `${base}/join`);
      await page.getByRole('textbox', { name: 'Class code' }).waitFor();
    }
  },
  {
    name: 'not found',
    visit: async (page) => {
      await open(page, `${base}/no/such/page`);
      await page.getByRole('heading', { name: 'Not found' }).waitFor();
    }
  }
];

/** WCAG contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const TEXT_COLOURS = ['fg', 'muted', 'accent', 'again', 'hard', 'good', 'easy', 'fact', 'claim', 'opinion'];
const EDGE_COLOURS = ['focus-color', 'control-border'];

/** Axe's violations, one readable paragraph each: rule, what it asks, and every element that fails. */
function report(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary ?? '').replace(/\s*\n\s*/g, ' ')}`)
          .join('\n')
    )
    .join('\n');
}

describe('accessibility: axe on every screen, both themes, phone and desktop', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext());
  });
  afterAll(() => close());

  test('some progress first, so stats, cards and deck pages show charts, states and history', async () => {
    await open(page, `${base}/decks/${DECK}/study`);
    for (let i = 0; i < 3; i++) {
      await reveal(page);
      await page.getByRole('button', { name: i === 0 ? 'Again' : 'Good', exact: true }).click();
      await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(i + 1);
    }
    await startQuiz(page, '5');
    for (let n = 1; n <= 5; n++) {
      await answerQuestion(page, n);
      await page.getByRole('button', { name: /^(Continue|See results)$/ }).click();
    }
    await expect.poll(async () => (await readStore(page, 'quizAttempts')).length).toBe(1);
  });

  /**
   * The theme as the system asks for it (Settings: System), or chosen in Settings with the system
   * asking for the other one: both ways of getting each theme must pass.
   */
  async function useTheme(theme: Theme, how: 'system' | 'chosen') {
    const other: Theme = theme === 'light' ? 'dark' : 'light';
    await page.emulateMedia({ colorScheme: how === 'system' ? theme : other });
    await open(page, `${base}/settings`);
    const label = how === 'system' ? 'System' : theme === 'light' ? 'Light' : 'Dark';
    await page.getByRole('radio', { name: label, exact: true }).check();
    await expect
      .poll(() => page.evaluate(() => document.documentElement.dataset.theme ?? 'system'))
      .toBe(how === 'system' ? 'system' : theme);
    // Saved before the page is left, or the next page would put the old theme back.
    const stored = async () =>
      (await readStore<{ key: string; value: { theme?: string } }>(page, 'settings')).find(
        (row) => row.key === 'preferences'
      )?.value.theme ?? 'system';
    await expect.poll(stored).toBe(how === 'system' ? 'system' : theme);
  }

  // Axe measures the colours on screen; this covers every pair a palette can put together, shown or not.
  test.each(['light', 'dark'] as const)(
    '%s palette: text 4.5:1, focus ring and field edges 3:1, the same chosen or from the system',
    async (theme) => {
      const palette = () =>
        page.evaluate(
          (names) => {
            const style = getComputedStyle(document.documentElement);
            return Object.fromEntries(names.map((n) => [n, style.getPropertyValue(`--${n}`).trim()]));
          },
          ['bg', 'surface', 'accent-fg', ...TEXT_COLOURS, ...EDGE_COLOURS]
        );
      await useTheme(theme, 'system');
      const colours = await palette();
      await useTheme(theme, 'chosen');
      expect(await palette()).toEqual(colours);

      const low: string[] = [];
      const check = (fg: string, bg: string, min: number) => {
        const ratio = contrast(colours[fg], colours[bg]);
        if (ratio < min) low.push(`--${fg} on --${bg}: ${ratio.toFixed(2)} (needs ${min})`);
      };
      for (const bg of ['bg', 'surface']) {
        for (const fg of TEXT_COLOURS) check(fg, bg, 4.5);
        for (const edge of EDGE_COLOURS) check(edge, bg, 3);
      }
      check('accent-fg', 'accent', 4.5);
      expect(low).toEqual([]);
    }
  );

  // The palette test above proves a theme's colours are the same chosen or from the system, so the
  // sweep takes each theme one way on the phone and the other on the desktop.
  const cases = (['light', 'dark'] as const).flatMap((theme) =>
    (['phone', 'desktop'] as const).map((size) => ({
      theme,
      size,
      how: (size === 'phone') === (theme === 'light') ? ('system' as const) : ('chosen' as const)
    }))
  );

  // Every screen in turn (drafting a deck among them): more than the default 90 s on a busy machine.
  test.each(cases)(
    '$theme theme ($how), $size: no WCAG 2.2 A/AA violation',
    { timeout: 300_000 },
    async ({ theme, size, how }) => {
      await page.setViewportSize(SIZES[size]);
      await useTheme(theme, how);
      const failures: string[] = [];
      for (const screen of SCREENS) {
        await screen.visit(page);
        // Colours must be the theme's before axe measures contrast.
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
          theme === 'light' ? 'rgb(255, 255, 255)' : 'rgb(17, 19, 24)'
        );
        // One heading 1 and the same landmarks on every page (axe counts these as best practice only).
        const outline = await page.evaluate(() => ({
          h1: document.querySelectorAll('h1').length,
          main: document.querySelectorAll('main').length,
          banner: document.querySelectorAll('body > header, body > * > header').length,
          nav: document.querySelectorAll('nav[aria-label]').length
        }));
        expect(outline, screen.name).toEqual({ h1: 1, main: 1, banner: 1, nav: 1 });
        const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        if (results.violations.length) failures.push(`${screen.name}:\n${report(results.violations)}`);
      }
      expect(failures.join('\n\n')).toBe('');
    }
  );
});
