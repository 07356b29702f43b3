/**
 * zod probes `new Function('')` to decide whether it may compile parsers, which a page whose
 * Content Security Policy forbids eval reports as a violation on every restore (issue 21). The
 * schema modules turn that off (jitless); `tests/e2e/csp.test.ts` checks a real restore in Chromium.
 */
import { afterEach, expect, test, vi } from 'vitest';

afterEach(() => vi.restoreAllMocks());

test('checking a backup and a deck never evaluates code', async () => {
  const evaluate = vi.spyOn(globalThis, 'Function');
  const { parseBackupText } = await import('./backup-parse');
  const { makeBackup } = await import('./backup-file');
  const { deckSchema } = await import('./deck.schema');
  const empty = { cardStates: [], reviewLogs: [], settings: [], quizAttempts: [], decks: [] };
  await parseBackupText(JSON.stringify(await makeBackup(empty, '1', new Date(0))));
  deckSchema.parse({
    id: 'd',
    title: 'D',
    description: 'x',
    language: 'en',
    cards: [{ id: 'a', type: 'basic', front: 'a', back: 'b' }]
  });
  expect(evaluate).not.toHaveBeenCalled();
});
