import { describe, expect, it } from 'vitest';
import { blankCard, deckCopy, moveCard, newCardId, withType } from './deck-edit';
import type { Card, Deck } from './deck.schema';

describe('newCardId', () => {
  it('makes the id from the prompt, as imports do, and never one the deck has', () => {
    const id = newCardId('What is the capital of Peru?', new Set());
    expect(id).toMatch(/^what-is-the-capital-of-peru-[0-9a-z]{6}$/);
    expect(newCardId('What is the capital of Peru?', new Set([id]))).toBe(`${id}-2`);
    expect(newCardId('What is the capital of Peru?', new Set([id, `${id}-2`]))).toBe(`${id}-3`);
    expect(newCardId('  ', new Set())).toMatch(/^card-/);
  });
});

describe('withType', () => {
  const basic: Card = {
    id: 'peru',
    type: 'basic',
    front: 'Capital of Peru?',
    back: 'Lima',
    kind: 'fact',
    cite: { source: 's', paragraphs: [2] },
    explanation: 'Why.',
    tags: ['geo']
  };

  it('keeps the id, label, cite and explanation, and carries the question and answer over', () => {
    expect(withType(basic, 'typed')).toEqual({
      ...basic,
      type: 'typed',
      front: 'Capital of Peru?',
      answer: 'Lima',
      back: undefined
    });
    expect(withType(basic, 'cloze')).toMatchObject({
      id: 'peru',
      type: 'cloze',
      text: 'Capital of Peru? {{Lima}}',
      kind: 'fact'
    });
    expect(withType(basic, 'choice')).toMatchObject({ type: 'choice', answer: 'Lima', options: ['Lima'] });
    expect(withType(basic, 'truefalse')).toMatchObject({ type: 'truefalse', front: 'Capital of Peru?', answer: true });
  });

  it('turns a cloze into a question without its braces', () => {
    const cloze: Card = { id: 'c', type: 'cloze', text: 'The capital of Peru is {{Lima::city}}.' };
    expect(withType(cloze, 'basic')).toEqual({
      id: 'c',
      type: 'basic',
      front: 'The capital of Peru is Lima.',
      back: ''
    });
    expect(withType(withType(cloze, 'cloze'), 'cloze')).toBe(cloze);
  });

  it('gives a blank card of every type', () => {
    expect(blankCard('reverse')).toEqual({ id: 'new-card', type: 'reverse', front: '', back: '' });
    expect(blankCard('cloze')).toEqual({ id: 'new-card', type: 'cloze', text: '' });
  });
});

describe('moveCard and deckCopy', () => {
  it('moves one card and leaves the rest in order', () => {
    expect(moveCard(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveCard(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveCard(['a', 'b'], 1, 5)).toEqual(['a', 'b']);
  });

  it('copies a deck under a free id, cards and their ids unchanged', () => {
    const deck: Deck = {
      id: 'caps',
      title: 'Caps',
      description: 'd',
      language: 'en',
      tags: [],
      cards: [{ id: 'x', type: 'basic', front: 'f', back: 'b' }]
    };
    const copy = deckCopy(deck, 'Caps (copy)', new Set(['caps-copy']));
    expect(copy).toEqual({ ...deck, id: 'caps-copy-2', title: 'Caps (copy)' });
    copy.cards[0] = { id: 'y', type: 'basic', front: 'f', back: 'b' };
    expect(deck.cards[0].id).toBe('x');
  });
});
