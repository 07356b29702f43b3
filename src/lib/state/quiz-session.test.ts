/**
 * A quiz as the quiz page drives it, on the real database (fake-indexeddb): questions one at a time,
 * the verdict on each answer, the score saved at the end, and "Retry missed".
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { db } from '$lib/db';
import type { Deck, Question } from '$lib/domain';
import * as t from '$lib/text';
import { QuizSession } from './quiz-session.svelte';

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
  const quiz = new QuizSession(DECK, clock);
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

    expect(quiz.start({ count: 'all', types: ['choice'], onlyMissed: false })).toBe(true);
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
    quiz.start({ count: 'all', types: ['choice'], onlyMissed: false });
    const missed = await missFirst(quiz);

    expect(quiz.retryMissed()).toBe(true);
    expect(quiz.phase).toBe('asking');
    expect(quiz.questions.map((q) => q.itemId)).toEqual([missed]);
    expect(quiz.questions[0].type).toBe('choice');
  });

  test('"Only cards I missed last time" reads the last attempt, also in a later session', async () => {
    const quiz = await loaded();
    quiz.start({ count: 'all', types: ['choice'], onlyMissed: false });
    const missed = await missFirst(quiz);

    const later = await loaded();
    expect(later.history).toHaveLength(1);
    expect(later.lastMissed).toEqual([missed]);
    later.start({ count: 'all', types: ['choice', 'typed'], onlyMissed: true });
    expect(new Set(later.questions.map((q) => q.itemId))).toEqual(new Set([missed]));
  });

  test('choices that leave nothing to ask say so and stay on the setup', async () => {
    const quiz = await loaded();
    expect(quiz.start({ count: 'all', types: ['choice'], onlyMissed: true })).toBe(false);
    expect(quiz.error).toBe(t.quiz.noQuestions);
    expect(quiz.phase).toBe('setup');
  });

  test('asking for more questions than the deck has says how many there are', async () => {
    const quiz = await loaded();
    quiz.start({ count: 10, types: ['choice'], onlyMissed: false });
    expect(quiz.questions).toHaveLength(6);
    expect(quiz.shortBy).toBe(4);
  });

  test('typed answers forgive a typo, and true/false answers are kept in words', async () => {
    const quiz = await loaded();
    quiz.start({ count: 'all', types: ['typed', 'truefalse'], onlyMissed: false });
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
      quiz.start({ count: 'all', types: ['choice'], onlyMissed: false });
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
});
