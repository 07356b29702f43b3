/**
 * Drafting a deck from an article, offline: cards on its key facts, on who said what, and on how to
 * read its judgements, each labelled and cited. Loads compromise (an English tagger), so import it
 * only where drafting happens, in a Web Worker.
 */
export type { DraftCard, DraftInput, DraftProblem, DraftResult, SourceFields } from './draft-types';
export { DRAFT_LIMITS } from './draft-types';
export type { ArticleFormat, ArticleText } from './article-text';
export { articleText } from './article-text';
export { draftArticle } from './draft';
export { draftDeck, draftSource } from './draft-deck';
export { htmlArticle } from './html-article';
