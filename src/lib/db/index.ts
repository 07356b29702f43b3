export { db, FactdeckDB } from './factdeck-db';
export * from './progress.repo';
export * from './settings.repo';
export * from './quiz.repo';
