/**
 * Problems found in what a person wrote or chose (a deck file, a file to import, a backup), each a
 * `code` and the values its words need. Domain code returns them and never words them: src/lib/text
 * does (`t.problems.words`, `t.backupProblems.words`), so no code branches on the text of a message
 * and a translation changes no domain code.
 */

import type { z } from 'zod';

// ---- Where in a deck a value is -----------------------------------------------------------------

/** A card or source of a deck file: by id when it has one, else by its 1-based number. */
export type ItemRef = { kind: 'card' | 'source'; id: string } | { kind: 'card' | 'source'; number: number };

/** A field inside the deck, a card or a source: its dotted names ("cite.paragraphs"), and the 1-based number of a list item. */
export interface FieldRef {
  names: string;
  item?: number;
}

export type FileKind = 'deck' | 'source';

// ---- What a value should have been --------------------------------------------------------------

/**
 * Codes the deck schema writes in place of a message for its own checks (deck.schema.ts), read back by
 * `schemaCode`. Never words: the words are in src/lib/text.
 */
export const SCHEMA_CODES = [
  'slug',
  'date',
  'language-tag',
  'not-empty',
  'paragraph-list',
  'option-list',
  'card-list',
  'whole-number',
  'answer-sort'
] as const;
export type SchemaCode = (typeof SCHEMA_CODES)[number];

/** A zod issue's message as one of the schema's codes, or null when it is anything else. */
export function schemaCode(message: string): SchemaCode | null {
  return (SCHEMA_CODES as readonly string[]).includes(message) ? (message as SchemaCode) : null;
}

/** A value as a problem names it: a list or a group of fields by what it is, anything else as written. */
export type Given = { kind: 'list' } | { kind: 'fields' } | { kind: 'value'; text: string };

/** What a value in a deck file must be. */
export type Expectation =
  | { code: SchemaCode }
  | { code: 'text' | 'number' | 'boolean' | 'list' | 'fields' | 'web-address' | 'source' }
  | { code: 'min-items'; minimum: number }
  | { code: 'max-items'; maximum: number }
  | { code: 'min'; minimum: number; inclusive: boolean }
  | { code: 'max'; maximum: number }
  | { code: 'max-length'; maximum: number }
  | { code: 'format'; format: string }
  | { code: 'one-of'; values: string[]; given: Given };

/** Advice on a value of the wrong type, from how it is written. */
export type TypeHint =
  | { code: 'empty' }
  | { code: 'quote-it'; written: string }
  | { code: 'unquote-it' }
  | { code: 'not-this'; written: string }
  | { code: 'not-this-number'; written: string }
  | { code: 'list-syntax' };

// ---- Rules across a deck's fields (deck.schema.ts `deckRuleIssues`) -----------------------------

export type ClozeError = 'stray-close' | 'unclosed' | 'nested' | 'empty' | 'two-hints' | 'no-deletion';

export type RuleProblem =
  | { code: 'duplicate-source-id'; id: string }
  /** `first`: the 1-based number of the card that has the id first. */
  | { code: 'duplicate-card-id'; id: string; first: number }
  | { code: 'cloze'; error: ClozeError }
  | { code: 'duplicate-option'; option: string }
  | { code: 'answer-not-in-options'; answer: string }
  | { code: 'accept-repeats-answer'; accepted: string }
  | { code: 'claim-needs-claim-by' }
  | { code: 'claim-by-needs-claim' }
  | { code: 'missing-kind' }
  | { code: 'missing-cite' }
  | { code: 'unknown-cite-source'; source: string; declared: string[] }
  | { code: 'paragraph-out-of-range'; paragraph: number; source: string; paragraphs: number }
  /** Cites paragraphs of a source that has none numbered. */
  | { code: 'cite-as-whole'; source: string }
  /** Cites a numbered source by neither paragraph nor byline. */
  | { code: 'cite-needs-paragraphs' }
  | { code: 'outline-needs-paragraphs' }
  | { code: 'outline-length'; entries: number; paragraphs: number };

/** What a zod issue of the deck schema says, outside the deck file reader (imports, backups). */
export type SchemaIssue =
  | { code: 'expected'; expected: Expectation }
  | { code: 'rule'; rule: RuleProblem }
  /** A check the schema gives no code of its own: zod's own words, passed on as they are. */
  | { code: 'zod'; message: string };

/** The deck rule a zod issue carries (deck.schema.ts puts it in `params`), if any. */
export function ruleOf(issue: z.core.$ZodIssue): RuleProblem | undefined {
  return (issue as { params?: { rule?: RuleProblem } }).params?.rule;
}

/** A zod issue of the deck schema as a typed problem: one of the schema's codes, a deck rule, or zod's own words. */
export function schemaIssue(issue: z.core.$ZodIssue): SchemaIssue {
  const rule = ruleOf(issue);
  if (rule) return { code: 'rule', rule };
  const code = schemaCode(issue.message);
  return code ? { code: 'expected', expected: { code } } : { code: 'zod', message: issue.message };
}

// ---- A deck or source file ----------------------------------------------------------------------

/** A YAML syntax error; `detail` is the YAML reader's own words. */
export type YamlError =
  | { code: 'duplicate-key'; key: string }
  | { code: 'unclosed-quote'; quote: "'" | '"' }
  | { code: 'tab-indent' }
  | { code: 'colon-in-value' }
  | { code: 'unclosed-list' }
  | { code: 'unclosed-group' }
  | { code: 'indentation'; detail: string }
  | { code: 'other'; detail: string }
  /** The reader threw while building values (an alias to nothing, for one). */
  | { code: 'unreadable'; detail: string };

/** What to say about an unknown field: the allowed one it most likely meant, the card types it is for, or every allowed field. */
export type FieldAdvice =
  | { code: 'did-you-mean'; field: string }
  | { code: 'only-for-types'; types: string[] }
  | { code: 'allowed'; fields: string[] };

export type DeckFileProblem =
  | { code: 'yaml-syntax'; error: YamlError }
  /** A value that is not what the schema wants: `item` and `field` say where it is. */
  | {
      code: 'value';
      file: FileKind;
      item: ItemRef | null;
      field: FieldRef | null;
      expected: Expectation;
      hint: TypeHint | null;
    }
  /** A value the schema says nothing more about than that it is not valid there. */
  | { code: 'not-valid'; item: ItemRef | null }
  | { code: 'empty-file'; file: FileKind; required: string[] }
  | { code: 'missing-field'; item: ItemRef | null; field: string; inside: FieldRef | null }
  | { code: 'missing-type'; item: ItemRef | null; types: readonly string[] }
  | { code: 'unknown-type'; item: ItemRef | null; type: string; types: readonly string[] }
  | { code: 'type-not-text'; item: ItemRef | null; types: readonly string[] }
  | {
      code: 'unknown-field';
      key: string;
      file: FileKind;
      item: ItemRef | null;
      field: FieldRef | null;
      advice: FieldAdvice;
    }
  | { code: 'rule'; item: ItemRef | null; rule: RuleProblem }
  /** A source named by id that no source file defines. */
  | { code: 'unknown-source'; id: string }
  // Across the files of content/ (scripts/compile-decks.ts).
  | { code: 'duplicate-source-file'; id: string; first: string }
  | { code: 'duplicate-deck-file'; id: string; first: string }
  | { code: 'reserved-deck-id'; id: string }
  | { code: 'broken-source'; id: string; file: string }
  | { code: 'not-deck-or-source'; name: string }
  /** An image or sound a card names beside its deck (scripts/deck-media.ts). */
  | { code: 'media-not-found'; ref: string }
  | { code: 'media-outside-deck-folder'; ref: string }
  | { code: 'media-unsupported'; ref: string }
  | { code: 'media-too-large'; ref: string; bytes: number; limit: number }
  | { code: 'file-not-found' }
  | { code: 'file-unreadable'; detail: string };

// ---- A file imported in the app -----------------------------------------------------------------

/** A JSON syntax error, worded for a teacher; `engine` carries the browser's own words. */
export type JsonError =
  | { code: 'ends-early'; missing: 'value' | '}' | ']' }
  | { code: 'too-deep' }
  | { code: 'single-quotes' }
  | { code: 'expected-value' }
  | { code: 'comma-before'; close: '}' | ']' }
  | { code: 'unquoted-name' }
  | { code: 'expected-colon' }
  | { code: 'expected-comma'; close: '}' | ']' }
  | { code: 'line-break-in-text' }
  | { code: 'control-character' }
  | { code: 'bad-escape'; escape: string }
  | { code: 'unclosed-text' }
  | { code: 'bad-number' }
  | { code: 'text-after-end' }
  | { code: 'engine'; detail: string };

/** A side of a card as a table-like file has it: by column, or by Quizlet's names; or one of its tags. */
export type SideName =
  { side: 'front' | 'back'; column?: number } | { side: 'term' | 'definition' } | { side: 'tag'; tag: string };

/** File types people pick by mistake, with their own advice. */
export type NotTextKind = 'apkg' | 'colpkg' | 'xlsx' | 'xls' | 'ods' | 'numbers';

export type ImportProblem =
  // The whole file (text-checks.ts, parse-import.ts).
  | { code: 'too-large'; bytes: number; limit: number }
  | { code: 'binary' }
  | { code: 'not-text'; kind: NotTextKind }
  | { code: 'empty' }
  | { code: 'undecoded' }
  | { code: 'nothing-read' }
  /** The reader failed: a bug to report. */
  | { code: 'crashed'; detail: string }
  /** Stands for the problems or warnings past the first `IMPORT_LIMITS.maxListed`. */
  | { code: 'more'; count: number; of: 'problem' | 'warning' | 'skipped' }
  // Table-like files (csv-import.ts, anki-import.ts, quizlet-import.ts, delimited-rows.ts, card-rows.ts).
  | { code: 'delimiter'; delimiter: ';' | '\t' }
  | { code: 'header-row'; cells: string[] }
  | { code: 'one-column'; delimiter: ',' | ';' | '\t' }
  | { code: 'unnamed-columns' }
  | { code: 'extra-column'; name: string }
  | { code: 'one-field' }
  | { code: 'extra-fields' }
  | { code: 'column-number'; header: string; value: string }
  | { code: 'unknown-separator'; value: string }
  | { code: 'html-flag'; value: string }
  | { code: 'unknown-header'; line: string }
  | { code: 'comma-terms' }
  | { code: 'same-separators' }
  | { code: 'no-separator'; separator: string }
  | { code: 'unclosed-quote' }
  | { code: 'bad-quote' }
  | { code: 'unreadable-line'; detail: string }
  | { code: 'too-many-rows'; limit: number }
  | { code: 'no-cards'; front: SideName; back: SideName }
  | { code: 'same-front'; side: SideName; line: number }
  /** `anki-cloze`: the front looks like an Anki cloze note. */
  | { code: 'empty-side'; side: SideName; ankiCloze: boolean }
  | { code: 'side-too-long'; side: SideName; length: number; limit: number }
  /** An Anki note of a type Factdeck has no card for (Image Occlusion…). */
  | { code: 'anki-note-type'; noteType: string }
  /** An Anki cloze note whose deletions cannot be read (nested ones, for one). */
  | { code: 'anki-cloze'; error: ClozeError }
  /** Anki's {{c1::…}} used twice: Anki hides both on one card, Factdeck asks each on its own. */
  | { code: 'cloze-grouped' }
  /** An Anki deletion inside another: the inner one is asked as part of the outer. */
  | { code: 'cloze-nested' }
  /** Pictures or sounds in Anki fields stay in Anki's media folder. */
  | { code: 'anki-media' }
  | { code: 'deck-field'; field: string; issue: SchemaIssue }
  | { code: 'card-field'; field: string; issue: SchemaIssue }
  // Factdeck decks (deck-file-import.ts).
  | { code: 'json-syntax'; error: JsonError }
  /** A deck schema issue where the YAML reader could not place it. */
  | { code: 'deck-json'; path: string | null; issue: SchemaIssue }
  | { code: 'inline-source-needed'; id: string }
  | { code: 'too-many-cards'; count: number; limit: number }
  | { code: 'field-too-long'; card: string; field: string; length: number; limit: number };

/** Anything a deck file or an import can have wrong. */
export type Problem = DeckFileProblem | ImportProblem;

/** One thing to fix in a file; line and col are 1-based. */
export type DeckProblem = { path: string; line: number; col: number; problem: Problem };

// ---- A backup file ------------------------------------------------------------------------------

/** Codes the backup schema writes in place of a message for its own checks (backup.schema.ts). */
export const BACKUP_SCHEMA_CODES = [
  'not-empty',
  'not-negative',
  'card-state',
  'rating',
  'question-type',
  'deck-row-id',
  'date-time',
  'time-range',
  'checksum'
] as const;
export type BackupSchemaCode = (typeof BACKUP_SCHEMA_CODES)[number];

/** What is wrong with one value of a backup. */
export type BackupIssue =
  | { code: 'missing-field' }
  /** `expected`: zod's name for the type ("string", "number", "object"...). */
  | { code: 'type'; expected: string }
  | { code: 'unknown-fields'; keys: string[] }
  | { code: 'repeated-key'; key: string }
  | { code: 'one-of'; values: string[] }
  | { code: 'backup'; check: Exclude<BackupSchemaCode, 'question-type'> }
  /** An imported deck inside the backup breaks the deck schema. */
  | { code: 'deck'; issue: SchemaIssue };

export type BackupProblem =
  /** Not text at all: a picture, a zip, a PDF… */
  | { code: 'not-text' }
  | { code: 'empty-file' }
  /** Text, but not JSON: where it stops being JSON, and why (`ends-early`: the file was cut short). */
  | { code: 'not-json'; line: number; column: number; error: JsonError }
  | { code: 'not-backup'; format: string }
  | { code: 'newer-format'; version: number; supported: number }
  /** `path`: where in the file, like `data.reviewLogs[12].rating` (empty: the file as a whole); `more`: other problems not listed. */
  | { code: 'invalid'; path: string; issue: BackupIssue; more: number }
  | { code: 'checksum' };
