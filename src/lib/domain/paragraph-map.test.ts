import { describe, expect, it } from 'vitest';
import type { Card, Deck, Source } from './deck.schema';
import { citingCards, paragraphMap, textFragmentUrl } from './paragraph-map';

const article: Source = {
  id: 'town-news',
  title: 'Bridge closed',
  author: 'A. Writer',
  publisher: 'Town News',
  date: '2024-01-02',
  paragraphs: 3,
  url: 'https://example.org/bridge#top',
  outline: [{ gist: 'The bridge closes.', quote: 'closed on Monday' }, { gist: 'Why.' }, { gist: 'What next.' }]
};
const report: Source = { id: 'council', title: 'Minutes', author: 'Council', publisher: 'Council', date: '2024-01-03' };

const card = (id: string, cite: Card['cite']): Card => ({
  id,
  type: 'basic',
  front: id,
  back: 'b',
  kind: 'fact',
  cite
});
const deck: Deck = {
  id: 'bridge',
  title: 'Bridge',
  description: 'd',
  language: 'en',
  tags: [],
  sources: [article, report],
  cards: [
    card('who', { source: 'town-news', byline: true }),
    card('when', { source: 'town-news', paragraphs: [1, 3, 1] }),
    card('who-and-why', { source: 'town-news', byline: true, paragraphs: [2] }),
    card('minutes', { source: 'council' })
  ]
};
const ids = (cards: { card: Card }[]) => cards.map((c) => c.card.id);

describe('paragraphMap', () => {
  it('gives each paragraph its gist, its cards once each, and a link into the original where a quote allows', () => {
    const map = paragraphMap(article, [deck]);
    expect(map.map((p) => [p.paragraph, p.gist, ids(p.cards)])).toEqual([
      [1, 'The bridge closes.', ['when']],
      [2, 'Why.', ['who-and-why']],
      [3, 'What next.', ['when']]
    ]);
    expect(map.map((p) => p.originalUrl)).toEqual([
      'https://example.org/bridge#:~:text=closed%20on%20Monday',
      undefined,
      undefined
    ]);
  });

  it('has no entries for a source without numbered paragraphs', () => {
    expect(paragraphMap(report, [deck])).toEqual([]);
  });
});

describe('citingCards', () => {
  it('lists the cards that cite the byline, and those that cite a source as a whole', () => {
    expect(ids(citingCards(article, [deck], 'byline'))).toEqual(['who', 'who-and-why']);
    expect(ids(citingCards(article, [deck], 'whole'))).toEqual([]);
    expect(ids(citingCards(report, [deck], 'whole'))).toEqual(['minutes']);
  });
});

describe('textFragmentUrl', () => {
  it('escapes the characters a text directive reserves, and drops an existing fragment', () => {
    expect(textFragmentUrl('https://example.org/a#b', ' short-, medium & long  range ')).toBe(
      'https://example.org/a#:~:text=short%2D%2C%20medium%20%26%20long%20range'
    );
  });
});
