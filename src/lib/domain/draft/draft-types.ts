/** What drafting a deck from an article takes and gives back. */
import type { Card, Deck, Source } from '../deck.schema';

/** The source's details as the teacher types them (any may still be empty). */
export interface SourceFields {
  title: string;
  author: string;
  publisher: string;
  /** YYYY-MM-DD. */
  date: string;
  url: string;
}

export interface DraftInput {
  /** The article as plain text, paragraphs separated by blank lines (Markdown and HTML are reduced to text first). */
  text: string;
  source: SourceFields;
}

/** A card before it has an id (the id is made from its prompt once all cards are known). */
export type UnnumberedCard = Card extends unknown ? DistributiveOmit<Card, 'id'> : never;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface DraftCard {
  card: Card;
  /** The paragraph it cites, from 1. */
  paragraph: number;
  /** The sentence it was drafted from. */
  sentence: string;
  /** Whether it asks about the sentence's statement, or about a person's role named in it. */
  about: 'statement' | 'role';
}

/** Something that stops drafting; `src/lib/text` words it. */
export type DraftProblem =
  | { code: 'empty' }
  | { code: 'too-long'; words: number; limit: number }
  | { code: 'nothing-found'; paragraphs: number };

export interface DraftResult {
  /** The article's paragraphs, numbered from 1 by position. */
  paragraphs: string[];
  source: Source;
  cards: DraftCard[];
  problems: DraftProblem[];
}

/** A deck of the draft's accepted cards, with its source. Not yet checked against the schema. */
export type DraftedDeck = Deck;

export const DRAFT_LIMITS = {
  /** Longest article drafted at once, in words. */
  maxWords: 20_000
} as const;
