import { describe, expect, it } from 'vitest';
import * as t from '$lib/text';
import { checkDeck } from './deck-check';
import type { Deck } from './deck.schema';

const source = {
  id: 'town-2024',
  title: 'Town news',
  author: 'A. Writer',
  publisher: 'Town Press',
  date: '2024-05-01',
  paragraphs: 3
};
const deck = (over: Partial<Deck> = {}): Deck => ({
  id: 'town',
  title: 'Town',
  description: 'About the town.',
  language: 'en',
  tags: [],
  sources: [source],
  cards: [
    {
      id: 'bridge',
      type: 'basic',
      front: 'Why was the bridge closed?',
      back: 'Repairs',
      kind: 'fact',
      cite: { source: 'town-2024', paragraphs: [2] }
    }
  ],
  ...over
});
const words = (d: Deck, allowEmpty = false) =>
  checkDeck(d, allowEmpty).map((i) => ({
    card: i.card,
    field: i.field,
    where: i.where,
    message: t.problems.schemaIssue(i.issue)
  }));

describe('checkDeck', () => {
  it('finds nothing in a valid deck', () => {
    expect(checkDeck(deck())).toEqual([]);
  });

  it('places each problem on its card and field, in the schema’s own words', () => {
    const d = deck({
      cards: [
        {
          id: 'bridge',
          type: 'basic',
          front: ' ',
          back: 'Repairs',
          kind: 'claim',
          cite: { source: 'town-2024', paragraphs: [9, NaN] }
        },
        {
          id: 'cloze',
          type: 'cloze',
          text: 'No braces here.',
          kind: 'fact',
          cite: { source: 'town-2024', paragraphs: [1] }
        }
      ]
    });
    expect(words(d)).toEqual(
      expect.arrayContaining([
        { card: 0, field: 'front', where: 'cards.0.front', message: 'must not be empty' },
        { card: 0, field: 'cite', where: 'cards.0.cite.paragraphs.1', message: expect.stringMatching(/whole number/) },
        {
          card: 0,
          field: 'kind',
          where: 'cards.0.kind',
          message: 'a card of kind "claim" needs "claimBy": who makes the claim'
        },
        {
          card: 0,
          field: 'cite',
          where: 'cards.0.cite.paragraphs.0',
          message: 'cites paragraph 9, but source "town-2024" has only 3 paragraphs'
        },
        { card: 1, field: 'text', where: 'cards.1.text', message: expect.stringMatching(/no deletion/) }
      ])
    );
  });

  it('reports the source’s fields as the deck’s, and allows no cards only where asked', () => {
    const d = deck({ sources: [{ ...source, author: '', date: '5 May' }], cards: [] });
    expect(words(d)).toEqual(
      expect.arrayContaining([
        { card: undefined, field: 'sources', where: 'sources.0.author', message: 'must not be empty' },
        { card: undefined, field: 'sources', where: 'sources.0.date', message: expect.stringMatching(/YYYY-MM-DD/) },
        { card: undefined, field: 'cards', where: 'cards', message: 'must hold at least one card' }
      ])
    );
    expect(words(d, true).map((i) => i.where)).not.toContain('cards');
  });
});
