import { describe, expect, it } from 'vitest';
import { parseImport } from './index';
import { deckOf, naming, problemsOf, sides, skippedOf, where } from './test-helpers';

describe("Quizlet's export", () => {
  it('reads a tab between term and definition and a card per line, as pasted', () => {
    const result = parseImport({ text: 'France\tParis\nPeru\tLima, a city\n', title: 'Capitals', naming });
    expect(result.format).toBe('quizlet');
    const deck = deckOf(result);
    expect(sides(deck)).toEqual([
      ['France', 'Paris'],
      ['Peru', 'Lima, a city']
    ]);
    expect(deck).toMatchObject({ id: 'capitals', title: 'Capitals', description: 'Imported from pasted text.' });
  });

  it('reads a comma when no line has a tab, and says so', () => {
    const result = parseImport({ text: 'France,Paris\nPeru,Lima, a city\n' });
    expect(sides(deckOf(result))).toEqual([
      ['France', 'Paris'],
      ['Peru', 'Lima, a city']
    ]);
    expect(result.warnings.map(where)).toEqual([expect.stringMatching(/^1:1 No tabs found/)]);
  });

  it('reads custom separators typed by the teacher', () => {
    const result = parseImport({
      text: 'France - Paris;Peru - Lima - the capital;\nKenya - Nairobi;',
      termSeparator: ' - ',
      cardSeparator: ';'
    });
    expect(result.format).toBe('quizlet');
    expect(sides(deckOf(result))).toEqual([
      ['France', 'Paris'],
      ['Peru', 'Lima - the capital'],
      ['Kenya', 'Nairobi']
    ]);
  });

  it('takes "\\t" and "\\n" typed as separators to mean tab and new line', () => {
    const deck = deckOf(
      parseImport({ text: 'France\nParis\n\nPeru\nLima', termSeparator: '\\n', cardSeparator: '\\n\\n' })
    );
    expect(sides(deck)).toEqual([
      ['France', 'Paris'],
      ['Peru', 'Lima']
    ]);
  });

  it('reports a card without the separator at its line and column', () => {
    const result = parseImport({ text: 'France-Paris;\n  Peru Lima;Kenya-', termSeparator: '-', cardSeparator: ';' });
    expect(sides(deckOf(result))).toEqual([['France', 'Paris']]);
    expect(skippedOf(result)).toEqual([
      '2:3 No "-" between the term and the definition; every card needs both.',
      '2:19 The definition is empty.'
    ]);
  });

  it('refuses the same separator for terms and cards', () => {
    expect(problemsOf(parseImport({ text: 'a;b', termSeparator: ';', cardSeparator: ';' }))).toEqual([
      '1:1 The separator between cards must differ from the one between term and definition.'
    ]);
  });

  it('keeps quote marks as written (Quizlet does not quote)', () => {
    expect(sides(deckOf(parseImport({ text: '"Hamlet" author\tShakespeare\n' })))).toEqual([
      ['"Hamlet" author', 'Shakespeare']
    ]);
  });
});
