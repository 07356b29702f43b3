/**
 * An import as the import page drives it, on the real database (fake-indexeddb), with the parser run
 * in place of its Web Worker: the preview, what saving writes, and what the learner is told.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { db, gradeCard, listSnapshots } from '$lib/db';
import { Scheduler } from '$lib/domain';
import { parseImport, type ImportInput, type ImportResult } from '$lib/domain/import';
import * as t from '$lib/text';
import { ImportFlow, MAX_IMPORT_BYTES } from './import-flow.svelte';

const CSV = 'front,back\nCapital of France,Paris\nCapital of Peru,Lima\nCapital of Kenya,Nairobi\n';
const NOW = new Date(2026, 2, 2, 9, 0);

/** What the import worker does, without a worker. */
async function parse(
  request: { input: Record<string, unknown>; bytes?: ArrayBuffer },
  onProgress: (fraction: number) => void
): Promise<ImportResult> {
  const input = request.input as Omit<ImportInput, 'text'> & { text?: string };
  const text = request.bytes ? new TextDecoder().decode(request.bytes) : (input.text ?? '');
  return parseImport({ ...input, text, naming: t.import.naming }, onProgress);
}

const file = (text: string, name: string) => new File([text], name, { type: 'text/csv' });

beforeEach(async () => {
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('ImportFlow', () => {
  test('a file is previewed, and nothing is written until Import saves the deck', async () => {
    const flow = new ImportFlow(parse, ['world-capitals']);
    await flow.useFile(file(CSV, 'Capitals 2024.csv'));

    expect(flow.fileName).toBe('Capitals 2024.csv');
    expect(flow.error).toBeNull();
    expect(flow.busy).toBe(false);
    expect(flow.progress).toBe(1);
    expect(flow.result?.format).toBe('csv');
    expect(flow.result?.warnings.map((w) => t.problems.words(w.problem))).toEqual([
      'The first line (front, back) is read as column names, not as a card.'
    ]);
    expect(flow.deck).toMatchObject({ id: 'capitals-2024', title: 'Capitals 2024' });
    expect(flow.deck?.cards).toHaveLength(3);
    expect(flow.choices.title).toBe('Capitals 2024');
    expect(flow.plan).toMatchObject({ update: false, removedWithProgress: 0 });
    expect(flow.canImport).toBe(true);
    expect(await db.decks.count()).toBe(0);

    // The learner renames it before importing.
    flow.choices.title = 'Capitals';
    expect(flow.deck?.title).toBe('Capitals');
    expect(await flow.save(NOW)).toBe('capitals-2024');

    const saved = await db.decks.get('capitals-2024');
    expect(saved).toMatchObject({ fileName: 'Capitals 2024.csv', format: 'csv', importedAt: NOW.getTime() });
    expect(saved?.deck.title).toBe('Capitals');
  });

  test('a 12 MB paste is refused before the paste box holds it, saying the size and the limit', () => {
    const flow = new ImportFlow(parse, []);
    expect(flow.acceptsPaste('front,back\nOne,1\n')).toBe(true);
    expect(flow.acceptsPaste('x'.repeat(12 * 1024 * 1024))).toBe(false);
    expect(flow.error).toBe(
      'The pasted text is 12.0 MB; the limit is 10 MB. Nothing was pasted: split it into smaller decks.'
    );
  });

  test('pasted text with a bad line shows the good cards and the line left out, and imports the rest', async () => {
    const flow = new ImportFlow(parse, []);
    await flow.useText('Capital of France\nCapital of Peru\tLima\n');

    expect(flow.fileName).toBeNull();
    expect(flow.deck?.cards).toMatchObject([{ front: 'Capital of Peru', back: 'Lima' }]);
    expect(flow.skipped.map((p) => `${p.line}:${p.col} ${t.problems.words(p.problem)}`)).toEqual([
      '1:1 No tab between the term and the definition; every card needs both.'
    ]);
    expect(flow.canImport).toBe(true);
    expect(await flow.save(NOW)).not.toBeNull();
    expect((await db.decks.toArray()).map((d) => d.deck.cards.length)).toEqual([1]);
  });

  test('pasted text with nothing importable lists why, cannot be imported, and writes nothing', async () => {
    const flow = new ImportFlow(parse, []);
    await flow.useText('Capital of France\nCapital of Peru\n');
    expect(flow.deck).toBeNull();
    expect(flow.canImport).toBe(false);
    expect(flow.result?.problems.map((p) => `${p.line}:${p.col} ${t.problems.words(p.problem)}`)).toEqual([
      '1:1 No tab between the term and the definition; every card needs both.',
      '2:1 No tab between the term and the definition; every card needs both.'
    ]);
    expect(await flow.save(NOW)).toBeNull();
    expect(await db.decks.count()).toBe(0);
  });

  test('a Quizlet text with its own separators: the fields show as soon as it is read as Quizlet, and each change previews again', async () => {
    const flow = new ImportFlow(parse, []);
    await flow.useText('France - Paris; Peru - Lima; Kenya - Nairobi');
    expect(flow.result?.format).toBe('quizlet');
    expect(flow.quizletSeparators).toBe(true);
    flow.choices.termSeparator = ' - ';
    const typing = flow.preview();
    flow.choices.cardSeparator = ';';
    await Promise.all([typing, flow.preview()]);
    expect(flow.deck?.cards.map((c) => (c.type === 'basic' ? [c.front, c.back] : []))).toEqual([
      ['France', 'Paris'],
      ['Peru', 'Lima'],
      ['Kenya', 'Nairobi']
    ]);
    expect(flow.skipped).toEqual([]);
  });

  test('warns when another deck on the device already has the title', async () => {
    const first = new ImportFlow(parse, ['world-capitals'], new Map([['world-capitals', 'World capitals']]));
    await first.useFile(file(CSV, 'World capitals.csv'));
    expect(first.sameTitle).toBe('World capitals');
    first.choices.title = 'Capitals of the world';
    expect(first.sameTitle).toBeNull();
    await first.save(NOW);

    const second = new ImportFlow(parse, []);
    await second.useFile(file(CSV, 'other.csv'));
    second.choices.title = 'capitals of the WORLD';
    expect(second.sameTitle).toBe('Capitals of the world');
  });

  test('a deck with the id of a built-in deck gets "-imported" added, and says so', async () => {
    const flow = new ImportFlow(parse, ['capitals']);
    await flow.useFile(file(CSV, 'capitals.csv'));
    expect(flow.renamedFrom).toBe('capitals');
    expect(flow.deck?.id).toBe('capitals-imported');
  });

  test('a new version shows what changes, can delete the progress of removed cards, and can be undone', async () => {
    const first = new ImportFlow(parse, []);
    await first.useFile(file(CSV, 'capitals.csv'));
    await first.save(NOW);
    const kenya = first.deck!.cards[2].id;
    await gradeCard({
      deckId: 'capitals',
      cardId: kenya,
      rating: 3,
      now: NOW,
      elapsedMs: 1_000,
      scheduler: new Scheduler({ desiredRetention: 0.9 })
    });

    const next = new ImportFlow(parse, []);
    await next.useFile(file('front,back\nCapital of France,Paris\nCapital of Peru,Lima (Peru)\n', 'capitals.csv'));
    expect(next.plan).toMatchObject({ update: true, removedWithProgress: 1 });
    expect(next.plan?.diff.removed).toEqual([kenya]);
    expect(next.plan?.diff.changed).toHaveLength(1);
    next.deleteRemoved = true;
    await next.save(new Date(NOW.getTime() + 60_000));

    expect((await db.decks.get('capitals'))?.deck.cards).toHaveLength(2);
    expect(await db.cardStates.count()).toBe(0);
    expect(await db.reviewLogs.count()).toBe(0);
    // A snapshot of what was there before (three cards, one review) can bring it back.
    expect(await listSnapshots()).toMatchObject([{ reason: 'import', counts: { decks: 1, reviewLogs: 1 } }]);
  });

  test('a file over the limit is refused before it is read', async () => {
    const flow = new ImportFlow(parse, []);
    const big = file('x', 'huge.csv');
    Object.defineProperty(big, 'size', { value: MAX_IMPORT_BYTES + 1 });
    await flow.useFile(big);
    expect(flow.error).toBe(t.import.tooLarge('huge.csv', '10.0'));
    expect(flow.result).toBeNull();
    expect(flow.canImport).toBe(false);
  });

  test('a reader that fails, or a save the device has no room for, is reported and writes nothing', async () => {
    const broken = new ImportFlow(() => Promise.reject(new Error(t.import.workerStopped)), []);
    await broken.useText(CSV);
    expect(broken.error).toBe(t.import.readFailed(t.import.workerStopped));
    expect(broken.result).toBeNull();

    const flow = new ImportFlow(parse, []);
    await flow.useFile(file(CSV, 'capitals.csv'));
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.decks.hook('creating', full);
    try {
      expect(await flow.save(NOW)).toBeNull();
    } finally {
      db.decks.hook('creating').unsubscribe(full);
    }
    expect(flow.error).toBe(t.error.storageFull(t.import.saveFailed.full));
    expect(flow.busy).toBe(false);
    expect(await db.decks.count()).toBe(0);
  });
});
