import { describe, expect, test } from 'vitest';
import { answerPool, answerSort, isNearDuplicate, pickDistractors, type AnswerSort } from './distractors';
import { createRandom } from './random';

describe('answerSort', () => {
  test.each<[string, AnswerSort]>([
    ['True', 'boolean'],
    ['no', 'boolean'],
    ['4', 'number'],
    ['Four', 'number'],
    ['twenty-one', 'number'],
    ['4 ships', 'number'],
    ['3.5 percent', 'number'],
    ['2020', 'date'],
    ['1990s', 'date'],
    ['25 August 2020', 'date'],
    ['first half of 2020', 'date'],
    ['Nicolás Maduro', 'name'],
    ['Lucas Leiroz de Almeida', 'name'],
    ['President of Colombia', 'name'],
    ['PDVSA', 'name'],
    ['brutal war', 'phrase'],
    ['Oil ships', 'phrase'],
    ["The author's evaluation", 'phrase'],
    ['It tightened sanctions on both countries.', 'sentence'],
    ['Attack Venezuela to draw international attention away from its own problems', 'sentence']
  ])('%j is a %s', (text, sort) => {
    expect(answerSort(text)).toBe(sort);
  });
});

describe('isNearDuplicate', () => {
  test.each([
    ['Caracas', 'caracas', true],
    ['Caracas', 'Caracas, Venezuela', true],
    ['President of Colombia', 'Colombia', true],
    ['Caribbean Sea', 'Caribean sea', true],
    ['Four', '4', true],
    ['4', '14', false],
    ['Iran', 'Iraq', false],
    ['Caracas', 'Tehran', false],
    ['2020', '2021', false]
  ])('%j and %j: %s', (a, b, near) => {
    expect(isNearDuplicate(a, b)).toBe(near);
    expect(isNearDuplicate(b, a)).toBe(near);
  });
});

describe('pickDistractors', () => {
  const pool = answerPool([
    { cardId: 'a', answer: 'Caracas' },
    { cardId: 'b', answer: 'Caracas, Venezuela' },
    { cardId: 'c', answer: 'Tehran' },
    { cardId: 'd', answer: 'Washington' },
    { cardId: 'e', answer: '12' },
    { cardId: 'f', answer: 'Nicolás Maduro' }
  ]);
  const target = { cardId: 'a', prompt: 'Capital of Venezuela?', answer: 'Caracas', accept: [] };

  test('authored options come first, then deck answers, never the answer or its near-duplicates', () => {
    const got = pickDistractors(target, pool, 3, createRandom(1), ['Maracaibo', 'caracas']);
    expect(got[0]).toBe('Maracaibo');
    expect(got).toHaveLength(3);
    expect(got).not.toContain('Caracas, Venezuela');
    expect(got).not.toContain('caracas');
  });

  test('a number gets numbers: the deck has one, the rest are made up near it', () => {
    const got = pickDistractors(
      { cardId: 'x', prompt: 'How many ships?', answer: '4', accept: [] },
      pool,
      3,
      createRandom(2)
    );
    expect(got).toHaveLength(3);
    for (const g of got) expect(g).toMatch(/^\d+$/);
    expect(got).toContain('12');
  });

  test('number words get number words, capitalised like the answer', () => {
    const got = pickDistractors(
      { cardId: 'x', prompt: 'How many?', answer: 'Four', accept: [] },
      [],
      3,
      createRandom(2)
    );
    expect(got).toEqual(['Five', 'Three', 'Six']);
  });

  test('never words the prompt already shows', () => {
    const got = pickDistractors(
      { cardId: 'x', prompt: 'Is Tehran near Washington?', answer: 'No, far', accept: [] },
      pool,
      5,
      createRandom(3)
    );
    expect(got).not.toContain('Tehran');
    expect(got).not.toContain('Washington');
  });
});
