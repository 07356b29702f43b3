import { describe, expect, it } from 'vitest';
import { problems as words } from '$lib/text';
import { parseDeckText, parseSourceText, yamlPosition } from './deck-parse';
import type { Source } from './deck.schema';

const FILE = 'content/test.deck.yaml';

const article: Source = {
  id: 'bbc-2020-report',
  title: 'A report',
  author: 'A. Writer',
  publisher: 'BBC',
  date: '2020-08-25',
  paragraphs: 5
};
const known = new Map([[article.id, article]]);

/** Lines 1-5 are the deck header, so the first card's `- id:` is on line 6. */
function deck(...cardLines: string[]): string {
  return [
    'id: test-deck',
    'title: Test',
    'description: A deck for tests.',
    'language: en',
    'cards:',
    ...cardLines,
    ''
  ].join('\n');
}

function problems(text: string): string[] {
  return parseDeckText(text, FILE, known).problems.map(words.line);
}

describe('parseDeckText on a good deck', () => {
  it('returns the deck with defaults filled and source ids resolved', () => {
    const result = parseDeckText(
      [
        'id: test-deck',
        'title: Test',
        'description: A deck for tests.',
        'language: en',
        'sources: [bbc-2020-report]',
        'cards:',
        '  - id: one',
        '    type: basic',
        '    front: Question',
        '    back: Answer',
        '    kind: fact',
        '    cite: { source: bbc-2020-report, paragraphs: [5] }'
      ].join('\n'),
      FILE,
      known
    );
    expect(result.problems).toEqual([]);
    expect(result.deck?.tags).toEqual([]);
    expect(result.deck?.sources).toEqual([article]);
    expect(result.deck?.cards[0]).toEqual({
      id: 'one',
      type: 'basic',
      front: 'Question',
      back: 'Answer',
      kind: 'fact',
      cite: { source: 'bbc-2020-report', paragraphs: [5] }
    });
  });
});

describe('YAML syntax errors', () => {
  it('reports every syntax error with its position, in plain words', () => {
    const text = ['id: test-deck', 'id: other', 'title: "Unclosed', 'description: x'].join('\n');
    expect(problems(text)).toEqual([
      `${FILE}:2:1: YAML syntax error: "id" appears twice in the same place; keep only one of them`,
      `${FILE}:3:8: YAML syntax error: this quoted text is never closed: add a " at its end`
    ]);
  });

  it('explains a colon inside an unquoted value', () => {
    expect(problems(deck('  - id: a', '    type: basic', '    front: Note: this breaks', '    back: b'))).toEqual([
      `${FILE}:8:12: YAML syntax error: this value contains ": " (a colon and a space), which YAML reads as a new field; put the whole value in quotes`
    ]);
  });

  it('reports a tab used for indentation', () => {
    expect(problems('id: a\ncards:\n\t- id: b\n')).toEqual([
      `${FILE}:3:1: YAML syntax error: this line is indented with a tab; indent with spaces only`
    ]);
  });
});

describe('fields', () => {
  it('points a missing field at the card and names the card', () => {
    expect(problems(deck('  - id: maduro-role', '    type: basic', '    front: Who is Maduro?'))).toEqual([
      `${FILE}:6:5: card "maduro-role": missing field "back"`
    ]);
  });

  it('points a missing deck field at the top of the file', () => {
    const text = [
      'id: test-deck',
      'title: Test',
      'language: en',
      'cards:',
      '  - { id: a, type: basic, front: f, back: b }'
    ];
    expect(problems(text.join('\n'))).toEqual([`${FILE}:1:1: missing field "description"`]);
  });

  it('points an unknown field at its key and suggests the close match', () => {
    expect(problems(deck('  - id: x', '    type: basic', '    fornt: Question', '    back: Answer'))).toEqual([
      `${FILE}:6:5: card "x": missing field "front"`,
      `${FILE}:8:5: unknown field "fornt" in card "x"; did you mean "front"?`
    ]);
  });

  it('says which card type an unknown field belongs to', () => {
    expect(
      problems(deck('  - id: x', '    type: typed', '    front: Q', '    answer: A', '    options: [A, B]'))
    ).toEqual([`${FILE}:10:5: unknown field "options" in card "x"; "options" is only for cards of type choice`]);
  });

  it('lists the allowed fields when nothing is close', () => {
    const text = deck('  - { id: a, type: basic, front: f, back: b }').replace(
      'language: en',
      'language: en\nauthor: Me'
    );
    expect(problems(text)).toEqual([
      `${FILE}:5:1: unknown field "author" in the deck; allowed fields here: id, title, description, language, tags, sources, cards`
    ]);
  });

  it('says in words what type of value was expected', () => {
    expect(
      problems(
        deck(
          '  - id: year',
          '    type: basic',
          '    front: 1999',
          '    back:',
          '  - id: tf',
          '    type: truefalse',
          '    front: Caracas is in Venezuela.',
          '    answer: "true"',
          '    tags: geography',
          '    kind: fact',
          '    cite: { source: bbc-2020-report, paragraphs: [two] }'
        ).replace('description: A deck for tests.', 'description: A deck for tests.\nsources: [bbc-2020-report]')
      )
    ).toEqual([
      `${FILE}:7:5: card "year": missing field "kind": this deck declares a source, so every card says if it is a fact, claim or opinion`,
      `${FILE}:7:5: card "year": missing field "cite": this deck declares a source, so every card cites its source and paragraphs`,
      `${FILE}:9:12: card "year": "front" must be text; put it in quotes to make it text: "1999"`,
      `${FILE}:10:5: card "year": "back" must be text, but it is empty`,
      `${FILE}:14:13: card "tf": "answer" must be true or false; write true or false without quotes`,
      `${FILE}:15:11: card "tf": "tags" must be a list; put each item on its own line starting with "- ", or write [first, second]`,
      `${FILE}:17:51: card "tf": "cite.paragraphs" item 1 must be a whole number`
    ]);
  });

  it('rejects ids that are not slugs, naming the card by its number', () => {
    const text = deck('  - id: Capital Of Peru', '    type: basic', '    front: f', '    back: b').replace(
      'id: test-deck',
      'id: Test_Deck'
    );
    const slug = 'must be a slug: lowercase letters, digits and single hyphens, like "world-capitals"';
    expect(problems(text)).toEqual([`${FILE}:1:5: "id" ${slug}`, `${FILE}:6:9: card 1: "id" ${slug}`]);
  });

  it('reports an empty file', () => {
    expect(problems('')).toEqual([
      `${FILE}:1:1: the deck file is empty; write its fields: id, title, description, language, cards`
    ]);
  });
});

describe('cards', () => {
  it('reports duplicate card ids at the second one', () => {
    expect(
      problems(
        deck('  - { id: peru, type: basic, front: a, back: b }', '  - { id: peru, type: basic, front: c, back: d }')
      )
    ).toEqual([
      `${FILE}:7:11: card 2: duplicate card id "peru" (also used by card 1); card ids must be unique in a deck`
    ]);
  });

  it('points an unknown card type at the type and lists the allowed ones', () => {
    expect(problems(deck('  - id: x', '    type: flashcard', '    front: f', '    back: b'))).toEqual([
      `${FILE}:7:11: card "x": unknown card type "flashcard"; use one of: basic, reverse, cloze, typed, choice, truefalse`
    ]);
  });

  it('reports a missing card type at the card', () => {
    expect(problems(deck('  - id: x', '    front: f', '    back: b'))).toEqual([
      `${FILE}:6:5: card "x": missing field "type"; use one of: basic, reverse, cloze, typed, choice, truefalse`
    ]);
  });

  it('points a cloze error at the character inside plain, double- and single-quoted text', () => {
    expect(
      problems(
        deck(
          '  - id: none',
          '    type: cloze',
          '    text: Caracas is the capital.',
          '  - id: open',
          '    type: cloze',
          '    text: The capital is {{Caracas.',
          '  - id: escaped',
          '    type: cloze',
          '    text: "\\u00c9l dijo {{hola"',
          '  - id: single',
          '    type: cloze',
          "    text: 'it''s {{x}} and }}'"
        )
      )
    ).toEqual([
      `${FILE}:8:11: card "none": cloze card has no deletion: wrap the words to hide in double braces, like {{Caracas}}`,
      `${FILE}:11:26: card "open": cloze deletion "{{" is never closed with "}}"`,
      // "\u00c9" is 6 characters in the file but one in the text
      `${FILE}:14:25: card "escaped": cloze deletion "{{" is never closed with "}}"`,
      `${FILE}:17:28: card "single": cloze has "}}" with no "{{" before it`
    ]);
  });

  it('points a cloze error in a block of text at its start', () => {
    expect(
      problems(deck('  - id: block', '    type: cloze', '    text: >', '      No braces', '      at all.'))
    ).toEqual([
      `${FILE}:8:11: card "block": cloze card has no deletion: wrap the words to hide in double braces, like {{Caracas}}`
    ]);
  });

  it('checks the answer of a choice card against its options', () => {
    expect(
      problems(
        deck(
          '  - id: capital',
          '    type: choice',
          '    front: Capital of Peru?',
          '    answer: Lima',
          '    options: [Quito, Bogotá, quito]'
        )
      )
    ).toEqual([
      `${FILE}:9:13: card "capital": the answer "Lima" is not among the options; add it to "options"`,
      `${FILE}:10:30: card "capital": duplicate option "quito"; each option must be different`
    ]);
  });
});

describe('sources and cites', () => {
  const withSources = (sources: string, ...cards: string[]) =>
    deck(...cards).replace('description: A deck for tests.', `description: A deck for tests.\nsources: ${sources}`);

  it('reports a cite of a paragraph the source does not have', () => {
    expect(
      problems(
        withSources(
          '[bbc-2020-report]',
          '  - { id: a, type: basic, front: f, back: b, kind: fact, cite: { source: bbc-2020-report, paragraphs: [2, 6] } }'
        )
      )
    ).toEqual([`${FILE}:7:107: card "a": cites paragraph 6, but source "bbc-2020-report" has only 5 paragraphs`]);
  });

  it('reports a cite of a source the deck does not declare', () => {
    expect(
      problems(
        deck(
          '  - id: a',
          '    type: basic',
          '    front: f',
          '    back: b',
          '    cite: { source: other-report, paragraphs: [1] }'
        )
      )
    ).toEqual([
      `${FILE}:10:21: card "a": cites source "other-report", which this deck does not declare (add it under "sources")`
    ]);
  });

  it('reports a source id that no source file has, at the list item', () => {
    expect(
      problems(
        withSources(
          '[bbc-2020-report, cnn-2021]',
          '  - { id: a, type: basic, front: f, back: b, kind: fact, cite: { source: cnn-2021, paragraphs: [1] } }'
        )
      )
    ).toEqual([`${FILE}:4:28: unknown source "cnn-2021": no content/*.source.yaml file has id "cnn-2021"`]);
  });

  it('reports a cite without paragraphs or byline where it was reported before, and an undeclared source with it', () => {
    expect(
      problems(
        withSources(
          '[bbc-2020-report]',
          '  - { id: a, type: basic, front: f, back: b, kind: fact, cite: { source: bbc-2020-report } }',
          '  - { id: b, type: basic, front: f, back: b, kind: fact, cite: { source: cnn-2021 } }'
        )
      )
    ).toEqual([
      `${FILE}:7:64: card "a": missing field "paragraphs" in "cite"`,
      `${FILE}:8:64: card "b": missing field "paragraphs" in "cite"`,
      `${FILE}:8:74: card "b": cites source "cnn-2021", which this deck does not declare (declared: bbc-2020-report)`
    ]);
  });

  it('accepts a cite of the byline, alone or with paragraphs', () => {
    const result = parseDeckText(
      withSources(
        '[bbc-2020-report]',
        '  - { id: a, type: basic, front: f, back: b, kind: fact, cite: { source: bbc-2020-report, byline: true } }',
        '  - { id: b, type: basic, front: f, back: b, kind: fact, cite: { source: bbc-2020-report, byline: true, paragraphs: [2] } }'
      ),
      FILE,
      known
    );
    expect(result.problems).toEqual([]);
    expect(result.deck?.cards.map((c) => c.cite)).toEqual([
      { source: 'bbc-2020-report', byline: true },
      { source: 'bbc-2020-report', byline: true, paragraphs: [2] }
    ]);
  });

  it('cites a source without numbered paragraphs as a whole, and says so when a cite lists paragraphs', () => {
    const whole = { id: 'un-2015', title: 'A resolution', author: 'UN', publisher: 'UN', date: '2015-07-20' };
    const withWhole = new Map([...known, [whole.id, whole]]);
    const text = withSources(
      '[un-2015]',
      '  - { id: a, type: basic, front: f, back: b, kind: fact, cite: { source: un-2015 } }',
      '  - { id: b, type: basic, front: f, back: b, kind: fact, cite: { source: un-2015, paragraphs: [2] } }'
    );
    expect(parseDeckText(text, FILE, withWhole).problems.map(words.line)).toEqual([
      `${FILE}:8:95: card "b": source "un-2015" has no numbered paragraphs; cite it as a whole: { source: un-2015 }`
    ]);
  });

  it('accepts an inline source and checks its fields', () => {
    const text = withSources(
      '\n  - id: inline-report\n    title: Inline\n    author: Me\n    publisher: Us\n    date: 2020-02-30x\n    paragraphs: 3',
      '  - { id: a, type: basic, front: f, back: b, kind: fact, cite: { source: inline-report, paragraphs: [3] } }'
    );
    expect(problems(text)).toEqual([
      `${FILE}:9:11: source "inline-report": "date" must be a date written YYYY-MM-DD, like 2020-08-25`
    ]);
  });

  it('needs claimBy on a claim', () => {
    expect(
      problems(
        withSources(
          '[bbc-2020-report]',
          '  - id: a',
          '    type: basic',
          '    front: f',
          '    back: b',
          '    kind: claim',
          '    cite: { source: bbc-2020-report, paragraphs: [1] }'
        )
      )
    ).toEqual([`${FILE}:11:11: card "a": a card of kind "claim" needs "claimBy": who makes the claim`]);
  });

  it('needs kind and cite on every card once the deck has a source', () => {
    expect(
      problems(withSources('[bbc-2020-report]', '  - id: a', '    type: basic', '    front: f', '    back: b'))
    ).toEqual([
      `${FILE}:7:5: card "a": missing field "kind": this deck declares a source, so every card says if it is a fact, claim or opinion`,
      `${FILE}:7:5: card "a": missing field "cite": this deck declares a source, so every card cites its source and paragraphs`
    ]);
  });
});

describe('a deck with five different mistakes', () => {
  it('reports all five at once, in file order', () => {
    const text = [
      'id: five-mistakes', //                                     1
      'title: Five mistakes', //                                  2
      'description: Every card is wrong once.', //                3
      'language: en', //                                          4
      'cards:', //                                                5
      '  - id: one', //                                           6
      '    type: basic', //                                       7
      '    front: What is the capital of Peru?', //               8
      '  - id: two', //                                           9  (missing back, card one)
      '    type: reverse', //                                     10
      '    front: Chile', //                                      11
      '    back: Santiago', //                                    12
      '    explantion: Founded in 1541.', //                      13 unknown field
      '  - id: two', //                                           14 duplicate id
      '    type: truefalse', //                                   15
      '    front: Lima is in Peru.', //                           16
      '    answer: yes', //                                       17 not true/false
      '  - id: four', //                                          18
      '    type: cloze', //                                       19
      '    text: Quito is the capital of {{Ecuador.' //           20 unclosed cloze
    ].join('\n');
    expect(problems(text)).toEqual([
      `${FILE}:6:5: card "one": missing field "back"`,
      `${FILE}:13:5: unknown field "explantion" in card "two"; did you mean "explanation"?`,
      `${FILE}:14:9: card 3: duplicate card id "two" (also used by card 2); card ids must be unique in a deck`,
      `${FILE}:17:13: card "two": "answer" must be true or false, not "yes"`,
      `${FILE}:20:35: card "four": cloze deletion "{{" is never closed with "}}"`
    ]);
  });
});

describe('parseSourceText', () => {
  it('returns a good source', () => {
    const text =
      'id: bbc-2020-report\ntitle: A report\nauthor: A. Writer\npublisher: BBC\ndate: "2020-08-25"\nparagraphs: 5\n';
    expect(parseSourceText(text, 'content/bbc.source.yaml')).toEqual({ source: article, problems: [] });
  });

  it('reports missing, unknown and wrong fields', () => {
    const text =
      'id: bbc-2020-report\ntitel: A report\nauthor: A. Writer\npublisher: BBC\ndate: "2020-08-25"\nparagraphs: 0\nurl: bbc\n';
    expect(parseSourceText(text, 'content/bbc.source.yaml').problems.map(words.line)).toEqual([
      'content/bbc.source.yaml:1:1: missing field "title"',
      'content/bbc.source.yaml:2:1: unknown field "titel" in the source; did you mean "title"?',
      'content/bbc.source.yaml:6:13: "paragraphs" must be 1 or more',
      'content/bbc.source.yaml:7:6: "url" must be a web address starting with https://'
    ]);
  });
});

describe('a source outline', () => {
  const head = 'id: bbc-2020-report\ntitle: A report\nauthor: A. Writer\npublisher: BBC\ndate: "2020-08-25"\n';

  it('reads one gist per paragraph, each with an optional quote', () => {
    const text = `${head}paragraphs: 2\noutline:\n  - gist: First.\n    quote: a few words\n  - gist: Second.\n`;
    expect(parseSourceText(text, 'content/bbc.source.yaml').source?.outline).toEqual([
      { gist: 'First.', quote: 'a few words' },
      { gist: 'Second.' }
    ]);
  });

  it('reports an outline that does not match the paragraphs, and an unknown field in an entry', () => {
    const text = `${head}paragraphs: 3\noutline:\n  - gist: First.\n    qoute: words\n  - gist: Second.\n`;
    expect(parseSourceText(text, 'content/bbc.source.yaml').problems.map(words.line)).toEqual([
      'content/bbc.source.yaml:8:3: "outline" has 2 entries, but the source has 3 paragraphs; write one entry per paragraph, in order',
      'content/bbc.source.yaml:9:5: unknown field "qoute" in "outline" item 1 of the source; did you mean "quote"?'
    ]);
    const short = `${head}paragraphs: 3\noutline:\n  - gist: First.\n  - gist: Second.\n`;
    expect(parseSourceText(short, 'content/bbc.source.yaml').problems.map(words.line)).toEqual([
      'content/bbc.source.yaml:8:3: "outline" has 2 entries, but the source has 3 paragraphs; write one entry per paragraph, in order'
    ]);
    const none = `${head}outline:\n  - gist: First.\n`;
    expect(parseSourceText(none, 'content/bbc.source.yaml').problems.map(words.line)).toEqual([
      'content/bbc.source.yaml:7:3: "outline" needs "paragraphs": how many numbered paragraphs the source has'
    ]);
  });
});

describe('yamlPosition', () => {
  it('finds a nested value, or its nearest parent', () => {
    const text = 'id: a\ncards:\n  - id: b\n    front: c\n';
    expect(yamlPosition(text, ['cards', 0, 'front'])).toEqual({ line: 4, col: 12 });
    expect(yamlPosition(text, ['cards', 0, 'back'])).toEqual({ line: 3, col: 5 });
  });
});
