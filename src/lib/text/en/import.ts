/** The import page. */
import { encodingNames, type FailedWrite } from './common';
import { isAre, plural } from './plural';

// `import` is a keyword, so the section gets another name inside this module.
const importing = {
  title: 'Import a deck',
  intro:
    'Add a deck to this device without any build step: from a spreadsheet saved as CSV, an Anki deck package (.apkg or .colpkg, with its images, sounds and review history), an Anki or Quizlet text export, or a Factdeck deck file. You see every card and every problem before anything is saved. Imported decks work offline like the built-in ones.',
  sourceHeading: 'Choose a file or paste cards',
  file: 'File',
  chooseFile: 'Choose a file',
  dropNote:
    'or drop it here. Anki packages (.apkg, .colpkg), CSV, TSV, Anki or Quizlet text exports, and Factdeck decks (YAML or JSON).',
  paste: 'Or paste the cards here',
  format: 'Format',
  formats: {
    auto: 'Automatic',
    csv: 'CSV',
    tsv: 'TSV',
    'anki-text': 'Anki (Notes in Plain Text)',
    quizlet: 'Quizlet export',
    'factdeck-yaml': 'Factdeck deck (YAML)',
    'deck-json': 'Factdeck deck (JSON)'
  },
  /** Format names in "Read as …". */
  formatNames: {
    csv: 'CSV',
    tsv: 'TSV',
    'anki-text': 'Anki plain text',
    quizlet: 'Quizlet export',
    'factdeck-yaml': 'Factdeck deck (YAML)',
    'deck-json': 'Factdeck deck (JSON)'
  } as Record<string, string>,
  language: 'Language of the cards',
  termSeparator: 'Between term and definition',
  cardSeparator: 'Between cards',
  tab: 'tab',
  newLine: 'new line',
  separatorsHelp:
    'If you chose your own separators when exporting from Quizlet, type them here; write a tab as \\t and a new line as \\n.',
  preview: 'Preview',
  previewHeading: 'Preview',
  reading: 'Reading the file',
  readingShort: 'Reading…',
  readAs: 'Read as',
  fromFile: (name: string) => ` from ${name}`,
  encodingNotice: (encoding: keyof typeof encodingNames) =>
    `This file is not saved as UTF-8, so it was read as ${encodingNames[encoding]}. Check that letters such as é, ü or ñ look right in the cards below before importing; if they do not, save the file as UTF-8 (in Excel: "CSV UTF-8") and choose it again.`,
  problems: (n: number) => `${plural(n, 'problem')} to fix before importing. Nothing has been saved.`,
  where: (line: number, col: number) => `line ${line}, column ${col}`,
  deckTitle: 'Title',
  summary: (cards: number) => `${plural(cards, 'card')}, deck id`,
  renamed: (builtIn: string, id: string) => `A built-in deck is called “${builtIn}”, so this one gets the id “${id}”.`,
  update: (added: number, changed: number, removed: number, unchanged: number) =>
    `You already imported this deck. Importing updates it: ${added} new, ${changed} changed, ${removed} removed, ${unchanged} unchanged. Your progress on unchanged and changed cards is kept; changed cards are marked “changed since you last studied it”.`,
  removedWithProgress: (n: number) => `${plural(n, 'studied card')} ${isAre(n)} not in the new version`,
  keepProgress: 'Keep their progress',
  deleteProgress: 'Delete their progress and history',
  cardsLabel: 'Cards to import',
  firstCards: (n: number) => `The first ${n} cards`,
  theCards: 'The cards',
  notes: (n: number) => `${plural(n, 'note')} on how the file was read`,
  empty: 'Choose a file or paste cards to see them here before anything is saved.',
  import: 'Import',
  /** The Import button when some rows cannot be imported. */
  importLeavingOut: (cards: number, rows: number) =>
    `Import ${plural(cards, 'card')}, leaving out ${plural(rows, 'row')}`,
  skipped: (rows: number) =>
    `${plural(rows, 'row')} cannot be imported and ${rows === 1 ? 'is' : 'are'} left out; the other cards import:`,
  sameTitle: (title: string) =>
    `Another deck on this device is called “${title}”. Give this one another title to tell them apart.`,
  /** An Anki package's deck titles come from Anki, so they are changed there. */
  sameTitleInPackage: (title: string) =>
    `Another deck on this device is called “${title}”. To tell them apart, rename the deck in Anki and export it again, or import it as it is.`,
  cardTypes: {
    basic: 'Basic',
    reverse: 'Both ways',
    cloze: 'Cloze',
    typed: 'Typed answer',
    choice: 'Multiple choice',
    truefalse: 'True or false'
  },
  tagsLabel: 'Tags:',
  tooLarge: (name: string, megabytes: string) =>
    `"${name}" is ${megabytes} MB; the limit is 10 MB. Split it into smaller decks.`,
  pasteTooLarge: (megabytes: string) =>
    `The pasted text is ${megabytes} MB; the limit is 10 MB. Nothing was pasted: split it into smaller decks.`,
  readFailed: (reason: string) => `The file could not be read: ${reason}`,
  /** A deck read from a table: its title when the file gives none, and its description. */
  naming: {
    untitled: 'Imported deck',
    importedFrom: (source: string | null) => `Imported from ${source ?? 'pasted text'}.`
  },
  /** For `readFailed`, when the browser gives no reason. */
  workerStopped: 'the import worker stopped',
  saveFailed: {
    full: 'nothing was imported',
    other: (reason: string) => `Nothing was imported: ${reason}`
  } satisfies FailedWrite
};
export { importing as import };
