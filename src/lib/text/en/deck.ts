/** A deck's page. */
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
  loadingProgress: 'Loading your progress…',
  quizHeading: 'Quiz',
  quizScores: (last: number, correct: number, total: number, best: number) =>
    `Last score: ${last}% (${correct} of ${total}). Best: ${best}%.`,
  quizIntro: 'Test yourself with generated questions: multiple choice, true or false, typed answers and matching.',
  takeQuiz: 'Take a quiz',
  about: (imported: boolean, cards: number, language: string, tags: string[]) =>
    `${imported ? 'Imported on this device · ' : ''}${plural(cards, 'card')} · language ${language}${tags.length ? ` · ${tags.join(', ')}` : ''}`,
  actionsHeading: (imported: boolean) => `Export${imported ? ' or delete' : ''}`,
  exportYaml: 'Export as Factdeck file',
  exportCsv: 'Export as CSV',
  exportNote: 'The Factdeck file keeps everything; CSV keeps fronts, backs and tags, for spreadsheets and other apps.',
  delete: 'Delete this deck',
  deleteConfirm: (title: string) =>
    `Delete “${title}” from this device, with all its progress and quiz results? This cannot be undone.`,
  deleteYes: 'Delete',
  deleteFailed: (reason: string) => `The deck could not be deleted: ${reason}`
};
