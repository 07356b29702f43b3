/** What an in-app import takes and gives back. */
import type { Deck } from '../deck.schema';
import type { TextEncodingName } from '../decode-text';
import type { DeckProblem } from '../problems';
import { FIELD_LIMITS } from '../field-limits';

export type { DeckProblem };

/** The file formats a teacher can import. */
export type ImportFormat = 'factdeck-yaml' | 'deck-json' | 'csv' | 'tsv' | 'anki-text' | 'quizlet';

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  'factdeck-yaml',
  'deck-json',
  'csv',
  'tsv',
  'anki-text',
  'quizlet'
];

export interface ImportInput {
  /** The file's text, already decoded (`decodeText`); a leading byte order mark is ignored. */
  text: string;
  /** How the file's bytes were decoded; pasted text has none. */
  encoding?: TextEncodingName;
  fileName?: string;
  /** User-chosen title when the format has none. */
  title?: string;
  /** Bytes of the original file, to refuse > 10 MB before decoding. */
  size?: number;
  /** Skips detection and reads the text as this format. */
  format?: ImportFormat;
  /** Quizlet: what separates a term from its definition (default: tab, or comma when no line has a tab). */
  termSeparator?: string;
  /** Quizlet: what separates one card from the next (default: a new line). */
  cardSeparator?: string;
  /** Language tag of the cards for formats that have none (default "en"). */
  language?: string;
  /** How to name a deck whose file gives it no title of its own (the app passes its words). */
  naming?: DeckNaming;
}

/**
 * The title of a deck with none of its own, and the description of any deck read from a table; both
 * are deck data, in the learner's language, so the caller words them. Without it the deck is named by
 * its id and described by its file name.
 */
export interface DeckNaming {
  untitled: string;
  /** `source`: the file's name, or null for pasted text. */
  importedFrom: (source: string | null) => string;
}

/**
 * Either `deck` with no problems, or problems and no deck; warnings may come with either. `skipped`:
 * rows of a table-like file that cannot be imported, left out of `deck`, each with why.
 */
export interface ImportResult {
  format: ImportFormat;
  deck?: Deck;
  problems: DeckProblem[];
  warnings: DeckProblem[];
  skipped?: DeckProblem[];
  /** Set when the text was read and the file was not UTF-8, so the preview can say how it was read. */
  encoding?: Exclude<TextEncodingName, 'utf-8'>;
}

export const IMPORT_LIMITS = {
  maxBytes: 10 * 1024 * 1024,
  maxCards: 50_000,
  /** Longest front, back or other card text, in characters. */
  maxFieldChars: FIELD_LIMITS.cardText,
  /** Problems (and warnings) listed before the rest are summed up in one line. */
  maxListed: 200
} as const;
