import { describe, expect, it } from 'vitest';
import { MARKUP_BUDGET, plainText } from './plain-text';

describe('plainText', () => {
  it('leaves text without Markdown as it is', () => {
    for (const text of ['Canberra', 'Washington, D.C.', '5 * 3 = 15', 'snake_case_name', '~50 people', 'a - b'])
      expect(plainText(text)).toBe(text);
  });

  it('drops emphasis and strong marks, nested or not, but not marks inside words with underscores', () => {
    expect(plainText('*Lima* and **Santiago**')).toBe('Lima and Santiago');
    expect(plainText('_Lima_ and __Santiago__ and ***Quito***')).toBe('Lima and Santiago and Quito');
    expect(plainText('**the *capital* city**')).toBe('the capital city');
    expect(plainText('a*b*c and snake_case_name')).toBe('abc and snake_case_name');
  });

  it('drops the marks of underlined text, and leaves plus signs that underline nothing', () => {
    expect(plainText('++under++ and **++both++**')).toBe('under and both');
    expect(plainText('C++ and C++, 1 ++ 2, a++b')).toBe('C++ and C++, 1 ++ 2, a++b');
    expect(plainText('C\\++ stays')).toBe('C++ stays');
  });

  it('keeps code as written, without its backticks', () => {
    expect(plainText('Run `npm *ci*` first')).toBe('Run npm *ci* first');
    expect(plainText('`` a `tick` ``')).toBe('a `tick`');
    expect(plainText('```js\nconst a = *b*;\n```')).toBe('const a = *b*;');
  });

  it('turns links into their text and images into their alt text', () => {
    expect(plainText('See [the report](https://example.com/r "Report").')).toBe('See the report.');
    expect(plainText('![Flag of Peru](https://example.com/pe.png) Peru')).toBe('Flag of Peru Peru');
    expect(plainText('[![logo](data:image/png;base64,AAAA)](https://example.com)')).toBe('logo');
    expect(plainText('[x](javascript:alert(1))')).toBe('x');
    expect(plainText('<https://example.com> or <me@example.com>')).toBe('https://example.com or me@example.com');
  });

  it('resolves reference links and drops their definitions', () => {
    expect(plainText('See [the report][r] and [Other].\n\n[r]: https://example.com\n[other]: https://x.org')).toBe(
      'See the report and Other.'
    );
    expect(plainText('[not a link] stays')).toBe('[not a link] stays');
  });

  it('drops list markers and keeps one item per line', () => {
    expect(plainText('- Lima\n- Santiago\n* Quito')).toBe('Lima\nSantiago\nQuito');
    expect(plainText('1. first\n2) second')).toBe('first\nsecond');
  });

  it('reads backslash escapes and entities as the characters they stand for', () => {
    expect(plainText(String.raw`\*not emphasis\* and \[not a link\](x)`)).toBe('*not emphasis* and [not a link](x)');
    expect(plainText('AT&amp;T &lt;b&gt; &#233; &#x41; &unknown;')).toBe('AT&T <b> é A &unknown;');
  });

  it('leaves raw HTML as text, as it is shown', () => {
    expect(plainText('<b>Lima</b>')).toBe('<b>Lima</b>');
  });

  it('drops underline marks, but not the pluses of "C++"', () => {
    expect(plainText('++Both++ are in South America')).toBe('Both are in South America');
    expect(plainText('C++ and C++11, x++ y++')).toBe('C++ and C++11, x++ y++');
  });

  it('pairs code spans and emphasis as CommonMark does, marks with no partner staying as written', () => {
    expect(plainText('`a` and ``b ` c`` and ```d')).toBe('a and b ` c and ```d');
    expect(plainText('*a **b** c* and **a* and _a_b')).toBe('a b c and *a and _a_b');
    expect(plainText('[a](<b>) [c](d e) [f](g "h") [i](j(k))')).toBe('a [c](d e) f i');
  });

  it('reads runs of markup in linear time (issue 21: 4,000 backticks froze a quiz)', () => {
    expect(plainText('x ' + '`'.repeat(MARKUP_BUDGET - 1))).toBe('x ' + '`'.repeat(MARKUP_BUDGET - 1));
    expect(plainText('`'.repeat(MARKUP_BUDGET))).toBe(''); // an empty fenced code block, as marked shows it
    expect(plainText('*a'.repeat(MARKUP_BUDGET))).toHaveLength(MARKUP_BUDGET);
    expect(plainText('~~~\n'.repeat(MARKUP_BUDGET / 3))).toBe('');
  });

  it('shows a text with more Markdown characters than any real card needs as written', () => {
    expect(plainText('`'.repeat(4_000))).toBe('`'.repeat(4_000));
    expect(plainText(' *a*'.repeat(MARKUP_BUDGET))).toBe(' *a*'.repeat(MARKUP_BUDGET).trim());
    expect(plainText(' *a*'.repeat(MARKUP_BUDGET / 2))).toBe(' a'.repeat(MARKUP_BUDGET / 2).trim());
  });
});
