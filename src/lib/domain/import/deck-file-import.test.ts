import { describe, expect, it } from 'vitest';
import { parseImport } from './index';
import { deckOf, problemsOf } from './test-helpers';

const YAML = `id: capitals
title: Capitals
description: Capital cities.
language: es
cards:
  - id: france-capital
    type: basic
    front: Capital of France
    back: Paris
`;

const deckJson = (cards: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify(
    { id: 'capitals', title: 'Capitals', description: 'd', language: 'en', tags: [], cards, ...extra },
    null,
    2
  );

describe("Factdeck's YAML deck format", () => {
  it('reads a deck as written in content/, keeping its ids and language', () => {
    const deck = deckOf(parseImport({ text: YAML, fileName: 'capitals.deck.yaml', title: 'Ignored' }));
    expect(deck).toMatchObject({ id: 'capitals', title: 'Capitals', language: 'es' });
    expect(deck.cards[0]).toMatchObject({ id: 'france-capital', front: 'Capital of France' });
  });

  it('reports problems with line and column, as the deck checker does', () => {
    const result = parseImport({ text: YAML.replace('    back: Paris\n', ''), fileName: 'capitals.yaml' });
    expect(problemsOf(result)).toEqual(['6:5 card "france-capital": missing field "back"']);
    expect(result.problems[0].path).toBe('capitals.yaml');
  });

  it('explains that a source named by id must be written in full', () => {
    const result = parseImport({ text: YAML.replace('cards:', 'sources: [town-news]\ncards:'), fileName: 'd.yaml' });
    expect(problemsOf(result)[0]).toMatch(/^5:\d+ .*"town-news" is named by its id only; .* in full under "sources"/);
  });
});

describe('compiled deck JSON', () => {
  it('reads a deck as compiled to static/decks/', () => {
    const text = deckJson([{ id: 'a', type: 'basic', front: 'F', back: 'B' }]);
    expect(deckOf(parseImport({ text, fileName: 'capitals.json' })).cards).toEqual([
      { id: 'a', type: 'basic', front: 'F', back: 'B' }
    ]);
  });

  it.each([
    ['{"id": "x",}', '1:12 JSON syntax error: a comma before } is not allowed in JSON; remove the comma'],
    [
      '{\n  "id": "x"\n  "title": "y"\n}',
      '3:3 JSON syntax error: expected "," or "}" after this value; is a comma missing before it?'
    ],
    [
      '{\n  "id": "x\n}',
      '2:9 JSON syntax error: this quoted text is never closed: add a " at its end (write a line break as \\n)'
    ],
    ["{'id': 'x'}", '1:2 JSON syntax error: a field name must be written in "double quotes"'],
    ['{"cards": [1, 2', '1:16 JSON syntax error: the text ends too early: a ] is missing at the end'],
    ['{"a": 1} x', '1:10 JSON syntax error: unexpected text after the end of the deck'],
    [
      '{"a": tru}',
      '1:7 JSON syntax error: expected a value here: text in "double quotes", a number, true, false, null, a list [ ] or a group { }'
    ]
  ])('places the syntax error in %j', (text, problem) => {
    expect(problemsOf(parseImport({ text, fileName: 'd.json' }))).toEqual([problem]);
  });

  it('places schema problems at the value, in the words the deck checker uses', () => {
    const text = deckJson([
      { id: 'a', type: 'basic', front: 'F', back: 'B' },
      { id: 'a', type: 'basic', front: 42, back: 'B' }
    ]);
    expect(problemsOf(parseImport({ text, fileName: 'd.json' }))).toEqual([
      '15:13 card 2: duplicate card id "a" (also used by card 1); card ids must be unique in a deck',
      '17:16 card "a": "front" must be text; put it in quotes to make it text: "42"'
    ]);
  });

  it('reads a source written in full, and cites that resolve', () => {
    const source = {
      id: 'town-news',
      title: 'T',
      author: 'A',
      publisher: 'P',
      date: '2020-08-25',
      paragraphs: 3
    };
    const card = {
      id: 'a',
      type: 'basic',
      front: 'F',
      back: 'B',
      kind: 'fact',
      cite: { source: 'town-news', paragraphs: [2] }
    };
    expect(deckOf(parseImport({ text: deckJson([card], { sources: [source] }), fileName: 'd.json' })).sources).toEqual([
      source
    ]);
  });

  it('refuses a card text over the length limit, at its line', () => {
    const text = deckJson([{ id: 'a', type: 'basic', front: 'F', back: 'x'.repeat(10_001) }]);
    expect(problemsOf(parseImport({ text, fileName: 'd.json' }))).toEqual([
      '12:15 card "a": "back" must be at most 10,000 characters long'
    ]);
  });
});
