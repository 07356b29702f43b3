/**
 * A quiz as the quiz page drives it, on the real database (fake-indexeddb): questions one at a time,
 * the verdict on each answer, the score saved at the end, and "Retry missed".
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { db } from '$lib/db';
import { generateQuiz, type Deck, type Question } from '$lib/domain';
import * as t from '$lib/text';
import { QuizSession, type QuizGenerator } from './quiz-session.svelte';

const CAPITALS: [string, string, string][] = [
  ['france', 'France', 'Paris'],
  ['kenya', 'Kenya', 'Nairobi'],
  ['japan', 'Japan', 'Tokyo'],
  ['chile', 'Chile', 'Santiago'],
  ['egypt', 'Egypt', 'Cairo'],
  ['canada', 'Canada', 'Ottawa']
];
const DECK: Deck = {
  id: 'capitals',
  title: 'Capitals',
  description: 'Capitals of the world.',
  language: 'en',
  tags: [],
  cards: [
    ...CAPITALS.map(([id, country, city]) => ({
      id,
      type: 'basic' as const,
      front: `Capital of ${country}?`,
      back: city
    })),
    { id: 'sydney', type: 'truefalse', front: 'Sydney is the capital of Australia.', answer: false }
  ]
};
const T0 = new Date(2026, 2, 2, 9, 0);
const clock = () => T0;
/** The page makes questions in a Web Worker; here they are made on this thread, by the same function. */
const here: QuizGenerator = async (deck, settings) => generateQuiz(deck, settings);

/** The right answer to a question, as the page would send it. */
function rightAnswer(q: Question): string | boolean | Record<string, string> {
  if (q.type === 'match') return Object.fromEntries(q.pairs.map((p) => [p.itemId, p.answer]));
  return q.answer;
}

/** A wrong answer to a multiple choice question. */
function wrongChoice(q: Question): string {
  if (q.type !== 'choice') throw new Error(`not a choice question: ${q.type}`);
  return q.options.find((o) => o !== q.answer)!;
}

async function loaded(): Promise<QuizSession> {
  const quiz = new QuizSession(DECK, here, clock);
  await quiz.load();
  return quiz;
}

/** Answers every question of a started quiz, the first one wrongly, and goes on to the results. */
async function missFirst(quiz: QuizSession): Promise<string> {
  const missed = quiz.current!.itemId;
  quiz.answer(wrongChoice(quiz.current!));
  expect(quiz.feedback?.right).toBe(false);
  await quiz.next();
  while (quiz.phase === 'asking') {
    quiz.answer(rightAnswer(quiz.current!));
    expect(quiz.feedback?.right).toBe(true);
    await quiz.next();
  }
  return missed;
}

beforeEach(async () => {
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('QuizSession', () => {
  test('asks one question at a time, judges each answer and saves the score, leaving scheduling alone', async () => {
    const quiz = await loaded();
    expect(quiz.history).toEqual([]);
    expect(quiz.lastMissed).toEqual([]);

    expect(await quiz.start({ count: 'all', types: ['choice'], onlyMissed: false })).toBe(true);
    expect(quiz.phase).toBe('asking');
    expect(quiz.questions).toHaveLength(6);
    expect(quiz.index).toBe(0);

    // Feedback comes first; a second answer to the same question is ignored.
    const first = quiz.current!;
    quiz.answer(wrongChoice(first));
    quiz.answer(rightAnswer(first));
    expect(quiz.answers).toHaveLength(1);
    expect(quiz.feedback).toMatchObject({ right: false, rightAnswer: rightAnswer(first), missed: [first.itemId] });
    await quiz.next();
    expect(quiz.index).toBe(1);
    expect(quiz.feedback).toBeNull();

    while (quiz.phase === 'asking') {
      quiz.answer(rightAnswer(quiz.current!));
      await quiz.next();
    }
    expect(quiz.phase).toBe('results');
    expect(quiz.correct).toBe(5);
    expect(quiz.error).toBeNull();

    const saved = await db.quizAttempts.toArray();
    expect(saved).toMatchObject([{ deckId: 'capitals', correct: 5, total: 6, startedAt: T0.getTime() }]);
    expect(quiz.history.map((a) => a.id)).toEqual([saved[0].id]);
    expect(quiz.lastMissed).toEqual([first.itemId]);
    // A quiz never changes when cards are due.
    expect(await db.cardStates.count()).toBe(0);
    expect(await db.reviewLogs.count()).toBe(0);
  });

  test('"Retry missed" asks only the cards answered wrongly', async () => {
    const quiz = await loaded();
    await quiz.start({ count: 'all', types: ['choice'], onlyMissed: false });
    const missed = await missFirst(quiz);

    expect(await quiz.retryMissed()).toBe(true);
    expect(quiz.phase).toBe('asking');
    expect(quiz.questions.map((q) => q.itemId)).toEqual([missed]);
    expect(quiz.questions[0].type).toBe('choice');
  });

  test('"Only cards I missed last time" reads the last attempt, also in a later session', async () => {
    const quiz = await loaded();
    await quiz.start({ count: 'all', types: ['choice'], onlyMissed: false });
    const missed = await missFirst(quiz);

    const later = await loaded();
    expect(later.history).toHaveLength(1);
    expect(later.lastMissed).toEqual([missed]);
    await later.start({ count: 'all', types: ['choice', 'typed'], onlyMissed: true });
    expect(new Set(later.questions.map((q) => q.itemId))).toEqual(new Set([missed]));
  });

  test('choices that leave nothing to ask say so and stay on the setup', async () => {
    const quiz = await loaded();
    expect(await quiz.start({ count: 'all', types: ['choice'], onlyMissed: true })).toBe(false);
    expect(quiz.error).toBe(t.quiz.noQuestions);
    expect(quiz.phase).toBe('setup');
  });

  test('asking for more questions than the deck has says how many there are', async () => {
    const quiz = await loaded();
    await quiz.start({ count: 10, types: ['choice'], onlyMissed: false });
    expect(quiz.questions).toHaveLength(6);
    expect(quiz.shortBy).toBe(4);
  });

  test('typed answers forgive a typo, and true/false answers are kept in words', async () => {
    const quiz = await loaded();
    await quiz.start({ count: 'all', types: ['typed', 'truefalse'], onlyMissed: false });
    let typed = false;
    let trueFalse = false;
    while (quiz.phase === 'asking') {
      const q = quiz.current!;
      if (q.type === 'typed' && q.answer === 'Santiago') {
        quiz.answer('santiagoo');
        expect(quiz.feedback).toMatchObject({ right: true, almost: true, given: 'santiagoo' });
        typed = true;
      } else if (q.type === 'truefalse' && q.itemId === 'sydney') {
        quiz.answer(true);
        expect(quiz.feedback).toMatchObject({ right: false, given: t.answers.true, rightAnswer: t.answers.false });
        trueFalse = true;
      } else quiz.answer(rightAnswer(q));
      await quiz.next();
    }
    expect([typed, trueFalse]).toEqual([true, true]);
  });

  test('a score the device has no room for says so; the results still show', async () => {
    const quiz = await loaded();
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.quizAttempts.hook('creating', full);
    try {
      await quiz.start({ count: 'all', types: ['choice'], onlyMissed: false });
      await missFirst(quiz);
    } finally {
      db.quizAttempts.hook('creating').unsubscribe(full);
    }
    expect(quiz.phase).toBe('results');
    expect(quiz.correct).toBe(5);
    expect(quiz.error).toBe(t.error.storageFull(t.quiz.saveFailed.full));
    expect(await db.quizAttempts.count()).toBe(0);
    expect(quiz.history).toEqual([]);
  });

  test('the quiz is the one generateQuiz makes from the start time as seed, whatever makes it', async () => {
    const asked: Parameters<QuizGenerator>[1][] = [];
    const quiz = new QuizSession(
      DECK,
      async (deck, settings) => (asked.push(settings), generateQuiz(deck, settings)),
      clock
    );
    await quiz.load();
    await quiz.start({ count: 5, types: ['choice', 'truefalse', 'typed'], onlyMissed: false });
    expect(asked).toEqual([{ seed: T0.getTime() % 2_147_483_647, count: 5, types: ['choice', 'truefalse', 'typed'] }]);
    expect(quiz.questions).toEqual(generateQuiz(DECK, asked[0]));
  });

  test('while a quiz is being made it says so, and a second press starts nothing more', async () => {
    let finish: (questions: Question[]) => void = () => {};
    let made = 0;
    const slow: QuizGenerator = (deck, settings) => {
      made++;
      return new Promise((resolve) => (finish = () => resolve(generateQuiz(deck, settings))));
    };
    const quiz = new QuizSession(DECK, slow, clock);
    await quiz.load();
    const first = quiz.start({ count: 'all', types: ['choice'], onlyMissed: false });
    expect(quiz.starting).toBe(true);
    expect(quiz.phase).toBe('setup');
    expect(await quiz.start({ count: 'all', types: ['choice'], onlyMissed: false })).toBe(false);
    expect(made).toBe(1);
    finish([]);
    expect(await first).toBe(true);
    expect(quiz.starting).toBe(false);
    expect(quiz.phase).toBe('asking');
    expect(quiz.questions).toHaveLength(6);
  });

  test('a quiz that could not be made says why in words and stays on the setup; the next press tries again', async () => {
    let failures = 1;
    const flaky: QuizGenerator = async (deck, settings) => {
      if (failures-- > 0) throw new Error('the quiz maker stopped unexpectedly');
      return generateQuiz(deck, settings);
    };
    const quiz = new QuizSession(DECK, flaky, clock);
    await quiz.load();
    expect(await quiz.start({ count: 'all', types: ['choice'], onlyMissed: false })).toBe(false);
    expect(quiz.error).toBe(t.quiz.startFailed('the quiz maker stopped unexpectedly'));
    expect(quiz.error).toMatch(/^The quiz could not be made: the quiz maker stopped unexpectedly\./);
    expect(quiz.phase).toBe('setup');
    expect(quiz.starting).toBe(false);

    expect(await quiz.start({ count: 'all', types: ['choice'], onlyMissed: false })).toBe(true);
    expect(quiz.error).toBeNull();
    expect(quiz.phase).toBe('asking');
  });
});
