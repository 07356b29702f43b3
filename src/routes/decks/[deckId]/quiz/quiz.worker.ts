/// <reference lib="webworker" />
// Generates quizzes off the main thread: ranking every answer's sort over a deck of long or hostile
// cards takes longer than a frame may (issue 21). The deck comes once and is kept for the quizzes
// that follow on the same page.
import { generateQuiz, type Deck, type Question, type QuizSettings } from '$lib/domain';
import * as t from '$lib/text';

export interface QuizRequest {
  id: number;
  /** Sent with the first quiz on a deck; later requests on the same deck leave it out. */
  deck?: Pick<Deck, 'cards'>;
  settings: QuizSettings;
}

export type QuizReply =
  { id: number; type: 'questions'; questions: Question[] } | { id: number; type: 'failed'; reason: string };

let deck: Pick<Deck, 'cards'> | null = null;

self.onmessage = (event: MessageEvent<QuizRequest>) => {
  const { id, settings } = event.data;
  if (event.data.deck) deck = event.data.deck;
  try {
    if (!deck) throw new Error(t.quiz.workerNoDeck);
    const questions = generateQuiz(deck, settings);
    self.postMessage({ id, type: 'questions', questions } satisfies QuizReply);
  } catch (e) {
    self.postMessage({ id, type: 'failed', reason: e instanceof Error ? e.message : String(e) } satisfies QuizReply);
  }
};
