// Types only from the schema module: its zod schemas stay out of the app's first-view bundle.
export type { Card, CardKind, CardType, Cite, Deck, DeckSummary, Source } from './deck.schema';
export * from './cloze';
export * from './progress';
export * from './scheduler';
export * from './study-day';
export * from './study-items';
export * from './queue';
export * from './answer-check';
export * from './settings';
export * from './paragraph-map';
export * from './random';
export * from './quiz';
export * from './quiz-attempt';
export * from './stats';
export * from './deck-summary';
export * from './deck-diff';
