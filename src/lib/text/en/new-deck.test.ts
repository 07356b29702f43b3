import { describe, expect, it } from 'vitest';
import { newDeck } from './new-deck';

describe('newDeck.problem', () => {
  it('words each drafting problem with what to do', () => {
    expect(newDeck.problem({ code: 'empty' })).toMatch(/paste the article/);
    expect(newDeck.problem({ code: 'too-long', words: 20_001, limit: 20_000 })).toBe(
      'The article has 20,001 words; drafting takes at most 20,000. Draft it in parts.'
    );
    expect(newDeck.problem({ code: 'nothing-found', paragraphs: 1 })).toMatch(/from 1 paragraph:/);
  });
});
