/**
 * What can stop a package import, or what the learner should know about one, as codes with values.
 * `src/lib/text/en/anki-package.ts` words them.
 */

export type PackageProblem =
  | { code: 'package-too-large'; bytes: number; limit: number }
  | { code: 'unpacks-too-large'; limit: number }
  | { code: 'collection-too-large'; bytes: number; limit: number }
  | { code: 'damaged-zip'; detail: string }
  | { code: 'no-collection'; files: string[] }
  | { code: 'package-too-new'; version: number }
  | { code: 'unknown-schema'; version: number; file: string }
  | { code: 'damaged-collection'; file: string; detail: string }
  | { code: 'damaged-media-list'; detail: string }
  | { code: 'media-file-missing'; name: string; member: string }
  | { code: 'media-mismatch'; name: string; field: 'size' | 'sha1'; expected: string; actual: string }
  | { code: 'damaged-media'; name: string; detail: string }
  | { code: 'no-cards'; notes: number }
  | { code: 'too-many-cards'; deck: string; cards: number; limit: number }
  | { code: 'unexpected'; detail: string };

export type PackageWarning =
  /** Notes of a note type Factdeck has no card type for: their first two fields became front and back. */
  | { code: 'first-two-fields'; noteType: string; notes: number; front: string; back: string }
  | { code: 'image-occlusion-skipped'; noteType: string; notes: number }
  | { code: 'too-few-fields-skipped'; noteType: string; notes: number }
  | { code: 'empty-notes-skipped'; notes: number; example: string }
  | { code: 'long-notes-skipped'; notes: number; limit: number; example: string }
  | { code: 'cloze-unreadable-skipped'; notes: number; example: string }
  /** Anki hid these deletions together; Factdeck asks each on its own. */
  | { code: 'cloze-grouped'; notes: number }
  | { code: 'cloze-nested'; notes: number }
  | { code: 'fields-left-out'; noteType: string; fields: string[] }
  | { code: 'formatting-dropped'; notes: number }
  | { code: 'media-missing'; names: string[]; count: number }
  | { code: 'media-unsupported'; names: string[]; count: number }
  | { code: 'history-skipped'; manual: number; cramming: number; beforeReset: number; otherCards: number };

/** A problem that stops reading, thrown inside the reader and returned as its result. */
export class PackageError extends Error {
  override name = 'PackageError';
  constructor(readonly problem: PackageProblem) {
    super(problem.code);
  }
}
