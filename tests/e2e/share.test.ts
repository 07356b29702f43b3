/**
 * Sharing a deck by link, QR code and file, and decks that reach the app from the system: a file
 * opened with the installed app (launchQueue) or shared to it (share_target, through the service
 * worker). Two profiles are two devices.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { freshContext, open, readStore, waitForServiceWorker } from './browser';

const base = inject('baseUrl');

describe('share a deck by link', () => {
  let teacher: { context: BrowserContext; page: Page; close: () => Promise<void> };
  let student: { context: BrowserContext; page: Page; close: () => Promise<void> };

  beforeAll(async () => {
    teacher = await freshContext();
    student = await freshContext();
  });
  afterAll(async () => {
    await teacher?.close();
    await student?.close();
  });

  async function linkFor(deckId: string): Promise<string> {
    const page = teacher.page;
    await open(page, `${base}/decks/${deckId}`);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const field = page.getByLabel('Link to this deck');
    await field.waitFor();
    return field.inputValue();
  }

  test('the link opens an import preview on another device; the deck never reaches the server', async () => {
    const link = await linkFor('world-capitals');
    expect(link).toMatch(new RegExp(`^${base}/import#deck=[A-Za-z0-9_-]+$`));
    const payload = link.split('#deck=')[1];

    const page = student.page;
    const sent: string[] = [];
    student.context.on('request', (r) => sent.push(`${r.url()} ${r.postData() ?? ''}`));
    await open(page, link);
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('shared-intro').textContent()).toContain('shared with you');
    expect(await page.getByTestId('import-summary').textContent()).toContain('9 cards');
    // A built-in deck on this device already has the id.
    expect(await page.getByTestId('import-summary').textContent()).toContain('world-capitals-imported');
    expect(await page.getByRole('region', { name: 'Cards to import' }).textContent()).toContain(
      'What is the capital of Australia?'
    );
    expect(await readStore(student.page, 'decks')).toHaveLength(0);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((s) => s.includes(payload.slice(0, 40)))).toEqual([]);

    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(`${base}/decks/world-capitals-imported`);
    const [saved] = await readStore<{ id: string; deck: { cards: unknown[]; language: string } }>(page, 'decks');
    expect(saved.id).toBe('world-capitals-imported');
    expect(saved.deck.cards).toHaveLength(9);
  });

  test('a damaged, foreign or oversized link says so and imports nothing', async () => {
    const page = student.page;
    const before = (await readStore(page, 'decks')).length;
    const link = await linkFor('world-capitals');
    const cut = link.slice(0, link.length - 30);

    await open(page, cut);
    const alert = page.getByRole('alert').filter({ hasText: 'link' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/damaged|cut short/);
    expect(await page.getByTestId('import-summary').count()).toBe(0);

    await open(page, `${base}/import#deck=${'A'.repeat(60_000)}`);
    await page.getByRole('alert').filter({ hasText: 'more than the 32 KB' }).waitFor();

    await open(page, `${base}/import#deck=%%%not-a-deck`);
    await page.getByRole('alert').filter({ hasText: 'does not hold a deck' }).waitFor();
    expect(await readStore(page, 'decks')).toHaveLength(before);
  });

  test('a deck too large for a link says so and offers the file', async () => {
    const page = teacher.page;
    // Words that barely compress: about 60 KB packed.
    const rows = Array.from({ length: 1500 }, (_, i) => {
      const word = (n: number) => ((n * 2654435761 + i * 97) % 2 ** 32).toString(36);
      return `${word(i)} ${word(i + 1)} ${word(i + 2)},${word(i + 3)} ${word(i + 4)} ${word(i + 5)}`;
    });
    await open(page, `${base}/import`);
    await page.locator('#import-file').setInputFiles({
      name: 'big.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(['front,back', ...rows].join('\n'))
    });
    await page.getByTestId('import-summary').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForURL(`${base}/decks/big`);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'a link can carry' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Share the deck file instead');
    expect(await page.getByRole('button', { name: 'Download the deck file' }).count()).toBe(1);
    expect(await page.getByLabel('Link to this deck').count()).toBe(0);
  });

  test('a QR code of the link, drawn only when asked', async () => {
    const page = teacher.page;
    await open(page, `${base}/decks/world-capitals`);
    expect(await page.getByTestId('share-qr').count()).toBe(0);
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    await page.getByRole('button', { name: 'Show QR code' }).click();
    const qr = page.getByRole('img', { name: 'QR code of the link to “Sample: world capitals”' });
    await qr.waitFor();
    // Version 1 is 21 modules a side, each version 4 more; a link of a deck needs far more than one.
    const modules = Number(await qr.getAttribute('data-modules'));
    expect(modules).toBeGreaterThan(21 + 8);
    expect((modules - 8 - 21) % 4).toBe(0);
    const box = await qr.boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    await page.getByRole('button', { name: 'Hide QR code' }).click();
    expect(await page.getByTestId('share-qr').count()).toBe(0);
  });

  test('the deck file goes to the share sheet where the browser can share files', async () => {
    const { context, page, close } = await freshContext();
    try {
      await context.addInitScript(() => {
        const w = window as unknown as { sharedFiles: { name: string; text: string }[] };
        w.sharedFiles = [];
        navigator.canShare = () => true;
        navigator.share = async (data?: ShareData) => {
          for (const f of data?.files ?? []) w.sharedFiles.push({ name: f.name, text: await f.text() });
        };
      });
      await open(page, `${base}/decks/world-capitals`);
      await page.getByRole('button', { name: 'Share the deck file' }).click();
      await page.getByRole('status').filter({ hasText: 'Deck file shared.' }).waitFor();
      const files = await page.evaluate(
        () => (window as unknown as { sharedFiles: { name: string; text: string }[] }).sharedFiles
      );
      expect(files).toHaveLength(1);
      expect(files[0].name).toBe('world-capitals.deck.yaml');
      expect(files[0].text).toContain('id: world-capitals');
    } finally {
      await close();
    }
  });
});

describe('deck files from the system', () => {
  let context: BrowserContext;
  let page: Page;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ context, page, close } = await freshContext());
  });
  afterAll(() => close());

  test('a file opened with the installed app (launchQueue) lands in the import preview', async () => {
    const launched = await freshContext();
    try {
      // What Chromium does for a file handler: a launchQueue whose consumer gets the file's handle.
      await launched.context.addInitScript(() => {
        const csv = 'front,back\nCapital of Peru,Lima\nCapital of Chile,Santiago\n';
        const file = new File([csv], 'south-america.csv', { type: 'text/csv' });
        // Chromium has its own (read-only) launchQueue: this one takes its place.
        Object.defineProperty(window, 'launchQueue', {
          configurable: true,
          value: {
            setConsumer(consumer: (p: { files: { getFile(): Promise<File> }[] }) => void) {
              consumer({ files: [{ getFile: async () => file }] });
            }
          }
        });
      });
      await open(launched.page, `${base}/import`);
      const summary = launched.page.getByTestId('import-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain('2 cards');
      expect(await launched.page.getByText('from south-america.csv').count()).toBe(1);
      expect(await readStore(launched.page, 'decks')).toHaveLength(0);
    } finally {
      await launched.close();
    }
  });

  /** What the system share sheet sends to the manifest's share_target: a multipart POST. */
  async function postShare(fields: Record<string, string>, file?: { name: string; type: string; text: string }) {
    await page.evaluate(
      ({ fields, file }) => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = '/import/share';
        form.enctype = 'multipart/form-data';
        for (const [name, value] of Object.entries(fields)) {
          const input = document.createElement('input');
          input.name = name;
          input.value = value;
          form.append(input);
        }
        if (file) {
          const input = document.createElement('input');
          input.type = 'file';
          input.name = 'file';
          const list = new DataTransfer();
          list.items.add(new File([file.text], file.name, { type: file.type }));
          input.files = list.files;
          form.append(input);
        }
        document.body.append(form);
        form.submit();
      },
      { fields, file }
    );
  }

  test('a file shared to the app (share_target POST) lands in the preview, offline too', async () => {
    await open(page, `${base}/`);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await postShare(
      { title: 'Capitals' },
      {
        name: 'capitals.tsv',
        type: 'text/tab-separated-values',
        text: 'Capital of Peru\tLima\nCapital of Chile\tSantiago\nCapital of Spain\tMadrid\n'
      }
    );
    await page.waitForURL(`${base}/import#shared`);
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('3 cards');
    expect(await page.getByText('from capitals.tsv').count()).toBe(1);
    expect(await readStore(page, 'decks')).toHaveLength(0);
    // Read once: a reload does not bring it back.
    await page.reload();
    await page.getByRole('alert').filter({ hasText: 'did not reach Factdeck' }).waitFor();
    await context.setOffline(false);
  });

  test('a shared Factdeck link opens as the link', async () => {
    const link = await (async () => {
      await open(page, `${base}/decks/world-capitals`);
      await page.getByRole('button', { name: 'Share', exact: true }).click();
      return page.getByLabel('Link to this deck').inputValue();
    })();
    await open(page, `${base}/`);
    await postShare({ title: 'A deck', text: `Try this deck: ${link}` });
    await page.waitForURL(/\/import#deck=/);
    await page.getByTestId('import-summary').waitFor();
    expect(await page.getByTestId('import-summary').textContent()).toContain('9 cards');
  });

  test('a share POST that reaches the server without the service worker says the share did not arrive', async () => {
    const response = await page.request.post(`${base}/import/share`, {
      multipart: { file: { name: 'a.csv', mimeType: 'text/csv', buffer: Buffer.from('front,back\na,b\n') } },
      maxRedirects: 0
    });
    expect(response.status()).toBe(303);
    expect(response.headers().location).toBe('/import#shared');
  });
});
