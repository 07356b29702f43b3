/** "Check data" in Settings, on progress damaged behind the app's back. */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open, readStore } from './browser';

const base = inject('baseUrl');

interface StateRow {
  deckId: string;
  cardId: string;
  reps: number;
}

/** Changes stored rows directly in IndexedDB, as a bug or a broken import might have. */
function damage(page: Page, put: StateRow | null, remove: [string, string] | null) {
  return page.evaluate(
    ([put, remove]) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('factdeck');
        req.onsuccess = () => {
          const tx = req.result.transaction('cardStates', 'readwrite');
          if (put) tx.objectStore('cardStates').put(put);
          if (remove) tx.objectStore('cardStates').delete(remove);
          tx.oncomplete = () => (req.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
      }),
    [put, remove] as const
  );
}

describe('check data', () => {
  let close: () => Promise<void>;
  let page: Page;

  beforeAll(async () => {
    ({ page, close } = await freshContext());
  });
  afterAll(() => close());

  test('repairs states that disagree with their reviews, reports it, and a second run finds nothing', async () => {
    await open(page, `${base}/decks/world-capitals/study`);
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Show answer' }).click();
      await page.getByRole('button', { name: 'Good', exact: true }).click();
    }
    await expect.poll(async () => (await readStore(page, 'reviewLogs')).length).toBe(3);
    const states = await readStore<StateRow>(page, 'cardStates');
    const logs = await readStore(page, 'reviewLogs');
    const [a, b] = states;
    await damage(page, { ...a, reps: 9 }, [b.deckId, b.cardId]);

    await open(page, `${base}/settings`);
    const section = page.getByRole('region', { name: 'Check data' });
    const summary = section.getByTestId('check-summary');
    await section.getByRole('button', { name: 'Check data' }).click();
    await expect.poll(() => summary.innerText()).toMatch(/Checked 2 card states and 3 reviews\.\s+Repaired 2 cards\./);
    const repaired = section.getByRole('list', { name: 'Repaired' });
    expect(await repaired.getByRole('listitem').allInnerTexts()).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`${a.cardId}: counted a different number of reviews`),
        expect.stringContaining(`${b.cardId}: had reviews but no progress`)
      ])
    );
    expect(await readStore(page, 'cardStates')).toEqual(expect.arrayContaining(states));
    expect(await readStore(page, 'reviewLogs')).toEqual(logs);
    // The snapshot taken first is listed, so the repair can be undone.
    await page.getByText('Before repairing data').waitFor();

    await section.getByRole('button', { name: 'Check data' }).click();
    await expect
      .poll(() => summary.innerText())
      .toMatch(/Checked 3 card states and 3 reviews\.\s+Nothing needed repairing\./);
    expect(await section.getByRole('list').count()).toBe(0);
  });
});
