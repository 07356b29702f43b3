import { describe, expect, it } from 'vitest';
import { hasMarkup } from './rich-text';

describe('hasMarkup', () => {
  it('is false for text that renders exactly as written', () => {
    for (const text of [
      'What is the capital of Australia?',
      'Washington, D.C.',
      '~50 people (2020)',
      '# not a heading, > not a quote',
      'Line one\nLine two',
      '1999 was a year',
      'a - b + c',
      'https://example.com'
    ])
      expect(hasMarkup(text), text).toBe(false);
  });

  it('is true for emphasis, code, links, images, escapes, entities, HTML and lists', () => {
    for (const text of [
      '*Lima*',
      '__Lima__',
      'Run `npm ci`',
      '[report](https://example.com)',
      '![flag](https://example.com/pe.png)',
      String.raw`\*`,
      'AT&amp;T',
      '<b>x</b>',
      '<https://example.com>',
      'Cities:\n- Lima\n- Quito',
      '1. first',
      '  2) second',
      '~~~\ncode\n~~~',
      '++underlined++',
      `![Flag](media:${'a'.repeat(64)}.png)`
    ])
      expect(hasMarkup(text), text).toBe(true);
  });
});

describe('hasMarkup on hostile text', () => {
  it('is false for text with more Markdown characters than any real card (shown as written)', () => {
    expect(hasMarkup('*a'.repeat(5_000))).toBe(false);
    expect(hasMarkup('1. '.repeat(3_000))).toBe(false);
    expect(hasMarkup('*Lima*')).toBe(true);
  });
});
