import { describe, expect, it } from 'vitest';
import { detectFormat, type ImportInput } from './index';

describe('detectFormat', () => {
  it.each<[ImportInput, string]>([
    [{ text: 'a,b', fileName: 'deck.csv' }, 'csv'],
    [{ text: 'a\tb', fileName: 'deck.TSV' }, 'tsv'],
    [{ text: 'a\tb', fileName: 'deck.tab' }, 'tsv'],
    [{ text: '{}', fileName: 'deck.json' }, 'deck-json'],
    [{ text: 'id: x', fileName: 'x.deck.yaml' }, 'factdeck-yaml'],
    [{ text: 'id: x', fileName: 'x.yml' }, 'factdeck-yaml'],
    [{ text: '#separator:tab\na\tb', fileName: 'notes.txt' }, 'anki-text'],
    [{ text: '#html:true\na\tb', fileName: 'notes.csv' }, 'anki-text'],
    [{ text: '\uFEFF#separator:Comma\na,b' }, 'anki-text'],
    [{ text: '  {"id": "x"}' }, 'deck-json'],
    [{ text: '# my deck\nid: x\ntitle: y\ncards:\n  - id: a' }, 'factdeck-yaml'],
    [{ text: 'France\tParis\nPeru\tLima', fileName: 'set.txt' }, 'quizlet'],
    [{ text: 'France,Paris' }, 'quizlet'],
    [{ text: 'France\t"Paris\nthe capital"\nPeru\tLima' }, 'tsv'],
    [{ text: '"France, country",Paris' }, 'csv'],
    [{ text: '"Hamlet" author\tShakespeare' }, 'quizlet'],
    [{ text: 'a,b', fileName: 'deck.csv', termSeparator: '-' }, 'quizlet'],
    [{ text: 'a,b', fileName: 'deck.csv', format: 'tsv' }, 'tsv'],
    [{ text: '' }, 'quizlet']
  ])('%j is %s', (input, format) => {
    expect(detectFormat(input)).toBe(format);
  });
});
