/**
 * A class (issue 19) with three browser profiles, a teacher and two students, through the real
 * Factdeck server: the teacher creates a class and publishes a deck; the students join by code (seeing
 * what the teacher will see first), study it offline and sync; the dashboard counts their reviews per
 * card and per student; a new version reaches a student with progress kept; a student who leaves
 * disappears from the dashboard; a student's token reads neither the dashboard nor another class.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { freshContext, open, readStore, waitForServiceWorker } from './browser';
import { grade } from './sync-device';

const base = inject('baseUrl');
/** Polls for as long as a loaded machine may take to answer. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000 });
const DECK_TITLE = 'Sample: world capitals';

interface DeckRow {
  id: string;
  format: string;
  fileName: string | null;
  deck: { id: string; title: string; cards: { id: string; type: string; front?: string }[] };
  changed: Record<string, number>;
}
interface LogRow {
  deckId: string;
  cardId: string;
}

async function syncNow(page: Page) {
  await open(page, `${base}/settings#sync`);
  const button = page.getByRole('button', { name: 'Sync now' });
  await button.waitFor();
  await poll(() => button.isEnabled()).toBe(true);
  const syncedAt = async () => Number((await page.getByTestId('last-synced').getAttribute('data-at')) ?? 0);
  const before = await syncedAt();
  await button.click();
  await poll(syncedAt).toBeGreaterThan(before);
  await poll(() => page.getByTestId('sync-pending').textContent()).toBe('Nothing waiting to be sent.');
}

const token = async (page: Page) =>
  (await readStore<{ key: string; value: { token: string } }>(page, 'syncState')).find((r) => r.key === 'account')!
    .value.token;

/** A request to the API from inside the page, with this device's token. */
async function api(page: Page, method: string, path: string, body?: unknown) {
  const bearer = await token(page);
  return page.evaluate(
    async ({ method, path, body, bearer }) => {
      const res = await fetch(path, {
        method,
        headers: { authorization: `Bearer ${bearer}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined
      });
      return { status: res.status, body: await res.json().catch(() => null) };
    },
    { method, path, body, bearer }
  );
}

/** The students table as rows of cells. */
async function studentsTable(page: Page): Promise<string[][]> {
  return page
    .getByTestId('students-table')
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.children].map((c) => c.textContent?.trim() ?? '')));
}

describe('a teacher and two students', () => {
  let teacher: Page;
  let ann: Page;
  let ben: Page;
  let classUrl = '';
  let code = '';
  let classDeckId = '';
  const closers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const contexts = [await freshContext(), await freshContext(), await freshContext()];
    closers.push(...contexts.map((c) => c.close));
    [teacher, ann, ben] = contexts.map((c) => c.page);
  });
  afterAll(async () => {
    for (const close of closers) await close();
  });

  test('the teacher turns sync on, creates a class with a join code, and publishes a deck', async () => {
    await open(teacher, `${base}/teach`);
    await teacher.getByRole('button', { name: 'Turn on sync' }).click();
    await teacher.getByRole('textbox', { name: 'Class name' }).fill('Geography 8C');
    await teacher.getByRole('button', { name: 'Create class' }).click();
    await teacher.waitForURL(/\/teach\/[0-9a-f-]{36}$/);
    classUrl = teacher.url();
    const shown = await teacher.getByTestId('join-code').textContent();
    code = /Join code: ([2-9A-Z]{4}-[2-9A-Z]{4})$/.exec(shown ?? '')?.[1] ?? '';
    expect(code, shown ?? '').toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    // The QR library is loaded when the code is shown, so the picture follows the code.
    await poll(() => teacher.getByRole('img', { name: `QR code to join with the code ${code}` }).isVisible()).toBe(
      true
    );

    const publish = teacher.getByRole('group', { name: 'Publish decks' });
    await publish.getByRole('checkbox', { name: DECK_TITLE }).check();
    await teacher.getByRole('button', { name: 'Publish', exact: true }).click();
    await poll(() => teacher.getByText('Published.', { exact: true }).count()).toBe(1);
    await open(teacher, classUrl);
    await poll(() => teacher.getByText('1 deck published.').count()).toBe(1);
    await expect(publish.getByRole('checkbox', { name: DECK_TITLE }).isChecked()).resolves.toBe(true);
    await expect(teacher.getByText('No student has joined yet.').isVisible()).resolves.toBe(true);
  });

  test('students see what the teacher will see before joining, join with one confirmation, and get the deck', async () => {
    for (const [page, name] of [
      [ann, 'Ann'],
      [ben, 'Ben']
    ] as const) {
      await open(page, `${base}/join`);
      await page.getByRole('textbox', { name: 'Class code' }).fill(code.toLowerCase());
      await page.getByRole('textbox', { name: 'Display name' }).fill(name);
      await page.getByRole('button', { name: 'Join class' }).click();
      const preview = page.getByTestId('join-preview');
      await preview.waitFor();
      expect(await preview.textContent()).toContain(`Join “Geography 8C”?`);
      expect(await preview.textContent()).toContain(`Its decks: ${DECK_TITLE}.`);
      expect(await preview.textContent()).toContain(`under the name “${name}”`);
      expect(await preview.textContent()).toContain('Joining turns sync on for this device');
      // Nothing is written before the student confirms.
      expect(await readStore(page, 'syncState')).toEqual([]);
      await page.getByRole('button', { name: 'Confirm and join' }).click();
      await poll(() => page.getByText(/You joined “Geography 8C”/).count()).toBe(1);

      const decks = (await readStore<DeckRow>(page, 'decks')).filter((d) => d.format === 'class');
      expect(decks.map((d) => [d.fileName, d.deck.title])).toEqual([['Geography 8C', DECK_TITLE]]);
      classDeckId = decks[0].id;
      await open(page, `${base}/`);
      await expect.poll(() => page.getByRole('listitem').filter({ hasText: 'Class: Geography 8C' }).count()).toBe(1);
    }
  });

  test('students study offline and sync; the dashboard counts their reviews per card and per student', async () => {
    for (const [page, n] of [
      [ann, 2],
      [ben, 1]
    ] as const) {
      await open(page, `${base}/decks/${classDeckId}/study`);
      await waitForServiceWorker(page);
      await page.context().setOffline(true);
      await grade(page, n);
      await page.context().setOffline(false);
      await syncNow(page);
    }
    await open(teacher, classUrl);
    await teacher.getByTestId('students-table').waitFor();
    const rows = await studentsTable(teacher);
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['Ann', '2', '2'],
      ['Ben', '1', '1']
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect(rows.map((r) => r[4])).toEqual([today, today]);
    // Per card: both graded the first new card, Ann the second too.
    const students = await teacher.getByTestId('cards-table').locator('tbody tr td:nth-child(4)').allTextContents();
    expect(students.map(Number).sort().reverse().slice(0, 3)).toEqual([2, 1, 0]);
    expect(students.map(Number).reduce((a, b) => a + b, 0)).toBe(3);
    await expect(teacher.getByRole('button', { name: 'Export cards as CSV' }).isVisible()).resolves.toBe(true);
  });

  test('a new version of the deck reaches a student on their next sync, with their progress kept', async () => {
    const before = await readStore<LogRow>(ann, 'reviewLogs');
    const graded = new Set(before.filter((l) => l.deckId === classDeckId).map((l) => l.cardId.split('#')[0]));
    expect(graded.size).toBe(2);
    const deck = (await readStore<DeckRow>(ann, 'decks')).find((d) => d.id === classDeckId)!.deck;
    const target = deck.cards.find((c) => 'front' in c && !graded.has(c.id))!;
    const changed = {
      ...(await (await fetch(`${base}/decks/world-capitals.json`)).json()),
      id: 'world-capitals'
    } as DeckRow['deck'];
    changed.cards = changed.cards.map((c) => (c.id === target.id ? { ...c, front: `${c.front} (revised)` } : c));
    const classId = classUrl.split('/').pop()!;
    const published = await api(teacher, 'PUT', `/api/classes/${classId}/decks/world-capitals`, { deck: changed });
    expect(published.body).toMatchObject({ version: 2, changed: true });

    await syncNow(ann);
    const after = (await readStore<DeckRow>(ann, 'decks')).find((d) => d.id === classDeckId)!;
    expect(after.deck.cards.find((c) => c.id === target.id)!.front).toMatch(/\(revised\)$/);
    expect(Object.keys(after.changed)).toEqual([target.id]);
    const logs = (await readStore<LogRow>(ann, 'reviewLogs')).filter((l) => l.deckId === classDeckId);
    expect(logs).toHaveLength(2);
  });

  test("a student's token reads neither the dashboard nor another class", async () => {
    const classId = classUrl.split('/').pop()!;
    const dashboard = await api(ann, 'GET', `/api/classes/${classId}/dashboard`);
    expect(dashboard).toMatchObject({ status: 404, body: { error: 'not-found' } });
    const other = await api(teacher, 'POST', '/api/classes', { name: 'Other class' });
    const otherDeck = await api(ann, 'GET', `/api/memberships/${other.body.id}/decks/${classDeckId}`);
    expect(otherDeck).toMatchObject({ status: 404, body: { error: 'not-found' } });
    expect(JSON.stringify(await api(ann, 'GET', '/api/memberships'))).not.toContain('Ben');
  });

  test('a student who leaves from Settings disappears from the dashboard', async () => {
    await open(ben, `${base}/settings#classes`);
    const section = ben.getByRole('region', { name: 'Classes' });
    await section.getByRole('button', { name: 'Leave Geography 8C' }).click();
    await section.getByRole('button', { name: 'Leave', exact: true }).click();
    await poll(() => section.getByText('You left “Geography 8C”.').count()).toBe(1);
    await open(teacher, classUrl);
    await teacher.getByTestId('students-table').waitFor();
    expect((await studentsTable(teacher)).map((r) => r[0])).toEqual(['Ann']);
    // Ben keeps the deck and his progress on his device.
    expect((await readStore<LogRow>(ben, 'reviewLogs')).filter((l) => l.deckId === classDeckId)).toHaveLength(1);
  });
});
