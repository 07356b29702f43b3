export {
  db,
  FactdeckDB,
  StorageBlockedError,
  unlessBlocked,
  watchStorage,
  type ImportedDeck,
  type MediaRow,
  type StorageEvent
} from './factdeck-db';
export * from './progress.repo';
export * from './settings.repo';
export * from './quiz.repo';
export * from './decks.repo';
export * from './decks-reads.repo';
export * from './stats.repo';
export * from './backup.repo';
export * from './snapshots.repo';
export * from './integrity.repo';
export * from './log-watch';
export * from './deck-changes';
export * from './sync-account.repo';
export * from './sync-presence';
export { isQuotaError } from './quota-error';
export * from './media.repo';
export * from './anki-import.repo';
export * from './class-decks.repo';
export * from './data-version';
