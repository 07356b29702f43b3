/** The example files in docs/examples/ import as the teacher guide says they do. */
import { describe, expect, it } from 'vitest';
import anki from '../../../../docs/examples/capitals-anki.txt?raw';
import quizlet from '../../../../docs/examples/capitals-quizlet.txt?raw';
import csv from '../../../../docs/examples/capitals.csv?raw';
import yaml from '../../../../docs/examples/capitals.deck.yaml?raw';
import json from '../../../../docs/examples/capitals.json?raw';
import tsv from '../../../../docs/examples/capitals.tsv?raw';
import { parseImport } from './index';
import { deckOf, naming, sides } from './test-helpers';

const CAPITALS: [string, string][] = [
  ['Capital of France', 'Paris'],
  ['Capital of Peru', 'Lima'],
  ['Capital of Kenya', 'Nairobi'],
  ['Capital of Australia', 'Canberra'],
  ['Capital of Bolivia, seat of government', 'La Paz (Sucre is the constitutional capital)'],
  ['Capital of Japan', 'Tokyo']
];
const TAGS = [['europe'], ['south-america'], ['africa'], ['oceania'], ['south-america'], ['asia']];

describe('docs/examples', () => {
  it('capitals.csv: a header row, a quoted field with a comma, a tags column', () => {
    const result = parseImport({ text: csv, fileName: 'capitals.csv', naming });
    const deck = deckOf(result);
    expect(result.format).toBe('csv');
    expect(sides(deck)).toEqual(CAPITALS);
    expect(deck.cards.map((c) => c.tags)).toEqual(TAGS);
    expect(deck).toMatchObject({ id: 'capitals', title: 'Capitals', description: 'Imported from capitals.csv.' });
  });

  it('capitals.tsv: no header, the same cards and ids as the CSV', () => {
    const result = parseImport({ text: tsv, fileName: 'capitals.tsv' });
    expect(result.format).toBe('tsv');
    expect(result.warnings).toEqual([]);
    expect(deckOf(result).cards).toEqual(deckOf(parseImport({ text: csv, fileName: 'capitals.csv' })).cards);
  });

  it('capitals-anki.txt: guid, note type and deck columns skipped, HTML formatting kept as card text', () => {
    const result = parseImport({ text: anki, fileName: 'capitals-anki.txt' });
    const deck = deckOf(result);
    expect(result.format).toBe('anki-text');
    expect(deck.title).toBe('Capitals');
    expect(sides(deck)).toEqual([
      ...CAPITALS.slice(0, 3),
      ['Capital of Australia', '**Canberra**'],
      ['Capital of Bolivia, seat of government', 'La Paz\n(Sucre is the constitutional capital)'],
      ["Capital of Côte d'Ivoire", 'Yamoussoukro']
    ]);
    expect(deck.cards.map((c) => c.tags)).toEqual([...TAGS.slice(0, 5), ['africa']]);
  });

  it('capitals-quizlet.txt: term, tab, definition, one card per line', () => {
    const result = parseImport({ text: quizlet, fileName: 'capitals-quizlet.txt', title: 'Capitals' });
    expect(result.format).toBe('quizlet');
    expect(sides(deckOf(result))).toEqual(CAPITALS);
  });

  it("capitals.deck.yaml and capitals.json: the same deck in Factdeck's own formats", () => {
    const fromYaml = parseImport({ text: yaml, fileName: 'capitals.deck.yaml' });
    const fromJson = parseImport({ text: json, fileName: 'capitals.json' });
    expect([fromYaml.format, fromJson.format]).toEqual(['factdeck-yaml', 'deck-json']);
    expect(deckOf(fromJson)).toEqual(deckOf(fromYaml));
    expect(deckOf(fromYaml).cards.map((c) => c.type)).toEqual(['basic', 'typed', 'choice', 'truefalse', 'cloze']);
  });
});
