/**
 * In-app deck import: pure parsers from an uploaded or pasted file to a checked deck or a list of
 * problems with line and column. No DOM and no Node APIs, so it runs in a Web Worker.
 */
export type { DeckNaming, DeckProblem, ImportFormat, ImportInput, ImportResult } from './import-types';
export { IMPORT_FORMATS, IMPORT_LIMITS } from './import-types';
export { detectFormat } from './detect-format';
export { parseImport } from './parse-import';
