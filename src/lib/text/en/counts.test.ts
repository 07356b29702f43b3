/** Counts said as a person would say them (issue 14: "enough cards for 1 questions", "about 1 minute" for 3 seconds). */
import { describe, expect, it } from 'vitest';
import { quiz } from './quiz';
import { study } from './study';

describe('counts in words', () => {
  it('a deck with cards for one question says "1 question"', () => {
    expect(quiz.short(1)).toBe(' (this deck has enough cards for 1 question)');
    expect(quiz.short(3)).toBe(' (this deck has enough cards for 3 questions)');
  });

  it('a session under a minute is told in seconds, a longer one in minutes', () => {
    expect(study.reviewed(1, 3_000)).toBe('You reviewed 1 card in 3 seconds.');
    expect(study.reviewed(2, 200)).toBe('You reviewed 2 cards in 1 second.');
    expect(study.reviewed(12, 59_000)).toBe('You reviewed 12 cards in 59 seconds.');
    expect(study.reviewed(40, 150_000)).toBe('You reviewed 40 cards in about 3 minutes.');
  });
});
