/**
 * The quiz page's generating worker (quiz.worker.ts): started as the page opens, so it is ready
 * when the learner presses Start, and kept for the quizzes that follow. A worker that fails is
 * stopped, and the next quiz starts a new one.
 */
import type { Deck, Question, QuizSettings } from '$lib/domain';
import * as t from '$lib/text';
import type { QuizReply, QuizRequest } from './quiz.worker';
import QuizWorker from './quiz.worker?worker';

interface Pending {
  resolve: (questions: Question[]) => void;
  reject: (error: Error) => void;
}

export class QuizWorkerClient {
  #worker: Worker | null = null;
  /** The deck the worker holds, so that it is copied to the worker once, not for every quiz. */
  #deck: Pick<Deck, 'cards'> | null = null;
  #pending = new Map<number, Pending>();
  #next = 0;

  /** Starts the worker (and so loads its code) before it is needed. */
  warm(): Worker {
    if (this.#worker) return this.#worker;
    const worker = new QuizWorker();
    worker.onmessage = (event: MessageEvent<QuizReply>) => {
      const reply = event.data;
      const pending = this.#pending.get(reply.id);
      this.#pending.delete(reply.id);
      if (reply.type === 'questions') pending?.resolve(reply.questions);
      else pending?.reject(new Error(reply.reason));
    };
    worker.onerror = (event) => this.stop(event.message || t.quiz.workerStopped);
    worker.onmessageerror = () => this.stop(t.quiz.workerStopped);
    this.#worker = worker;
    return worker;
  }

  /** The quiz `generateQuiz` makes of `deck` with `settings`, made in the worker. */
  generate = (deck: Pick<Deck, 'cards'>, settings: QuizSettings): Promise<Question[]> => {
    const worker = this.warm();
    const id = this.#next++;
    const request: QuizRequest = { id, settings: { ...settings, types: [...settings.types] } };
    if (settings.onlyItemIds) request.settings.onlyItemIds = [...settings.onlyItemIds];
    if (deck !== this.#deck) request.deck = { cards: deck.cards };
    return new Promise((resolve, reject) => {
      worker.postMessage(request);
      this.#deck = deck;
      this.#pending.set(id, { resolve, reject });
    });
  };

  /** Stops the worker; quizzes still being made fail with `reason`. */
  stop(reason = t.quiz.workerStopped): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#deck = null;
    for (const pending of this.#pending.values()) pending.reject(new Error(reason));
    this.#pending.clear();
  }
}
