export * from './deck-status';
export { SessionProgress } from './session-progress';
export { StudySession } from './study-session.svelte';
export { QuizSession, type QuizChoices, type QuizGenerator, type QuizPhase } from './quiz-session.svelte';
export { ImportFlow, MAX_IMPORT_BYTES, type ImportChoices } from './import-flow.svelte';
export { loadAllDecks, type DeviceDeck } from './all-decks';
export { applyStoredTheme, applyTheme } from './theme';
export { appInstall, type AppInstall } from './app-install.svelte';
export { appUpdate, type AppUpdate } from './app-update.svelte';
export { storageWatch, type StorageEvent } from './storage-watch.svelte';
export { HomePage } from './home-page.svelte';
export { SettingsForm } from './settings-form.svelte';
export {
  DataSafety,
  SNAPSHOTS_KEPT,
  type RestoreMode,
  type SnapshotInfo,
  type SnapshotReason
} from './data-safety.svelte';
export { failedWrite, isStorageFull } from './failed-write';
export { freeSpace, type FreeSpace } from './free-space.svelte';
export { CardsPage } from './cards-page.svelte';
export { isLeech, itemState, STATE_NAMES, type BrowserRow, type ItemState } from './card-browser';
export { StatsPage } from './stats-page.svelte';
export type { LeechRow, StatsSummary } from './stats-summary';
export { deleteDeck, downloadDeck } from './deck-files';
export { NewDeckFlow, EmptyDeckForm, MAX_ARTICLE_BYTES, type Drafter, type ReviewCard } from './new-deck-flow.svelte';
export { DeckEditor, type CardDraft } from './deck-editor.svelte';
export { makeEditableCopy } from './deck-copy';
export { deviceMedia } from './media-urls';
export { AnkiImport, PACKAGE_FILE, MAX_PACKAGE_BYTES, type StorageEstimate } from './anki-import.svelte';
export { deckShareLink, qrModules, deckHasMedia, shareDeckFile, canShareFiles, type ShareLink } from './deck-share';
export { onLaunchFiles, takeSharedFile } from './incoming-files';
export { dueByDeck, updateAppBadge, type DueDeck } from './due-now';
export { readAloud, stopReading, type ReadAloudResult } from './read-aloud';
// The sync engine itself (`syncEngine`, `syncCredentials`) is imported from './sync-engine.svelte'
// by the pages that use it, so that pages without sync do not load it.
export type { Credentials, LinkedDevice, SyncOverview, SyncProblem } from './sync-engine.svelte';
export { guessDeviceName } from './device-name';
export { startSyncIfOn } from './sync-start';
export { StartAgain } from './start-again.svelte';
export { DeckRemoteImages } from './deck-remote-images.svelte';
