/**
 * Every text of a deck has a length limit, whichever way the deck arrives (content file, import,
 * backup): a 3,000-character title made the home page 40,801 px wide, and long fields are what
 * hostile markup needs to freeze a page (issue 21).
 */
import { describe, expect, test } from 'vitest';
import { problemsOf } from './import/test-helpers';
import { makeBackup } from './backup-file';
import { parseBackupText } from './backup-parse';
import { deckSchema, FIELD_LIMITS, type Deck } from './deck.schema';
import { parseImport } from './import';

const deck: Deck = {
  id: 'd',
  title: 'Title',
  description: 'About',
  language: 'en',
  tags: [],
  cards: [{ id: 'c', type: 'basic', front: 'a', back: 'b' }]
};
const long = (n: number) => 'x'.repeat(n + 1);
const card = { id: 'c', type: 'basic' as const, front: 'a', back: 'b' };

describe('field limits', () => {
  const cases: [string, Deck, string][] = [
    ['title', { ...deck, title: long(FIELD_LIMITS.title) }, 'title'],
    ['description', { ...deck, description: long(FIELD_LIMITS.description) }, 'description'],
    ['deck id', { ...deck, id: 'a' + '-a'.repeat(FIELD_LIMITS.id) }, 'id'],
    ['deck tag', { ...deck, tags: [long(FIELD_LIMITS.tag)] }, 'tags.0'],
    ['card id', { ...deck, cards: [{ ...card, id: long(FIELD_LIMITS.id) }] }, 'cards.0.id'],
    ['card front', { ...deck, cards: [{ ...card, front: long(FIELD_LIMITS.cardText) }] }, 'cards.0.front'],
    [
      'options',
      {
        ...deck,
        cards: [
          {
            id: 'c',
            type: 'choice',
            front: 'q',
            answer: 'o0',
            options: Array.from({ length: FIELD_LIMITS.options + 1 }, (_, i) => `o${i}`)
          }
        ]
      },
      'cards.0.options'
    ]
  ];

  test.each(cases)('a %s over its limit is refused, saying the limit', (_, bad, path) => {
    const result = deckSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === path);
    expect(issue).toMatchObject({ code: 'too_big' });
  });

  test('an imported deck file with a 3,000-character title is refused with a located problem', () => {
    const text = JSON.stringify({ ...deck, title: long(2_999) });
    const result = parseImport({ text, fileName: 'd.json' });
    expect(result.deck).toBeUndefined();
    expect(problemsOf(result)[0]).toMatch(/title.*must be at most 200 characters long/);
  });

  test('a title typed on the import page is held to the same limit', () => {
    const result = parseImport({ text: 'a,b\n', fileName: 'd.csv', title: long(FIELD_LIMITS.title) });
    expect(problemsOf(result)[0]).toMatch(/title/);
  });

  test('a backup holding such a deck is refused, naming the field', async () => {
    const row = {
      id: 'd',
      deck: { ...deck, title: long(2_999) },
      fileName: null,
      format: 'csv',
      importedAt: 0,
      updatedAt: 0,
      changed: {}
    };
    const file = await makeBackup(
      { cardStates: [], reviewLogs: [], settings: [], quizAttempts: [], decks: [row] },
      '1',
      new Date(0)
    );
    await expect(parseBackupText(JSON.stringify(file))).rejects.toMatchObject({
      problem: { path: 'data.decks[0].deck.title' }
    });
  });
});
