export * from './deck-status';
export { StudySession } from './study-session.svelte';
export { QuizSession, type QuizChoices, type QuizPhase } from './quiz-session.svelte';
export { ImportFlow, MAX_IMPORT_BYTES, type ImportChoices } from './import-flow.svelte';
export { loadAllDecks, type DeviceDeck } from './all-decks';
export { applyTheme } from './theme';
export { appInstall, type AppInstall } from './app-install.svelte';
export { deviceMedia } from './media-urls';
export { AnkiImport, PACKAGE_FILE, MAX_PACKAGE_BYTES, type StorageEstimate } from './anki-import.svelte';
