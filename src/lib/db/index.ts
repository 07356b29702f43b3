export { db, FactdeckDB, type ImportedDeck } from './factdeck-db';
export * from './progress.repo';
export * from './settings.repo';
export * from './quiz.repo';
export * from './decks.repo';
