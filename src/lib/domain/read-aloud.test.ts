import { describe, expect, test } from 'vitest';
import { chooseVoice, spokenAnswer, spokenQuestion } from './read-aloud';
import { studyItems } from './study-items';
import type { Deck } from './deck.schema';

const words = { blank: 'blank', true: 'True', false: 'False' };
const deck = {
  cards: [
    { id: 'c', type: 'cloze', text: '**Caracas** is the capital of {{Venezuela}}, since {{1830::year}}.' },
    { id: 'r', type: 'reverse', front: 'Hola', back: '*Hello*', explanation: 'A greeting.' },
    { id: 't', type: 'truefalse', front: 'The sky is green.', answer: false }
  ]
} as unknown as Pick<Deck, 'cards'>;
const items = studyItems(deck);

describe('reading a card aloud', () => {
  test('a cloze gap is read as "blank", the other gaps as their answers, without Markdown', () => {
    expect(spokenQuestion(items[0], words)).toBe('Caracas is the capital of blank, since 1830.');
    expect(spokenQuestion(items[1], words)).toBe('Caracas is the capital of Venezuela, since blank.');
    expect(spokenAnswer(items[0], words)).toBe('Caracas is the capital of Venezuela, since 1830.');
  });

  test('each side of a reverse card, with the explanation after the answer', () => {
    expect(spokenQuestion(items[2], words)).toBe('Hola');
    expect(spokenAnswer(items[2], words)).toBe('Hello. A greeting.');
    expect(spokenQuestion(items[3], words)).toBe('Hello');
    expect(spokenAnswer(items[3], words)).toBe('Hola. A greeting.');
    expect(spokenAnswer(items[4], words)).toBe('False');
  });

  test('the voice for exactly the tag, else for the language, preferring the default; none is null', () => {
    const voices = [
      { name: 'us', lang: 'en-US' },
      { name: 'pt-pt', lang: 'pt-PT' },
      { name: 'pt-br', lang: 'pt_BR', localService: true },
      { name: 'gb', lang: 'en-GB', default: true }
    ];
    expect(chooseVoice(voices, 'pt-BR')?.name).toBe('pt-br');
    expect(chooseVoice(voices, 'pt')?.name).toBe('pt-br');
    expect(chooseVoice(voices, 'en')?.name).toBe('gb');
    expect(chooseVoice(voices, 'en-US')?.name).toBe('us');
    expect(chooseVoice(voices, 'fr')).toBeNull();
    expect(chooseVoice([], 'en')).toBeNull();
  });
});
