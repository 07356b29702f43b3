/** One quiz on one deck: setup, one question at a time with feedback, results and history. */
import { lastQuizAttempt, quizAttempts, saveQuizAttempt, StaleDataError } from '$lib/db';
import {
  checkAnswer,
  countsAsRight,
  missedItemIds,
  own,
  QUESTION_TYPES,
  type DataChange,
  type Deck,
  type Question,
  type QuestionType,
  type QuizAnswer,
  type QuizAttempt,
  type QuizSettings
} from '$lib/domain';
import * as t from '$lib/text';
import { systemClock } from './deck-status';
import { failedWrite } from './failed-write';
import { VersionFollower } from './version-follower';

export type QuizPhase = 'setup' | 'asking' | 'results';

export interface QuizChoices {
  count: number | 'all';
  types: QuestionType[];
  onlyMissed: boolean;
}

/**
 * What makes the questions: `generateQuiz` in the page's Web Worker, so a big or hostile deck never
 * holds the main thread (issue 21); `generateQuiz` itself in unit tests.
 */
export type QuizGenerator = (deck: Deck, settings: QuizSettings) => Promise<Question[]>;

export class QuizSession {
  readonly deck: Deck;
  readonly #generate: QuizGenerator;
  readonly #clock: () => Date;
  readonly #versions: VersionFollower;
  #seed = 0;
  /** Whether the quiz under way asks only items missed before. */
  #onlyMissed = false;

  phase = $state<QuizPhase>('setup');
  questions = $state.raw<Question[]>([]);
  index = $state(0);
  answers = $state.raw<QuizAnswer[]>([]);
  /** The verdict on the current question, once answered. */
  feedback = $state<QuizAnswer | null>(null);
  startedAt = $state(0);
  finishedAt = $state(0);
  /** Past attempts at this deck, newest first. */
  history = $state.raw<QuizAttempt[]>([]);
  /** Items missed in the last attempt, for "only cards I missed last time". */
  lastMissed = $state.raw<string[]>([]);
  error = $state<string | null>(null);
  /** True while the questions of a quiz that was asked for are being made. */
  starting = $state(false);
  /**
   * Set when the deck was deleted, imported again, restored or reset (here or in another tab) after
   * this quiz loaded: it saves nothing, and the page starts a new one (data-version.ts).
   */
  changedElsewhere = $state<DataChange | null>(null);
  /** Set when the deck has fewer questions to ask than were asked for. */
  shortBy = $state(0);

  current = $derived(this.questions[this.index] ?? null);
  correct = $derived(this.answers.filter((a) => a.right).length);

  constructor(deck: Deck, generate: QuizGenerator, clock: () => Date = systemClock) {
    this.deck = deck;
    this.#generate = generate;
    this.#clock = clock;
    this.#versions = new VersionFollower(deck.id, (change) => (this.changedElsewhere = change));
  }

  /** Reads past attempts. */
  async load(): Promise<void> {
    await this.#versions.read();
    const [history, last] = await Promise.all([quizAttempts(this.deck.id), lastQuizAttempt(this.deck.id)]);
    this.history = history;
    this.lastMissed = last ? missedItemIds(last) : [];
  }

  /** Follows changes that remove or replace the deck or its progress; returns the function that stops. */
  follow(): () => void {
    return this.#versions.follow();
  }

  /**
   * Starts a quiz; resolves to false (with `error` set) when the deck cannot make one with these
   * choices or making it failed, and to false at once while another is being made.
   */
  start(choices: QuizChoices): Promise<boolean> {
    return this.#begin(choices.count, choices.types, choices.onlyMissed ? this.lastMissed : undefined);
  }

  /** A new quiz on the items answered wrongly in the attempt just finished. */
  retryMissed(): Promise<boolean> {
    const types = QUESTION_TYPES.filter((type) => this.questions.some((q) => q.type === type));
    return this.#begin('all', types, missedItemIds({ answers: this.answers }));
  }

  async #begin(
    count: number | 'all',
    types: readonly QuestionType[],
    onlyItemIds?: readonly string[]
  ): Promise<boolean> {
    if (this.starting) return false;
    const now = this.#clock().getTime();
    const seed = now % 2_147_483_647;
    this.starting = true;
    let questions: Question[];
    try {
      questions = await this.#generate(this.deck, { seed, count, types, onlyItemIds });
    } catch (e) {
      this.error = t.quiz.startFailed(t.common.reason(e));
      return false;
    } finally {
      this.starting = false;
    }
    if (questions.length === 0) {
      this.error = t.quiz.noQuestions;
      return false;
    }
    this.error = null;
    this.#seed = seed;
    this.#onlyMissed = onlyItemIds !== undefined;
    this.shortBy = count === 'all' ? 0 : Math.max(0, count - questions.length);
    this.questions = questions;
    this.index = 0;
    this.answers = [];
    this.feedback = null;
    this.startedAt = now;
    this.phase = 'asking';
    return true;
  }

  /** Records the learner's answer to the current question and shows the verdict. */
  answer(given: string | boolean | Record<string, string>): void {
    const q = this.current;
    if (!q || this.feedback || this.changedElsewhere) return;
    const verdict = judge(q, given);
    this.feedback = verdict;
    this.answers = [...this.answers, verdict];
  }

  /** Moves to the next question, or to the results after the last one (saving the attempt). */
  async next(): Promise<void> {
    if (!this.feedback || this.changedElsewhere) return;
    if (this.index + 1 < this.questions.length) {
      this.index++;
      this.feedback = null;
      return;
    }
    this.finishedAt = this.#clock().getTime();
    this.phase = 'results';
    try {
      const saved = await saveQuizAttempt(
        {
          deckId: this.deck.id,
          startedAt: this.startedAt,
          finishedAt: this.finishedAt,
          seed: this.#seed,
          answers: this.answers,
          correct: this.correct,
          total: this.answers.length,
          ...(this.#onlyMissed && { onlyMissed: true })
        },
        this.#versions.seen
      );
      this.history = [saved, ...this.history];
      this.lastMissed = missedItemIds(saved);
    } catch (e) {
      if (e instanceof StaleDataError) this.changedElsewhere = e.change;
      else this.error = failedWrite(e, t.quiz.saveFailed);
    }
  }

  /** Back to the setup screen. */
  reset(): void {
    this.phase = 'setup';
    this.feedback = null;
  }
}

/** The verdict on one answer, in the words the stored attempt keeps. */
function judge(q: Question, given: string | boolean | Record<string, string>): QuizAnswer {
  const base = { questionId: q.id, type: q.type };
  const single = (prompt: string, g: string, rightAnswer: string, right: boolean) => ({
    ...base,
    itemIds: [q.itemId],
    missed: right ? [] : [q.itemId],
    prompt,
    given: g,
    rightAnswer,
    right
  });
  switch (q.type) {
    case 'choice':
      return single(q.prompt, String(given), q.answer, String(given) === q.answer);
    case 'truefalse': {
      const g = given === true || given === 'true';
      const word = (b: boolean) => (b ? t.answers.true : t.answers.false);
      const rightAnswer = !q.answer && q.rightAnswer ? t.quiz.falseBecause(q.rightAnswer) : word(q.answer);
      const prompt = q.shownAnswer ? `${q.prompt} — ${q.shownAnswer}` : q.prompt;
      return single(prompt, word(g), rightAnswer, g === q.answer);
    }
    case 'typed': {
      const result = checkAnswer(String(given), q.answer, q.accept);
      const verdict = single(q.prompt, String(given), q.answer, countsAsRight(result));
      return result === 'almost' ? { ...verdict, almost: true } : verdict;
    }
    case 'match': {
      const map = (typeof given === 'object' ? given : {}) as Record<string, string>;
      const missed = q.pairs.filter((p) => own(map, p.itemId) !== p.answer).map((p) => p.itemId);
      return {
        ...base,
        itemIds: q.pairs.map((p) => p.itemId),
        missed,
        prompt: t.quiz.matchAsked,
        given: t.quiz.pairsRight(q.pairs.length - missed.length, q.pairs.length),
        rightAnswer: q.pairs.map((p) => `${p.prompt} → ${p.answer}`).join('; '),
        right: missed.length === 0
      };
    }
  }
}
