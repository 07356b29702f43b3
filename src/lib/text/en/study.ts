/** The study page. */
import type { FailedWrite } from './common';
import { plural } from './plural';

export const study = {
  title: (deck: string) => `Study: ${deck}`,
  headingPrefix: 'Study: ',
  loadFailed: (reason: string) => `Your progress could not be read: ${reason}`,
  progress: 'Session progress',
  counts: (learning: number, review: number, fresh: number) => `${learning} learning · ${review} due · ${fresh} new`,
  changed: 'Changed since you last studied it.',
  swipeHint: 'Swipe left for Again, right for Good.',
  showAnswer: 'Show answer',
  gradesLabel: 'How well did you remember?',
  undo: 'Undo',
  undoLast: 'Undo last grade',
  keysHint: 'Keys: Space or Enter shows the answer, 1–4 grade, U undoes, ? lists all keys.',
  graded: (grade: string, when: string) => `Graded ${grade}. Due again ${when}.`,
  undone: 'Grade undone: the card is back.',
  nextDue: (when: string) => `Next card due ${when}.`,
  noneScheduled: 'No more cards are scheduled in this deck.',
  gradeFailed: {
    full: 'your answer was not saved',
    other: (reason: string) => `Your answer could not be saved: ${reason}`
  } satisfies FailedWrite,
  undoFailed: {
    full: 'the grade was not undone',
    other: (reason: string) => `The grade could not be undone: ${reason}`
  } satisfies FailedWrite,
  undoTooLate: 'That grade can no longer be undone: the card was studied again since.',
  /** Following grades made in another tab failed. */
  followFailed: (reason: string) => `Progress could not be read: ${reason}`,
  card: 'Card',
  yourAnswer: 'Your answer',
  check: 'Check',
  options: 'Options',
  trueOrFalse: 'True or false',
  right: 'Right',
  notQuite: 'Not quite',
  youWrote: ': you wrote ',
  answer: 'Answer:',
  alsoAccepted: 'Also accepted:',
  complete: 'Session complete',
  nothingToStudy: 'Nothing to study right now',
  reviewed: (cards: number, minutes: number) =>
    `You reviewed ${plural(cards, 'card')} in about ${plural(minutes, 'minute')}.`,
  upToDate: 'You are up to date with this deck.'
};
