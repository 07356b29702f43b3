/** The home page: the list of decks. */
import { plural } from './plural';

export const home = {
  heading: 'Your decks',
  intro: 'Everything works offline. Your progress stays on this device.',
  backupReminder: 'A week of study without a backup:',
  backupLink: 'download one in Settings',
  importedHeading: 'Imported on this device',
  importedLabel: 'Imported decks',
  builtInHeading: 'Built in',
  builtInLabel: 'Built-in decks',
  noDecks: 'No decks yet.',
  noDecksImport: 'Import a deck',
  noDecksBuild: ', or add a deck file to',
  noDecksRebuild: 'and rebuild.',
  importDeck: 'Import a deck',
  newDeck: 'New deck',
  importedMarker: 'Imported',
  due: 'due',
  new: 'new',
  cards: (n: number) => plural(n, 'card'),
  studyDeck: (title: string) => `Study ${title}`
};
