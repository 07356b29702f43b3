/** The new-deck page: an empty deck, or a deck drafted from an article and reviewed. */
import type { DraftProblem } from '$lib/domain/draft';
import type { CardKind } from '$lib/domain';
import { encodingNames } from './common';
import { plural } from './plural';

export const newDeck = {
  title: 'New deck',
  intro:
    'Start an empty deck and add cards yourself, or paste an article and let Factdeck draft cards on its key facts, on who said what, and on how to read it. Drafting happens on this device, offline.',
  emptyHeading: 'An empty deck',
  deckTitle: 'Title',
  description: 'Description',
  language: 'Language of the cards (like en, es, pt-BR)',
  createEmpty: 'Create empty deck',
  titleNeeded: 'Give the deck a title.',
  languageNeeded: 'Write the language as a tag like en, es or pt-BR.',
  articleHeading: 'From an article',
  articleText: 'Article text',
  articleHint: 'Paste the article, paragraphs separated by a blank line, or open its file.',
  openFile: 'Or open a file (.txt, .md or .html)',
  openedFile: (name: string) => `Opened ${name}.`,
  /** An opened article that was not UTF-8 (`decodeText`). */
  readAs: (encoding: keyof typeof encodingNames) =>
    `It is not saved as UTF-8, so it was read as ${encodingNames[encoding]}: check that letters such as é, ü or ñ look right.`,
  fileTooLarge: (name: string) => `“${name}” is larger than 5 MB; is it an article? Paste its text instead.`,
  sourceHeading: 'The source',
  sourceHint:
    'Every card cites the article by paragraph; the deck records where it comes from. Title, author, publisher and date are needed to save the deck; the link is optional.',
  fields: { title: 'Title', author: 'Author', publisher: 'Publisher', date: 'Date', url: 'Link' },
  paragraphCount: (n: number) => `${plural(n, 'paragraph')}, numbered from 1 in the order they come.`,
  draft: 'Draft cards',
  drafting: 'Drafting cards',
  draftingShort: 'Reading the article…',
  workerStopped: 'The drafting stopped unexpectedly.',
  draftFailed: (reason: string) => `No cards could be drafted: ${reason}`,
  /** Why drafting stopped, in words a teacher can act on. */
  problem: (p: DraftProblem): string => {
    switch (p.code) {
      case 'empty':
        return 'There is no text to draft from: paste the article, or open its file.';
      case 'too-long':
        return `The article has ${p.words.toLocaleString('en')} words; drafting takes at most ${p.limit.toLocaleString('en')}. Draft it in parts.`;
      case 'nothing-found':
        return `No card could be drafted from ${plural(p.paragraphs, 'paragraph')}: no dates, numbers, names, attributed statements or judgements were found. Is it an English article?`;
    }
  },
  reviewHeading: 'Review the draft',
  reviewIntro:
    'A draft is a starting point: read each card against its paragraph, edit what is wrong, and reject what is not worth learning. Nothing is saved until you press “Save deck”.',
  summary: (cards: number, counts: Record<CardKind, number>) =>
    `${plural(cards, 'card')} drafted: ${counts.fact} on key facts, ${counts.claim} on who said what, ${counts.opinion} on how to read it.`,
  keptCount: (kept: number, all: number) => `${kept} of ${all} kept.`,
  keepAll: 'Keep all',
  rejectAll: 'Reject all',
  keep: 'Keep this card',
  paragraph: (n: number) => `Paragraph ${n}`,
  fromSentence: 'Drafted from:',
  showParagraph: 'The whole paragraph',
  edit: 'Edit',
  done: 'Done',
  cardLabel: (n: number) => `Draft card ${n}`,
  deckProblems: (n: number) => `${plural(n, 'problem')} to fix before saving. Nothing has been saved.`,
  cardProblems: (n: number) => `${plural(n, 'problem')} to fix`,
  where: {
    title: 'Deck title',
    description: 'Description',
    language: 'Language',
    'sources.0.title': 'Source title',
    'sources.0.author': 'Author',
    'sources.0.publisher': 'Publisher',
    'sources.0.date': 'Date',
    'sources.0.url': 'Link',
    'sources.0.paragraphs': 'Paragraphs',
    cards: 'Cards'
  } as Record<string, string>,
  noneKept: 'Keep at least one card to save the deck.',
  save: 'Save deck',
  download: 'Download deck file',
  downloadNote: 'The deck as a Factdeck YAML file, source included, ready for content/.',
  saveFailed: {
    full: 'Nothing was saved.',
    other: (reason: string) => `The deck could not be saved: ${reason}`
  }
};
