/**
 * The longest each text may be, in characters, whichever way a deck arrives (content file, import,
 * backup): long enough for any real card, short enough that no hostile one can stretch a page or
 * feed the Markdown renderer megabytes.
 */
export const FIELD_LIMITS = {
  id: 80,
  title: 200,
  description: 2_000,
  language: 35,
  tag: 60,
  tags: 50,
  cardText: 10_000,
  options: 20,
  accept: 20,
  sourceName: 300,
  sourceText: 5_000,
  url: 2_000,
  /** Numbered paragraphs of a source (the source page lists every one). */
  paragraphs: 1_000
} as const;
