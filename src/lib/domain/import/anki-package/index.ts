/**
 * Anki packages (.apkg, .colpkg): decks, media and review history read from the file's bytes, with
 * the SQLite engine passed in. Loaded on demand by the import worker, with fflate, fzstd and
 * @bufbuild/protobuf, when such a file is chosen.
 */
export type { OpenSqlite, SqliteDatabase } from './collection-types';
export type {
  AnkiReview,
  NoteTypeSummary,
  PackageDeck,
  PackageInput,
  PackageMedia,
  PackageRead,
  PackageRequest,
  PackageResult
} from './package-types';
export type { PackageProblem, PackageWarning } from './package-problems';
export type { NoteTypeMapping } from './note-types';
export { PACKAGE_LIMITS } from './container';
export { readAnkiPackage } from './read-package';
export { replayAnkiHistory } from './history';
export { sqlJsOpener } from './sqljs';
