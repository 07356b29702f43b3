/**
 * Whatever the input, parseImport returns a deck that passes the schema and no problems, or at least
 * one problem, each with a 1-based line and column; it never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as t from '$lib/text';
import capitalsJson from '../../../../docs/examples/capitals.json?raw';
import capitalsYaml from '../../../../docs/examples/capitals.deck.yaml?raw';
import { deckSchema } from '../deck.schema';
import { IMPORT_FORMATS, parseImport, type ImportFormat, type ImportInput } from './index';

function wellFormed(input: ImportInput): void {
  const result = parseImport(input);
  expect(IMPORT_FORMATS).toContain(result.format);
  for (const p of [...result.problems, ...result.warnings]) {
    expect(Number.isInteger(p.line) && p.line >= 1, `line of ${JSON.stringify(p)}`).toBe(true);
    expect(Number.isInteger(p.col) && p.col >= 1, `col of ${JSON.stringify(p)}`).toBe(true);
    expect(t.problems.words(p.problem).length).toBeGreaterThan(0);
  }
  if (result.deck) {
    expect(result.problems).toEqual([]);
    expect(deckSchema.safeParse(result.deck).success).toBe(true);
  } else expect(result.problems.length).toBeGreaterThanOrEqual(1);
  expect(result.problems.some((p) => t.problems.words(p.problem).startsWith('Something went wrong'))).toBe(false);
}

const formats = fc.option(fc.constantFrom<ImportFormat>(...IMPORT_FORMATS), { nil: undefined });
const fileNames = fc.option(fc.constantFrom('d.csv', 'd.tsv', 'd.txt', 'd.json', 'd.yaml', 'x'), { nil: undefined });

/** Cells chosen to hit quoting, separators, headers, HTML and line endings. */
const cell = fc.oneof(
  fc.constantFrom('', ' ', '"', '""', '"a,b"', 'a"b', '"x"y', ',', ';', '\t', '\n', '\r\n', '\r', '#', '#html:true'),
  fc.constantFrom(
    'front',
    'Back',
    'term',
    'Tags',
    '<br>',
    '&amp;',
    '&#0;',
    '{{c1::x}}',
    '\uFEFF',
    '\uFFFD',
    'x'.repeat(10_001)
  ),
  fc.string(),
  fc.string({ unit: 'binary' })
);
const csvish = fc
  .tuple(
    fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 8 }),
    fc.constantFrom(',', '\t', ';', '|', ' '),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.constantFrom('', '\uFEFF', 'front,back\n', '#separator:comma\n#html:true\n', '#separator:pipe\n#tags column:3\n')
  )
  .map(([rows, delimiter, newline, prefix]) => prefix + rows.map((r) => r.join(delimiter)).join(newline));

/** A valid file with a few characters changed, inserted or removed. */
const mutated = (text: string) =>
  fc
    .array(
      fc.tuple(fc.nat(text.length), fc.nat(3), fc.constantFrom('', '"', ',', '{', '}', ']', ':', '\n', ' ', '-', "'")),
      {
        minLength: 1,
        maxLength: 4
      }
    )
    .map((edits) => edits.reduce((t, [at, cut, insert]) => t.slice(0, at) + insert + t.slice(at + cut), text));

describe('parseImport never throws and never gives both a deck and problems', () => {
  it('for any string in any format', () => {
    fc.assert(
      fc.property(fc.string(), formats, fileNames, (text, format, fileName) => wellFormed({ text, format, fileName })),
      { numRuns: 300 }
    );
  });

  it('for any Unicode, control characters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), formats, (text, format) => wellFormed({ text, format })),
      { numRuns: 200 }
    );
  });

  it('for CSV-like lines read as each table format', () => {
    fc.assert(
      fc.property(
        csvish,
        fc.constantFrom<ImportFormat | undefined>('csv', 'tsv', 'anki-text', 'quizlet', undefined),
        (text, format) => wellFormed({ text, format, fileName: 'deck.txt' })
      ),
      { numRuns: 300 }
    );
  });

  it('for Quizlet text with any separators', () => {
    fc.assert(
      fc.property(
        csvish,
        fc.option(fc.string(), { nil: undefined }),
        fc.option(fc.string(), { nil: undefined }),
        (text, termSeparator, cardSeparator) => wellFormed({ text, termSeparator, cardSeparator, format: 'quizlet' })
      ),
      { numRuns: 200 }
    );
  });

  it('for damaged deck JSON and YAML', () => {
    fc.assert(
      fc.property(mutated(capitalsJson), (text) => wellFormed({ text, fileName: 'capitals.json' })),
      { numRuns: 200 }
    );
    fc.assert(
      fc.property(mutated(capitalsYaml), (text) => wellFormed({ text, fileName: 'capitals.deck.yaml' })),
      { numRuns: 200 }
    );
  });

  it('for any JSON value', () => {
    fc.assert(
      fc.property(fc.json(), (text) => wellFormed({ text, format: 'deck-json' })),
      { numRuns: 200 }
    );
  });
});
