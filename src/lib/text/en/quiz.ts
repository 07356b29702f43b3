/** The quiz page. */
import { answers } from './card';
import { plural } from './plural';
import type { FailedWrite } from './common';

export const quiz = {
  title: (deck: string) => `Quiz: ${deck}`,
  headingPrefix: 'Quiz: ',
  intro: 'Test yourself now. Quizzes do not change when cards are due for study.',
  progress: 'Quiz progress',
  questionOf: (n: number, total: number) => `Question ${n} of ${total}`,
  short: (total: number) => ` (this deck has enough cards for ${plural(total, 'question')})`,
  question: (n: number) => `Question ${n}`,
  keysHint: 'Keys: 1–4 pick an answer, Enter submits or continues.',
  count: 'Number of questions',
  all: 'All',
  types: 'Question types',
  typeNames: {
    choice: 'Multiple choice',
    truefalse: 'True or false',
    typed: 'Typed answers',
    match: 'Matching round'
  },
  onlyMissed: 'Only cards I missed last time',
  missedNone: '(you missed none)',
  start: 'Start quiz',
  history: 'Your attempts',
  attempt: (when: string, correct: number, total: number, percent: number, onlyMissed = false) =>
    `${when}: ${correct} of ${total} (${percent}%)${onlyMissed ? ', cards you had missed' : ''}`,
  options: 'Options',
  trueOrFalse: 'True or false',
  answerGiven: 'Answer given:',
  yourAnswer: 'Your answer',
  submit: 'Submit',
  matchPrompt: 'Match each prompt with its answer.',
  matchHelp:
    'Choose a prompt, then its answer (or an answer, then its prompt). Choose a matched prompt again to undo it.',
  prompts: 'Prompts',
  answers: 'Answers',
  rightIs: 'Right:',
  checkMatches: 'Check matches',
  almost: 'Almost: check your spelling.',
  right: 'Right!',
  notQuite: 'Not quite.',
  rightAnswer: 'Right answer:',
  /** After a rightly answered "False": what the statement should have said. */
  trueAnswer: 'The answer is',
  pairMatched: '✓ matched:',
  pairMissed: '✗ missed:',
  continue: 'Continue',
  seeResults: 'See results',
  results: 'Results',
  score: (correct: number, total: number, percent: number, took: string) =>
    `${correct} of ${total} right (${percent}%) in ${took}.`,
  seconds: (s: number) => plural(s, 'second'),
  minutes: (m: number) => plural(m, 'minute'),
  retryMissed: 'Retry missed',
  newQuiz: 'New quiz',
  everyQuestion: 'Every question',
  verdictRight: '(right)',
  verdictAlmost: '(right, check the spelling)',
  verdictWrong: '(wrong)',
  /**
   * Stored with a finished quiz's answers, as shown (a true/false answer in the words of `answers`):
   * a record of what the learner saw, never read back as a code, so an old attempt keeps its words.
   */
  matchAsked: 'Match each prompt with its answer',
  pairsRight: (right: number, total: number) => `${right} of ${total} pairs right`,
  falseBecause: (rightAnswer: string) => `${answers.false}: ${rightAnswer}`,
  /** Shown, in a muted line, only when making the quiz takes long enough to notice. */
  preparing: 'Preparing the quiz…',
  startFailed: (reason: string) => `The quiz could not be made: ${reason}. Try again, or reload the page.`,
  workerStopped: 'the quiz maker stopped unexpectedly',
  workerNoDeck: 'the quiz maker was given no deck',
  noQuestions: 'These choices leave no questions to ask. Pick more question types or all cards.',
  saveFailed: {
    full: 'your result was not saved',
    other: (reason: string) => `Your result could not be saved: ${reason}`
  } satisfies FailedWrite
};
