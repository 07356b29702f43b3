import { describe, expect, it } from 'vitest';
import type { Source } from '$lib/domain';
import { citeHref, citeLabel, paragraphLabel } from './citation';

const article: Source = {
  id: 'town-news',
  title: 'T',
  author: 'A',
  publisher: 'Town News',
  date: '2024-01-02',
  paragraphs: 8
};
const minutes: Source = { id: 'council', title: 'M', author: 'C', publisher: 'The Council', date: '2024-01-03' };

describe('citation labels and links', () => {
  it('names paragraphs in order, once each', () => {
    expect(paragraphLabel([3])).toBe('paragraph 3');
    expect(paragraphLabel([7, 1, 3, 1])).toBe('paragraphs 1, 3 and 7');
  });

  it('says "byline" for a cite of the byline, alone or before its paragraphs, and links to it', () => {
    expect(citeLabel({ source: 'town-news', byline: true }, article)).toBe('byline');
    expect(citeLabel({ source: 'town-news', byline: true, paragraphs: [5, 8] }, article)).toBe(
      'byline, paragraphs 5 and 8'
    );
    expect(citeHref({ source: 'town-news', byline: true, paragraphs: [5] })).toBe('/sources/town-news#byline');
  });

  it('links a cite of paragraphs to the first one cited', () => {
    expect(citeHref({ source: 'town-news', paragraphs: [6, 3] })).toBe('/sources/town-news#p3');
  });

  it('gives publisher and date for a source cited as a whole, and links to its page', () => {
    expect(citeLabel({ source: 'council' }, minutes)).toBe('The Council, 2024-01-03');
    expect(citeHref({ source: 'council' })).toBe('/sources/council');
  });

  it('links a deck stored on this device to its own copy of the source, never the built-in page of that id', () => {
    expect(citeHref({ source: 'town-news', paragraphs: [2] }, 'my-deck')).toBe('/decks/my-deck/sources/town-news#p2');
    expect(citeHref({ source: 'council' }, 'my-deck')).toBe('/decks/my-deck/sources/council');
    expect(citeHref({ source: 'council' }, null)).toBe('/sources/council');
  });
});
