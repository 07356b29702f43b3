/** A deck's page. */
import type { FailedWrite } from './common';
import { plural } from './plural';

export const deck = {
  from: 'From',
  by: (author: string, publisher: string, original: string | undefined, date: string) =>
    `by ${author}, ${publisher}${original ? ` (first published by ${original})` : ''}, ${date}.`,
  /** The sources a deck names after its first, folded away. */
  otherSources: (n: number) => `Also cites ${plural(n, 'other source')}`,
  progressHeading: 'Your progress',
  toStudyNow: (all: number, learning: number, review: number, fresh: number) =>
    `${all} to study now: ${learning} learning, ${review} due, ${fresh} new.`,
  nothingNowNext: (when: string) => `Nothing to study now. Next card due ${when}.`,
  nothingNow: 'Nothing to study now.',
  buried: (n: number) =>
    `${plural(n, 'more card')} ${n === 1 ? 'waits' : 'wait'} until tomorrow: ${n === 1 ? 'its' : 'their'} other side or another blank of the same card comes first (Settings, “Bury siblings”).`,
  loadingProgress: 'Loading your progress…',
  quizHeading: 'Quiz',
  /** `best`: of whole quizzes only; a retry of missed cards (`lastOnlyMissed`) is kept apart. */
  quizScores: (last: number, correct: number, total: number, best: number | null, lastOnlyMissed = false) =>
    `Last score: ${last}% (${correct} of ${total}${lastOnlyMissed ? ', cards you had missed' : ''}).${best === null ? '' : ` Best: ${best}%.`}`,
  quizIntro: 'Test yourself with generated questions: multiple choice, true or false, typed answers and matching.',
  takeQuiz: 'Take a quiz',
  about: (imported: boolean, cards: number, language: string, tags: string[]) =>
    `${imported ? 'Imported on this device · ' : ''}${plural(cards, 'card')} · language ${language}${tags.length ? ` · ${tags.join(', ')}` : ''}`,
  /** Why the counts above add up to more than the deck's cards. */
  itemsNote: (cards: number, items: number) =>
    `These count what you study: the deck's ${plural(cards, 'card')} make ${items}, since a reverse card is studied both ways and a cloze card once per blank.`,
  actionsHeading: (imported: boolean) => `Export${imported ? ' or delete' : ''}`,
  exportYaml: 'Export as Factdeck file',
  exportCsv: 'Export as CSV',
  exportNote: 'The Factdeck file keeps everything; CSV keeps fronts, backs and tags, for spreadsheets and other apps.',
  delete: 'Delete this deck',
  deleteConfirm: (title: string) =>
    `Delete “${title}” from this device, with all its progress and quiz results? This cannot be undone.`,
  deleteYes: 'Delete',
  print: 'Print the cards',
  printHeading: (n: number) => `The cards (${n})`,
  deleteFailed: {
    full: 'the deck was not deleted',
    other: (reason: string) => `The deck could not be deleted: ${reason}`
  } satisfies FailedWrite
};
