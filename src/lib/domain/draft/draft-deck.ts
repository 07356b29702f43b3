/**
 * The deck and source record a draft becomes. Kept apart from the engine so the review page can
 * build the deck from the teacher's edits without loading the tagger.
 */
import type { Card, Source } from '../deck.schema';
import { slugify } from '../import/card-ids';
import type { SourceFields } from './draft-types';
import { deckDescription, DRAFT_LANGUAGE } from './templates';

/** The source record for the article's fields; empty fields stay empty for the schema to report. */
export function draftSource(fields: SourceFields, paragraphs: number): Source {
  const year = /^\d{4}/.exec(fields.date)?.[0] ?? '';
  const surname = fields.author.trim().split(/\s+/).pop() ?? '';
  const id = slugify(`${surname} ${year} ${fields.title}`, 48) || 'article';
  return {
    id,
    title: fields.title.trim(),
    author: fields.author.trim(),
    publisher: fields.publisher.trim(),
    date: fields.date.trim(),
    paragraphs: Math.max(1, paragraphs),
    ...(fields.url.trim() ? { url: fields.url.trim() } : {})
  };
}

/** A deck of the given cards on the source, ready for the deck schema to check. */
export function draftDeck(source: Source, cards: readonly Card[]) {
  return {
    id: slugify(source.title, 60) || 'article-deck',
    title: source.title,
    description: deckDescription(source.title, source.author),
    language: DRAFT_LANGUAGE,
    tags: [] as string[],
    sources: [source],
    cards: [...cards]
  };
}
