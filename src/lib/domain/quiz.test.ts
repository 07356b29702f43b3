import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { compileContentDir } from '../../../scripts/compile-decks';
import { normalizeAnswer } from './answer-check';
import type { Card, Deck } from './deck.schema';
import { answerSort } from './answer-sort';
import { isNearDuplicate } from './distractors';
import { studyItems } from './study-items';
import {
  CHOICE_OPTIONS,
  generateQuiz,
  MATCH_PAIRS,
  MIN_MATCH_PAIRS,
  promptAndAnswer,
  QUESTION_TYPES,
  type Question,
  type QuestionType,
  type QuizSettings
} from './quiz';

const basic = (id: string, front: string, back: string): Card => ({ id, type: 'basic', front, back });
const deckOf = (...cards: Card[]): Pick<Deck, 'cards'> => ({ cards });
const all = (seed: number, over: Partial<QuizSettings> = {}): QuizSettings => ({
  seed,
  count: 'all',
  types: QUESTION_TYPES,
  ...over
});
const SEEDS = [1, 2, 3, 7, 42, 1234, 99999];
const of = <T extends QuestionType>(qs: Question[], type: T) =>
  qs.filter((q): q is Extract<Question, { type: T }> => q.type === type);
const byType = (qs: Question[]) =>
  Object.fromEntries(QUESTION_TYPES.map((t) => [t, qs.filter((q) => q.type === t).length]));

/** The rules every quiz keeps, whatever the deck. */
function expectInvariants(deck: Pick<Deck, 'cards'>, qs: Question[]) {
  const items = new Map(studyItems(deck).map((i) => [i.id, i]));
  const ids = qs.map((q) => q.id);
  expect(new Set(ids).size).toBe(ids.length);
  const tested = qs.flatMap((q) => (q.type === 'match' ? q.pairs.map((p) => p.itemId) : [q.itemId]));
  expect(new Set(tested).size, 'each item is asked once').toBe(tested.length);
  for (const id of tested) expect(items.has(id)).toBe(true);

  for (const q of qs) {
    if (q.type === 'choice') {
      const keys = q.options.map(normalizeAnswer);
      expect(new Set(keys).size, `equal options in ${q.id}: ${q.options.join(' | ')}`).toBe(keys.length);
      expect(q.options.filter((o) => o === q.answer)).toHaveLength(1);
      expect(keys.filter((k) => k === normalizeAnswer(q.answer))).toHaveLength(1);
      expect(q.options.length).toBeGreaterThanOrEqual(2);
      const card = q.card;
      if (!(card.type === 'choice' && card.options)) {
        expect(q.options.length).toBeLessThanOrEqual(CHOICE_OPTIONS);
        for (const o of q.options)
          if (o !== q.answer) expect(isNearDuplicate(o, q.answer), `${o} ~ ${q.answer}`).toBe(false);
      }
    }
    if (q.type === 'truefalse') {
      if (q.card.type === 'truefalse') {
        expect(q.shownAnswer).toBe('');
        expect(q.answer).toBe(q.card.answer);
      } else {
        expect(q.rightAnswer).toBe(promptAndAnswer(items.get(q.itemId)!).answer);
        if (q.answer) expect(q.shownAnswer).toBe(q.rightAnswer);
        else expect(normalizeAnswer(q.shownAnswer)).not.toBe(normalizeAnswer(q.rightAnswer));
      }
    }
    if (q.type === 'typed') {
      expect(q.answer).not.toBe('');
      if (q.card.type !== 'typed') expect(q.answer.length).toBeLessThanOrEqual(40);
      expect(q.card.type === 'cloze').toBe(q.cloze !== undefined);
    }
    if (q.type === 'match') {
      expect(q.pairs.length).toBeGreaterThanOrEqual(MIN_MATCH_PAIRS);
      expect(q.pairs.length).toBeLessThanOrEqual(MATCH_PAIRS);
      expect(q.itemId).toBe(q.pairs[0].itemId);
      expect(new Set(q.pairs.map((p) => normalizeAnswer(p.answer))).size).toBe(q.pairs.length);
      expect(new Set(q.pairs.map((p) => normalizeAnswer(p.prompt))).size).toBe(q.pairs.length);
      expect([...q.answers].sort()).toEqual(q.pairs.map((p) => p.answer).sort());
      expect(q.answers).not.toEqual(q.pairs.map((p) => p.answer));
    }
  }
}

/** 60 countries and capitals: short answers, all basic cards. */
const COUNTRIES =
  'Peru:Lima Chile:Santiago Kenya:Nairobi Egypt:Cairo Japan:Tokyo France:Paris Spain:Madrid Italy:Rome Greece:Athens Norway:Oslo Sweden:Stockholm Finland:Helsinki Poland:Warsaw Austria:Vienna Hungary:Budapest Portugal:Lisbon Ireland:Dublin Cuba:Havana Mexico:Mexico_City Canada:Ottawa Australia:Canberra India:New_Delhi China:Beijing Russia:Moscow Turkey:Ankara Iran:Tehran Iraq:Baghdad Syria:Damascus Jordan:Amman Lebanon:Beirut Israel:Jerusalem Qatar:Doha Oman:Muscat Yemen:Sanaa Sudan:Khartoum Ethiopia:Addis_Ababa Ghana:Accra Nigeria:Abuja Senegal:Dakar Morocco:Rabat Tunisia:Tunis Algeria:Algiers Libya:Tripoli Angola:Luanda Zambia:Lusaka Uganda:Kampala Rwanda:Kigali Bolivia:Sucre Ecuador:Quito Colombia:Bogota Venezuela:Caracas Uruguay:Montevideo Paraguay:Asuncion Argentina:Buenos_Aires Brazil:Brasilia Germany:Berlin Belgium:Brussels Denmark:Copenhagen Iceland:Reykjavik Nepal:Kathmandu';
const capitals = deckOf(
  ...COUNTRIES.split(' ').map((pair) => {
    const [country, city] = pair.replaceAll('_', ' ').split(':');
    return basic(country.toLowerCase(), `What is the capital of ${country}?`, city);
  })
);

describe('generateQuiz: distractors', () => {
  const trap = deckOf(
    basic('ships', 'How many ships did the US say it seized?', '4'),
    basic('ranges', 'How many missile ranges did Maduro name?', '3'),
    basic('cargoes', 'How many gasoline cargoes?', '5'),
    basic('paragraphs', 'How many paragraphs has the article?', '9'),
    basic('published', 'In which year was the article published?', '2020'),
    basic('chavez', 'In which year did Chávez take office?', '1999'),
    basic('sanctions', 'In which year did the US impose oil sanctions?', '2019'),
    basic('maduro', 'Who is the president of Venezuela?', 'Nicolás Maduro'),
    basic('duque', 'Who is the president of Colombia?', 'Iván Duque'),
    basic('padrino', "Who is Venezuela's defence minister?", 'Vladimir Padrino'),
    basic('author', 'Who wrote the article?', 'Lucas Leiroz'),
    basic('capital', 'What is the capital of Venezuela?', 'Caracas'),
    basic('seat', 'Where is the seat of the Venezuelan government?', 'Caracas, Venezuela'),
    basic('boycott', 'What did Maduro call the boycott?', 'a brutal war'),
    basic('secrecy', 'Why keep the help secret?', 'Because of the economic boycott the United States imposed.')
  );

  test('numbers get numbers, years get years, people get people', () => {
    const sortOf = (prompt: string, answer: string) => answerSort({ prompt, answer, position: 'back' });
    for (const seed of SEEDS) {
      const qs = of(generateQuiz(trap, all(seed, { types: ['choice'] })), 'choice');
      const q = (id: string) => qs.find((x) => x.itemId === id)!;
      expect(q('ships').options).toHaveLength(4);
      for (const o of q('ships').options) expect(sortOf('How many?', o)).toBe('number');
      for (const o of q('published').options) expect(sortOf('In which year?', o)).toBe('date');
      expect([...q('maduro').options].sort()).toEqual([
        'Iván Duque',
        'Lucas Leiroz',
        'Nicolás Maduro',
        'Vladimir Padrino'
      ]);
    }
  });

  test('"Caracas" and "Caracas, Venezuela" never share a question', () => {
    const deck = deckOf(
      basic('capital', 'What is the capital of Venezuela?', 'Caracas'),
      basic('seat', 'Which city is the seat of the Venezuelan government?', 'Caracas, Venezuela'),
      basic('iran', 'What is the capital of Iran?', 'Tehran'),
      basic('colombia', 'What is the capital of Colombia?', 'Bogotá'),
      basic('cuba', 'What is the capital of Cuba?', 'Havana')
    );
    for (const seed of SEEDS) {
      const qs = generateQuiz(deck, all(seed, { types: ['choice', 'truefalse'] }));
      expect(qs).toHaveLength(5);
      for (const q of qs) {
        if (q.type === 'choice' && (q.itemId === 'capital' || q.itemId === 'seat'))
          expect([...q.options].sort()).toEqual(['Bogotá', 'Havana', q.answer, 'Tehran'].sort());
        if (q.type === 'choice') expect(q.options.filter((o) => o.startsWith('Caracas')).length).toBeLessThan(2);
        if (q.type === 'truefalse' && (q.itemId === 'capital' || q.itemId === 'seat'))
          expect(q.shownAnswer.startsWith('Caracas')).toBe(q.answer);
      }
      expectInvariants(deck, qs);
    }
  });

  test('authored options are kept, shuffled; a short list is topped up from the deck', () => {
    const deck = deckOf(
      {
        id: 'kenya',
        type: 'choice',
        front: 'Capital of Kenya?',
        answer: 'Nairobi',
        options: ['Mombasa', 'Nairobi', 'Kisumu', 'Nakuru']
      },
      { id: 'peru', type: 'choice', front: 'Capital of Peru?', answer: 'Lima', options: ['lima', 'Cusco'] },
      basic('chile', 'Capital of Chile?', 'Santiago'),
      basic('japan', 'Capital of Japan?', 'Tokyo')
    );
    const orders = new Set<string>();
    for (const seed of SEEDS) {
      const qs = of(generateQuiz(deck, all(seed, { types: ['choice'] })), 'choice');
      const kenya = qs.find((q) => q.itemId === 'kenya')!;
      expect([...kenya.options].sort()).toEqual(['Kisumu', 'Mombasa', 'Nairobi', 'Nakuru']);
      orders.add(kenya.options.join());
      const peru = qs.find((q) => q.itemId === 'peru')!;
      expect(peru.answer).toBe('lima');
      expect(peru.options).toContain('Cusco');
      expect(peru.options).toHaveLength(4);
      expectInvariants(deck, qs);
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  test('one wrong answer is too few for multiple choice: a deck of two cards asks true/false instead', () => {
    const deck = deckOf(basic('a', 'Capital of Peru?', 'Lima'), basic('b', 'Capital of Chile?', 'Santiago'));
    for (const seed of SEEDS) {
      const qs = generateQuiz(deck, all(seed));
      expect(qs).toHaveLength(2);
      expect(of(qs, 'match')).toHaveLength(0);
      expect(of(qs, 'choice')).toHaveLength(0);
      for (const q of of(qs, 'truefalse'))
        if (!q.answer) expect(q.shownAnswer).toBe(q.itemId === 'a' ? 'Santiago' : 'Lima');
      expectInvariants(deck, qs);
    }
    expect(generateQuiz(deck, all(1, { types: ['choice'] }))).toEqual([]);
    const three = deckOf(...deck.cards, basic('c', 'Capital of Japan?', 'Tokyo'));
    for (const q of of(generateQuiz(three, all(1, { types: ['choice'] })), 'choice')) expect(q.options).toHaveLength(3);
  });

  test('wrong answers are of the answer’s sort; an item with too few of its sort is asked another way', () => {
    const deck = deckOf(
      basic('author', 'Who wrote the article?', 'Lucas Leiroz de Almeida'),
      basic('maduro', 'Who is the president of Venezuela?', 'Nicolás Maduro'),
      basic('duque', 'Who is the president of Colombia?', 'Iván Duque'),
      basic('padrino', 'Who is the defence minister?', 'Vladimir Padrino'),
      { id: 'maduro-role', type: 'reverse', front: 'Nicolás Maduro', back: 'President of Venezuela' },
      { id: 'duque-role', type: 'reverse', front: 'Iván Duque', back: 'President of Colombia' },
      { id: 'vtv', type: 'reverse', front: 'VTV', back: 'Venezuelan state TV channel' },
      { id: 'militias', type: 'cloze', text: 'Massacres and murders by {{drug-trafficking militias}}.' },
      { id: 'pdvsa', type: 'reverse', front: 'PDVSA', back: "Venezuela's state oil company" }
    );
    for (const seed of SEEDS) {
      const qs = generateQuiz(deck, all(seed, { types: ['choice', 'truefalse'] }));
      const author = qs.find((q) => q.itemId === 'author')!;
      const people = ['Iván Duque', 'Lucas Leiroz de Almeida', 'Nicolás Maduro', 'Vladimir Padrino'];
      if (author.type === 'choice') expect([...author.options].sort()).toEqual(people);
      for (const q of qs) {
        if (q.type === 'truefalse' && !q.answer && q.card.type !== 'truefalse') {
          const sameSort: Record<string, string[]> = {
            'President of Venezuela': ['President of Colombia'],
            'President of Colombia': ['President of Venezuela'],
            'Venezuelan state TV channel': ["Venezuela's state oil company", 'PDVSA', 'VTV'],
            "Venezuela's state oil company": ['Venezuelan state TV channel', 'PDVSA', 'VTV'],
            VTV: ['PDVSA'],
            PDVSA: ['VTV']
          };
          const allowed = sameSort[q.rightAnswer] ?? people;
          expect(allowed, `${q.prompt} → ${q.shownAnswer}`).toContain(q.shownAnswer);
        }
      }
      expect(
        qs.some((q) => q.itemId === 'militias#c1'),
        'a blank of unknown sort is not asked this way'
      ).toBe(false);
      expectInvariants(deck, qs);
    }
  });

  test('a card with no possible wrong answer is not asked as choice or true/false', () => {
    const deck = deckOf(
      basic('a', 'Capital of Peru?', 'Lima'),
      basic('b', 'Where is the government of Peru?', 'Lima, Peru')
    );
    expect(generateQuiz(deck, all(1, { types: ['choice', 'truefalse'] }))).toEqual([]);
    const one = deckOf(basic('a', 'Capital of Peru?', 'Lima'));
    expect(generateQuiz(one, all(1)).map((q) => q.type)).toEqual(['typed']);
  });
});

describe('generateQuiz: question types', () => {
  test('a deck of basic cards only yields every type, spread evenly', () => {
    for (const seed of SEEDS) {
      const qs = generateQuiz(capitals, all(seed));
      const counts = Object.values(byType(qs));
      expect(Math.min(...counts)).toBeGreaterThan(0);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2); // leftovers too few for a round
      expectInvariants(capitals, qs);
    }
  });

  test('only the chosen types are asked; items that suit none are left out', () => {
    const deck = deckOf(...capitals.cards.slice(0, 6), {
      id: 'tf',
      type: 'truefalse',
      front: 'Sydney is the capital of Australia.',
      answer: false
    });
    const typed = generateQuiz(deck, all(5, { types: ['typed'] }));
    expect(typed.map((q) => q.type)).toEqual(Array(6).fill('typed'));
    const tf = of(generateQuiz(deck, all(5, { types: ['truefalse'] })), 'truefalse');
    expect(tf).toHaveLength(7);
    const native = tf.find((q) => q.itemId === 'tf')!;
    expect(native).toMatchObject({ prompt: 'Sydney is the capital of Australia.', shownAnswer: '', answer: false });
    expect(generateQuiz(deck, all(5, { types: [] }))).toEqual([]);
  });

  test('reverse cards are asked both ways and cloze deletions one by one, typed with their parts', () => {
    const deck = deckOf(
      { id: 'canada', type: 'reverse', front: 'Canada', back: 'Ottawa' },
      { id: 'peru-chile', type: 'cloze', text: 'Peru: {{Lima}}; Chile: {{Santiago::a city}}.' },
      { id: 'usa', type: 'typed', front: 'Capital of the USA?', answer: 'Washington, D.C.', accept: ['Washington'] }
    );
    const qs = generateQuiz(deck, all(3, { types: ['typed'] }));
    expect(qs.map((q) => q.itemId).sort()).toEqual([
      'canada',
      'canada#reverse',
      'peru-chile#c1',
      'peru-chile#c2',
      'usa'
    ]);
    const c2 = of(qs, 'typed').find((q) => q.itemId === 'peru-chile#c2')!;
    expect(c2).toMatchObject({ prompt: 'Peru: Lima; Chile: [a city].', answer: 'Santiago', accept: [] });
    expect(c2.cloze?.deletion).toBe(2);
    expect(of(qs, 'typed').find((q) => q.itemId === 'usa')!.accept).toEqual(['Washington']);
    expect(of(qs, 'typed').find((q) => q.itemId === 'canada#reverse')).toMatchObject({
      prompt: 'Ottawa',
      answer: 'Canada'
    });
  });

  test('long answers are not typed, and not matched', () => {
    const long = 'Because of the economic boycott that the United States imposed on Venezuela';
    const deck = deckOf(...capitals.cards.slice(0, 8), basic('why', 'Why secret?', long));
    for (const seed of SEEDS) {
      const q = generateQuiz(deck, all(seed)).find(
        (x) => x.itemId === 'why' || (x.type === 'match' && x.pairs.some((p) => p.itemId === 'why'))
      );
      expect(q === undefined || q.type === 'choice' || q.type === 'truefalse').toBe(true);
    }
  });

  test('a matching round has 5 pairs from different cards', () => {
    const rounds = of(generateQuiz(capitals, all(11, { types: ['match'] })), 'match');
    expect(rounds).toHaveLength(12);
    for (const r of rounds) {
      expect(r.pairs).toHaveLength(5);
      expect(new Set(r.pairs.map((p) => p.card.id)).size).toBe(5);
      for (const p of r.pairs) expect(p.card.type === 'basic' && p.card.back).toBe(p.answer);
    }
  });
});

describe('generateQuiz: settings and determinism', () => {
  test('the same deck and settings give the same quiz; another seed another order', () => {
    expect(generateQuiz(capitals, all(8))).toEqual(generateQuiz(capitals, all(8)));
    const ids = (seed: number) =>
      generateQuiz(capitals, all(seed))
        .map((q) => q.id)
        .join();
    expect(ids(8)).not.toBe(ids(9));
  });

  test('count limits questions, a matching round counting as one', () => {
    expect(generateQuiz(capitals, all(1, { count: 10 }))).toHaveLength(10);
    expect(generateQuiz(capitals, all(1, { count: 0 }))).toEqual([]);
    expect(generateQuiz(capitals, all(1, { count: 3, types: ['match'] }))).toHaveLength(3);
    expect(generateQuiz(capitals, all(1, { count: 500 })).length).toBeLessThan(60);
  });

  test('onlyItemIds restricts the items asked, but distractors still come from the whole deck', () => {
    const only = ['peru', 'chile', 'kenya', 'nepal'];
    for (const seed of SEEDS) {
      const qs = generateQuiz(capitals, all(seed, { onlyItemIds: [...only, 'no-such-card'] }));
      const tested = qs.flatMap((q) => (q.type === 'match' ? q.pairs.map((p) => p.itemId) : [q.itemId]));
      expect(tested.sort()).toEqual([...only].sort());
      for (const q of of(qs, 'choice')) expect(q.options).toHaveLength(4);
    }
  });

  test('true/false is about half true', () => {
    for (const seed of SEEDS) {
      const tf = of(generateQuiz(capitals, all(seed, { types: ['truefalse'] })), 'truefalse');
      expect(tf).toHaveLength(60);
      const share = tf.filter((q) => q.answer).length / tf.length;
      expect(share).toBeGreaterThanOrEqual(0.4);
      expect(share).toBeLessThanOrEqual(0.6);
    }
  });

  test('generated true/false balances the deck’s own true/false cards', () => {
    const natives: Card[] = Array.from({ length: 6 }, (_, i) => ({
      id: `tf-${i}`,
      type: 'truefalse',
      front: `Statement ${i}.`,
      answer: true
    }));
    const deck = deckOf(...capitals.cards.slice(0, 10), ...natives);
    const tf = of(generateQuiz(deck, all(4, { types: ['truefalse'] })), 'truefalse');
    expect(tf.filter((q) => q.answer)).toHaveLength(8);
  });
});

describe('promptAndAnswer', () => {
  test('says what each kind of study item asks', () => {
    const deck = deckOf(
      { id: 'r', type: 'reverse', front: 'Canada', back: 'Ottawa' },
      { id: 'c', type: 'cloze', text: '{{Berlin::a city}} is the capital of {{Germany}}.' },
      { id: 't', type: 'truefalse', front: 'Cairo is in Egypt.', answer: true },
      { id: 'y', type: 'typed', front: 'Capital of the USA?', answer: 'Washington', accept: ['DC'] }
    );
    expect(studyItems(deck).map(promptAndAnswer)).toEqual([
      { prompt: 'Canada', answer: 'Ottawa', accept: [] },
      { prompt: 'Ottawa', answer: 'Canada', accept: [] },
      { prompt: '[a city] is the capital of Germany.', answer: 'Berlin', accept: [] },
      { prompt: 'Berlin is the capital of […].', answer: 'Germany', accept: [] },
      { prompt: 'Cairo is in Egypt.', answer: 'True', accept: [] },
      { prompt: 'Capital of the USA?', answer: 'Washington', accept: ['DC'] }
    ]);
  });
});

describe('generateQuiz over the real decks in content/', () => {
  let decks: Deck[] = [];
  beforeAll(async () => {
    const result = await compileContentDir(fileURLToPath(new URL('../../../content', import.meta.url)));
    expect(result.problems).toEqual([]);
    decks = result.decks;
  });

  // Every deck, seed and question type: seconds of work that grow with the content.
  test(
    'every deck gives a valid quiz for several seeds, and is the same for the same seed',
    { timeout: 30_000 },
    () => {
      expect(decks.length).toBeGreaterThan(0);
      for (const deck of decks)
        for (const seed of SEEDS) {
          const qs = generateQuiz(deck, all(seed));
          expect(qs.length).toBeGreaterThan(0);
          expectInvariants(deck, qs);
          expect(generateQuiz(deck, all(seed))).toEqual(qs);
          for (const types of QUESTION_TYPES.map((t) => [t]))
            expectInvariants(deck, generateQuiz(deck, all(seed, { types })));
        }
    }
  );

  test('every study item is asked when all types are allowed, but long answers with no wrong answer of their sort', () => {
    for (const deck of decks) {
      const tested = new Set(
        generateQuiz(deck, all(1)).flatMap((q) => (q.type === 'match' ? q.pairs.map((p) => p.itemId) : [q.itemId]))
      );
      const left = studyItems(deck).filter((i) => !tested.has(i.id));
      for (const item of left) {
        expect(promptAndAnswer(item).answer.length, item.id).toBeGreaterThan(40);
        const asTrueFalse = generateQuiz(deck, all(1, { types: ['truefalse'], onlyItemIds: [item.id] }));
        expect(asTrueFalse, `${item.id} has no wrong answer of its sort`).toEqual([]);
      }
      // Fewer questions rather than give-away ones: at most a third of a deck's items.
      expect(left.length, deck.id).toBeLessThan(studyItems(deck).length / 3);
    }
  });
});
