/**
 * Lookups keyed by user data (deck and card ids, entity names and separators from a file, words of
 * an answer) must not find what every object inherits: `constructor`, `toString`, `__proto__`...
 * (issue 21: a deck with the id `constructor` never offered new cards).
 */
import { describe, expect, test } from 'vitest';
import { problemsOf } from './import/test-helpers';
import { normalizeAnswer } from './answer-check';
import { canonicalJson } from './backup-file';
import { htmlToText } from './import/anki-html';
import { parseImport } from './import/parse-import';
import { plainText } from './plain-text';
import { DEFAULT_SETTINGS, limitsFor, sanitizeSettings } from './settings';

const INHERITED = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'];

describe('keys that every object inherits', () => {
  test.each(INHERITED.filter((id) => /^[a-z]+$/i.test(id)).map((id) => id.toLowerCase()))(
    'a deck called %s has the default daily limits, or its own',
    (id) => {
      expect(limitsFor(sanitizeSettings({}), id)).toEqual(DEFAULT_SETTINGS.limits);
      expect(limitsFor(sanitizeSettings(JSON.parse(`{"deckLimits":{"${id}":{"newPerDay":3}}}`)), id)).toMatchObject({
        newPerDay: 3
      });
    }
  );

  test.each(INHERITED)('"&%s;" is text, not an entity, in Markdown and Anki HTML', (name) => {
    // "__proto__" is also strong emphasis in Markdown; the entity is what is tested here.
    if (/^[a-z]+$/i.test(name)) expect(plainText(`a &${name}; b`)).toBe(`a &${name}; b`);
    expect(htmlToText(`a &${name}; b`)).toBe(`a &${name}; b`);
  });

  test.each(INHERITED.filter((w) => /^[a-z]+$/i.test(w)))(
    'the word "%s" in an answer with a number stays itself',
    (word) => {
      expect(normalizeAnswer(`1 ${word}`)).toBe(`1 ${word.toLowerCase()}`);
    }
  );

  test.each(INHERITED)('a file named "deck.%s" that is not text is refused in words', (ext) => {
    const problems = problemsOf(parseImport({ text: '\u0000\u0001\u0002', fileName: `deck.${ext}` }));
    expect(problems[0]).toMatch(/does not look like a text file/);
  });

  test.each(INHERITED)('an Anki file whose separator is "%s" is read or refused in words', (name) => {
    const result = parseImport({ text: `#separator:${name}\nfront\tback\n`, fileName: 'a.txt', format: 'anki-text' });
    expect(problemsOf(result).join(' ')).not.toMatch(/function|native code/);
    expect(JSON.stringify(result)).not.toMatch(/function|native code/);
  });

  test.each(INHERITED)('a Quizlet separator "%s" is named in words', (sep) => {
    const result = parseImport({ text: 'a-b', format: 'quizlet', termSeparator: sep });
    expect(JSON.stringify(result)).not.toMatch(/function|native code/);
  });

  test('a backup value with a "__proto__" key is kept in the checksummed text', () => {
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":{"x":1},"a":2}'))).toBe('{"__proto__":{"x":1},"a":2,"b":1}');
  });
});
