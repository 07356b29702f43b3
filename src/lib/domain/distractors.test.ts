import { describe, expect, test } from 'vitest';
import { answerPool, distractorCount, isNearDuplicate, pickDistractors, type DistractorTarget } from './distractors';
import { createRandom } from './random';

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
    { cardId: 'a', answer: 'Caracas', sort: 'city' },
    { cardId: 'b', answer: 'Caracas, Venezuela', sort: 'city' },
    { cardId: 'c', answer: 'Tehran', sort: 'city' },
    { cardId: 'd', answer: 'Washington', sort: 'city' },
    { cardId: 'e', answer: '12', sort: 'number' },
    { cardId: 'f', answer: 'Nicolás Maduro', sort: 'person' },
    { cardId: 'g', answer: 'Iván Duque', sort: 'person' },
    { cardId: 'h', answer: 'President of Colombia', sort: 'title' },
    { cardId: 'i', answer: 'Venezolana de Televisión', sort: 'organisation' },
    { cardId: 'j', answer: 'Vladimir Padrino', sort: 'person' },
    { cardId: 'k', answer: 'drug-trafficking militias', sort: null }
  ]);
  const target = (over: Partial<DistractorTarget>): DistractorTarget => ({
    cardId: 'x',
    prompt: '?',
    answer: '',
    accept: [],
    sort: null,
    ...over
  });
  const capital = target({ cardId: 'a', prompt: 'Capital of Venezuela?', answer: 'Caracas', sort: 'city' });

  test('authored options come first, then answers of the same sort, never the answer or its near-duplicates', () => {
    const got = pickDistractors(capital, pool, 3, createRandom(1), ['Maracaibo', 'caracas']);
    expect(got).toEqual(['Maracaibo', expect.any(String), expect.any(String)]);
    expect([...got.slice(1)].sort()).toEqual(['Tehran', 'Washington']);
  });

  test('a person gets people only: "Who wrote the article?" is never offered job titles or a TV channel', () => {
    for (let seed = 1; seed < 30; seed++) {
      const got = pickDistractors(
        target({ prompt: 'Who wrote the article?', answer: 'Lucas Leiroz de Almeida', sort: 'person' }),
        pool,
        3,
        createRandom(seed)
      );
      expect([...got].sort()).toEqual(['Iván Duque', 'Nicolás Maduro', 'Vladimir Padrino']);
    }
  });

  test('too few of the sort: fewer wrong answers, never padding with another sort', () => {
    const job = target({ prompt: 'Nicolás Maduro', answer: 'President of Venezuela', sort: 'title' });
    expect(pickDistractors(job, pool, 3, createRandom(1))).toEqual(['President of Colombia']);
    expect(distractorCount(job, pool, 3)).toBe(1);
    const channel = target({ prompt: 'VTV', answer: 'Globovisión', sort: 'organisation' });
    expect(pickDistractors(channel, pool, 3, createRandom(1))).toEqual(['Venezolana de Televisión']);
    expect(distractorCount(channel, pool, 3)).toBe(1);
  });

  test('an answer of unknown sort gets only authored options', () => {
    const blank = target({ prompt: 'murders by […]', answer: 'drug-trafficking militias', sort: null });
    expect(pickDistractors(blank, pool, 3, createRandom(1))).toEqual([]);
    expect(pickDistractors(blank, pool, 3, createRandom(1), ['guerrillas'])).toEqual(['guerrillas']);
  });

  test('a number gets numbers: the deck has one, the rest are made up near it', () => {
    const got = pickDistractors(
      target({ prompt: 'How many ships?', answer: '4', sort: 'number' }),
      pool,
      3,
      createRandom(2)
    );
    expect(got).toHaveLength(3);
    for (const g of got) expect(g).toMatch(/^\d+$/);
    expect(got).toContain('12');
  });

  test('number words get number words, capitalised like the answer; units are kept', () => {
    const words = pickDistractors(target({ answer: 'Four', sort: 'number' }), answerPool([]), 3, createRandom(2));
    expect(words).toEqual(['Five', 'Three', 'Six']);
    const ships = pickDistractors(target({ answer: '4 ships', sort: 'number' }), answerPool([]), 3, createRandom(2));
    expect(ships).toEqual(['5 ships', '3 ships', '6 ships']);
  });

  test('dates get dates written the same way', () => {
    const none = answerPool([]);
    const day = pickDistractors(target({ answer: '25 August 2020', sort: 'date' }), none, 3, createRandom(1));
    expect(day).toHaveLength(3);
    for (const d of day) expect(d).toMatch(/^\d{1,2} [A-Z][a-z]+ 20\d\d$/);
    const half = pickDistractors(target({ answer: 'first half of 2020', sort: 'date' }), none, 3, createRandom(1));
    expect(half).toEqual(['second half of 2020', 'first half of 2021', 'first half of 2019']);
    expect(pickDistractors(target({ answer: '1990s', sort: 'date' }), none, 2, createRandom(1))).toEqual([
      '2000s',
      '1980s'
    ]);
    expect(pickDistractors(target({ answer: 'last week', sort: 'date' }), none, 2, createRandom(1))).toEqual([
      'last month',
      'last year'
    ]);
  });

  test('never words the prompt already shows', () => {
    const got = pickDistractors(
      target({ prompt: 'Is Tehran near Washington?', answer: 'Caracas', sort: 'city' }),
      pool,
      5,
      createRandom(3)
    );
    expect(got).not.toContain('Tehran');
    expect(got).not.toContain('Washington');
  });
});
