/** The study page. */
import type { FailedWrite } from './common';
import { plural } from './plural';

export const study = {
  title: (deck: string) => `Study: ${deck}`,
  headingPrefix: 'Study: ',
  loadFailed: (reason: string) => `Your progress could not be read: ${reason}`,
  progress: 'Session progress',
  counts: (learning: number, review: number, fresh: number) => `${learning} learning · ${review} due · ${fresh} new`,
  /** What a reverse card's side asks for, above it: "Recall the job title." */
  recall: (what: string | null) => (what ? `Recall the ${what}.` : 'Recall the other side.'),
  /** Words for the sorts an answer can have (`answer-sort.ts`); other sorts are the teacher's own word. */
  sortNames: {
    title: 'job title',
    organisation: 'organisation',
    person: 'person',
    place: 'place',
    city: 'city',
    country: 'country',
    date: 'date',
    number: 'number',
    reason: 'reason',
    definition: 'meaning'
  } as Record<string, string>,
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
  /** `ms`: how long the session took. Under a minute in seconds, then in whole minutes. */
  reviewed: (cards: number, ms: number) => {
    const seconds = Math.max(1, Math.round(ms / 1000));
    const took = seconds < 60 ? plural(seconds, 'second') : `about ${plural(Math.round(seconds / 60), 'minute')}`;
    return `You reviewed ${plural(cards, 'card')} in ${took}.`;
  },
  upToDate: 'You are up to date with this deck.'
};

/** The "Study what is due" shortcut (`/study`). */
export const studyDue = {
  title: 'Study what is due',
  finding: 'Finding the deck with the most cards due…',
  nothing: 'Nothing is due in any deck right now, and no new cards are left for today.',
  allDecks: 'All decks',
  failed: (reason: string) => `Your decks could not be read: ${reason}`
};

function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** The speaker buttons on a study card. */
export const readAloud = {
  question: 'Read the question aloud',
  answer: 'Read the answer aloud',
  /** Said in place of the gap a cloze card asks for. */
  blank: 'blank',
  noSpeech: 'This browser cannot read aloud.',
  noVoice: (tag: string) =>
    `This device has no voice for ${languageName(tag)} (${tag}), so nothing was read aloud. Voices are added in the system's speech or language settings.`
};
