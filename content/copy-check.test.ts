import { describe, expect, it } from 'vitest';
import { articleText, clozeTexts, copiedRuns, runsOf, unquoted, words } from './copy-check';

const ARTICLE = [
  '---',
  'title: "A Bridge Too Far"',
  'author: "A. Writer"',
  '---',
  '',
  '<!-- Paragraphs are numbered. -->',
  '',
  '[P1] The old bridge over the river was closed on Monday for urgent safety repairs, the mayor said.',
  '',
  '[P2] Traffic now goes through the [town centre](#), which the council calls a temporary measure.',
  ''
].join('\n');
const { text, paragraphs } = articleText(ARTICLE);
const runs = runsOf(text);

describe('the copy rule', () => {
  it('reads the title and the numbered paragraphs, without markup', () => {
    expect(words(text).slice(0, 4)).toEqual(['a', 'bridge', 'too', 'far']);
    expect(paragraphs.get(2)).toBe(
      'Traffic now goes through the town centre, which the council calls a temporary measure.'
    );
    expect(text).not.toContain('Paragraphs are numbered');
  });

  it('finds a run of eight words whatever the case, accents and punctuation', () => {
    expect(copiedRuns('The OLD bridge, over the river — was closéd on Monday.', runs)).toEqual([
      'the old bridge over the river was closed on monday'
    ]);
  });

  it('allows seven words in a row, and any run inside quotation marks', () => {
    expect(copiedRuns('Why was the old bridge over the river shut?', runs)).toEqual([]);
    expect(copiedRuns('The mayor said it was "closed on Monday for urgent safety repairs".', runs)).toEqual([]);
    expect(copiedRuns('He said “the old bridge over the river was closed” then.', runs)).toEqual([]);
  });

  it('does not let a run span a quotation or a cloze hint', () => {
    expect(unquoted('a "b" c')).toEqual(['a ', ' c']);
    expect(clozeTexts('The {{old::how old?}} bridge')).toEqual(['The old bridge', 'how old?']);
    expect(copiedRuns('the old bridge over "x" the river was closed on Monday', runs)).toEqual([]);
  });

  it('counts an unclosed quotation as unquoted text', () => {
    expect(copiedRuns('"Traffic now goes through the town centre, which the council', runs)).toEqual([
      'traffic now goes through the town centre which the council'
    ]);
  });
});
