/** What reading an Anki package takes and gives back. */
import type { Deck } from '../../deck.schema';
import type { CardProgress, ReviewLogEntry } from '../../progress';
import type { MediaHash, MediaKind } from '../../media';
import type { DeckNaming } from '../import-types';
import type { OpenSqlite } from './collection-types';
import type { PackageLimits } from './container';
import type { NoteTypeMapping } from './note-types';
import type { PackageProblem, PackageWarning } from './package-problems';

export interface PackageInput {
  /** The package file's bytes. */
  bytes: Uint8Array;
  fileName?: string;
  /** Language tag of the cards (Anki records none; default "en"). */
  language?: string;
  /** Opens the collection's SQLite database (sql.js in the browser and in tests). */
  openSqlite: OpenSqlite;
  onProgress?: (fraction: number) => void;
  /** How to describe a deck Anki gives no description (deck data, in the learner's language). */
  naming?: DeckNaming;
  /** Lower limits than PACKAGE_LIMITS (tests). */
  limits?: Partial<PackageLimits>;
}

/** A media file the imported cards use, stored once per content hash. */
export interface PackageMedia {
  hash: MediaHash;
  /** The names cards used for it in the package (usually one). */
  names: string[];
  mime: string;
  kind: MediaKind;
  ext: string;
  bytes: Uint8Array;
}

/** One answer from Anki's review log, already mapped to a Factdeck study item. */
export interface AnkiReview {
  /** Anki's revlog id (epoch ms of the answer), which with the item makes the log row's id. */
  ankiId: number;
  deckId: string;
  /** The study item: the card id, `<id>#reverse` or `<id>#c<n>`. */
  cardId: string;
  rating: 1 | 2 | 3 | 4;
  reviewedAt: number;
  elapsedMs: number;
}

export interface PackageDeck {
  deck: Deck;
  /** The Anki decks its cards come from, with `::` between levels. */
  ankiDecks: string[];
  /** Anki's review history of its cards, oldest first. */
  reviews: AnkiReview[];
  /** Study items Anki had suspended (kept with the history). */
  suspended: string[];
  /** The media its cards show. */
  media: MediaHash[];
}

export interface NoteTypeSummary {
  name: string;
  notes: number;
  to: NoteTypeMapping['to'];
}

export interface PackageResult {
  /** `legacy` for collection.anki2/.anki21 packages, `current` for collection.anki21b. */
  container?: 'legacy' | 'current';
  decks: PackageDeck[];
  media: PackageMedia[];
  noteTypes: NoteTypeSummary[];
  /** Set when the import cannot go ahead; then `decks` and `media` are empty. */
  problems: PackageProblem[];
  warnings: PackageWarning[];
}

/** What the import worker sends back for a package: the result and, per deck, its history replayed. */
export interface PackageRead {
  result: PackageResult;
  /** Per deck of `result`: Anki's history as log rows and the states they lead to (replayAnkiHistory). */
  histories: { logs: ReviewLogEntry[]; states: CardProgress[] }[];
}

/** What the page asks the import worker for a package. */
export interface PackageRequest {
  fileName?: string;
  language?: string;
  /** The learner's desired retention and the time, for replaying history with ts-fsrs. */
  desiredRetention: number;
  now: number;
}
