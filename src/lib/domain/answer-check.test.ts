import { describe, expect, test } from 'vitest';
import {
  checkAnswer,
  countsAsRight,
  isAcceptedAnswer,
  normalizeAnswer,
  typoAllowance,
  type AnswerResult
} from './answer-check';

type Case = [given: string, answer: string, expected: AnswerResult, accept?: string[]];

const CASES: Case[] = [
  // case, whitespace, punctuation
  ['caracas', 'Caracas', 'correct'],
  ['CARACAS', 'Caracas', 'correct'],
  ['  Caracas \t', 'Caracas', 'correct'],
  ['Caracas.', 'Caracas', 'correct'],
  ['Caracas!!', 'Caracas', 'correct'],
  ['"Caracas"', 'Caracas', 'correct'],
  ['Washington DC', 'Washington, D.C.', 'correct'],
  ['washington d.c.', 'Washington, D.C.', 'correct'],
  ['Venezuela Iran', 'Venezuela-Iran', 'correct'],
  ['Maduros', "Maduro's", 'correct'],
  ['the authors', 'The author’s', 'correct'],
  ['brutal   war', 'brutal war', 'correct'],
  ['Trinidad and Tobago', 'Trinidad & Tobago', 'correct'],
  // accents, diacritics and other letters
  ['Nicolas Maduro', 'Nicolás Maduro', 'correct'],
  ['Ivan Duque', 'Iván Duque', 'correct'],
  ['Venezolana de Television', 'Venezolana de Televisión', 'correct'],
  ['Brasilia', 'Brasília', 'correct'],
  ['Sao Paulo', 'São Paulo', 'correct'],
  ['Zurich', 'Zürich', 'correct'],
  ['Strasse', 'Straße', 'correct'],
  ['Lodz', 'Łódź', 'correct'],
  ['Tehran', 'Ｔｅｈｒａｎ', 'correct'],
  // leading articles
  ['Caribbean', 'the Caribbean', 'correct'],
  ['the Caribbean', 'Caribbean', 'correct'],
  ['brutal war', 'A brutal war', 'correct'],
  ['an economic siege', 'economic siege', 'correct'],
  ['Paz', 'La Paz', 'correct'],
  ['Globo', 'O Globo', 'correct'],
  ['the', 'the', 'correct'],
  ['theatre', 'the atre', 'wrong'],
  // authored alternatives
  ['Leiroz', 'Lucas Leiroz de Almeida', 'correct', ['Lucas Leiroz', 'Leiroz', 'Leiroz de Almeida']],
  ['lucas leiroz', 'Lucas Leiroz de Almeida', 'correct', ['Lucas Leiroz', 'Leiroz']],
  ['VTV', 'Venezolana de Televisión', 'correct', ['VTV', 'Venezolana de TV']],
  ['USA', 'United States', 'correct', ['US', 'USA', 'America']],
  ['UK', 'United States', 'wrong', ['US', 'USA', 'America']],
  ['Leiros', 'Lucas Leiroz de Almeida', 'almost', ['Leiroz']],
  // typos scaled to length
  ['Caribean sea', 'Caribbean Sea', 'almost'],
  ['Carribean Sea', 'Caribbean Sea', 'almost'],
  ['Carribbean See', 'Caribbean Sea', 'wrong'],
  ['Caracsa', 'Caracas', 'almost'],
  ['Caraca', 'Caracas', 'almost'],
  ['Karakaz', 'Caracas', 'wrong'],
  ['Tehrán', 'Tehran', 'correct'],
  ['Teheran', 'Tehran', 'almost'],
  ['Washingon', 'Washington', 'almost'],
  ['Nicolas Madruo', 'Nicolás Maduro', 'almost'],
  ['Nicols Madur', 'Nicolás Maduro', 'almost'],
  ['Nicols Madr', 'Nicolás Maduro', 'wrong'],
  ['Lucas Leiroz de Almieda', 'Lucas Leiroz de Almeida', 'almost'],
  ['LucasLeiroz', 'Lucas Leiroz', 'almost'],
  ['imperalist threats', 'imperialist threats', 'almost'],
  ['fuel shortage', 'fuel shortages', 'almost'],
  ['Padrinho', 'Vladimir Padrino', 'almost', ['Padrino']],
  ['Austria', 'Australia', 'wrong'],
  ['Mississipi', 'Mississippi', 'almost'],
  ['Misisipi', 'Mississippi', 'wrong'],
  ['Niger', 'Nigeria', 'wrong'],
  ['Slovakia', 'Slovenia', 'wrong'],
  // short answers and short words are exact
  ['Iraq', 'Iran', 'wrong'],
  ['Iran', 'Iraq', 'wrong'],
  ['Irán', 'Iran', 'correct'],
  ['Peru', 'Perú', 'correct'],
  ['Lima', 'Lama', 'wrong'],
  ['oil', 'oils', 'wrong'],
  ['Iraq deal', 'Iran deal', 'wrong'],
  ['Duke', 'Duque', 'wrong'],
  ['Ivan Duke', 'Iván Duque', 'wrong'],
  ['Duqe', 'Duque', 'almost'],
  // numbers and dates are exact
  ['4', 'Four', 'correct'],
  ['four', '4', 'correct'],
  ['5', 'Four', 'wrong'],
  ['for', 'Four', 'wrong'],
  ['21', 'twenty-one', 'correct'],
  ['4 ships', 'four ships', 'correct'],
  ['4 shisp', 'four ships', 'almost'],
  ['5 ships', 'four ships', 'wrong'],
  ['1000', '1,000', 'correct'],
  ['3.5', '35', 'wrong'],
  ['2020', '2021', 'wrong'],
  ['2021', '2020', 'wrong'],
  ['1st half of 2020', 'first half of 2020', 'correct'],
  ['first half of 2021', 'first half of 2020', 'wrong'],
  ['frist half of 2020', 'first half of 2020', 'wrong'],
  ['first haf of 2020', 'first half of 2020', 'wrong'],
  ['August 25, 2020', '25 August 2020', 'correct'],
  ['25th Aug 2020', '25 August 2020', 'correct'],
  ['26 August 2020', '25 August 2020', 'wrong'],
  ['25 Agust 2020', '25 August 2020', 'almost'],
  ['Boeing 737', 'Boeing 747', 'wrong'],
  // empty and junk input
  ['', 'Caracas', 'wrong'],
  ['   ', 'Caracas', 'wrong'],
  ['?!', 'Caracas', 'wrong'],
  ['the', 'Caracas', 'wrong'],
  ['Tehran', 'Caracas', 'wrong'],
  ['Caracas Venezuela', 'Caracas', 'wrong']
];

describe('checkAnswer', () => {
  test('the table has at least 60 cases, right and wrong', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    for (const result of ['correct', 'almost', 'wrong'] as const)
      expect(CASES.filter((c) => c[2] === result).length).toBeGreaterThanOrEqual(10);
  });

  test.each(CASES)('%j for %j is %s', (given, answer, expected, accept) => {
    expect(checkAnswer(given, answer, accept)).toBe(expected);
  });

  test('an answer that is only punctuation is compared as written', () => {
    expect(checkAnswer('?', '?')).toBe('correct');
    expect(checkAnswer('!', '?')).toBe('wrong');
  });
});

describe('typoAllowance', () => {
  test.each([
    ['iran', 0],
    ['duque', 1],
    ['caracas', 1],
    ['maduros', 1],
    ['caribbean', 2],
    ['washington', 2],
    ['caribbean sea', 2],
    ['lucas leiroz de almeida', 3],
    ['2020', 0],
    ['25 august 2020', 1],
    ['4 ships', 1]
  ])('%j allows %i', (text, n) => {
    expect(typoAllowance(text)).toBe(n);
  });
});

describe('countsAsRight and isAcceptedAnswer', () => {
  test('almost scores as right; only correct is accepted in study mode', () => {
    expect([countsAsRight('correct'), countsAsRight('almost'), countsAsRight('wrong')]).toEqual([true, true, false]);
    expect(isAcceptedAnswer('Caracas', 'caracas')).toBe(true);
    expect(isAcceptedAnswer('Caracsa', 'Caracas')).toBe(false);
    expect(isAcceptedAnswer('Padrino', 'Vladimir Padrino', ['Padrino'])).toBe(true);
    expect(isAcceptedAnswer('', 'Caracas')).toBe(false);
  });
});

describe('normalizeAnswer', () => {
  test.each([
    ['  The Caribbean  Sea. ', 'caribbean sea'],
    ['Nicolás Maduro', 'nicolas maduro'],
    ['Washington, D.C.', 'washington dc'],
    ['Twenty-one', '21'],
    ['25th Aug. 2020', '25 august 2020'],
    ['May', 'may'],
    ['3.5 percent', '3.5 percent']
  ])('%j -> %j', (text, normalized) => {
    expect(normalizeAnswer(text)).toBe(normalized);
  });
});
