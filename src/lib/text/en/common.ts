/** The app shell and what any page may say: navigation, buttons, notices, errors, keyboard help. */
import type { TextEncodingName } from '$lib/domain/decode-text';

export const app = {
  name: 'Factdeck',
  /** The browser tab's title for a page. */
  title: (page: string) => `${page} · Factdeck`
};

/** Encodings a file was read in when it was not UTF-8 (`decodeText`). */
export const encodingNames: Record<Exclude<TextEncodingName, 'utf-8'>, string> = {
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (Latin-1, Western European)'
};

export const nav = {
  label: 'Main',
  skip: 'Skip to content',
  stats: 'Stats',
  cards: 'Cards',
  settings: 'Settings'
};

export const common = {
  loading: 'Loading…',
  cancel: 'Cancel',
  close: 'Close',
  reload: 'Reload',
  study: 'Study',
  backToDeck: 'Back to the deck',
  /** An error's own words, for the end of a sentence. */
  reason: (e: unknown) => (e instanceof Error ? e.message : String(e))
};

export const offline = {
  badge: 'Offline',
  detail: 'No network: everything here still works, and your progress is saved on this device.'
};

export const install = {
  button: 'Install app',
  why: 'Opens from your home screen, full screen, and works offline.',
  ios: 'To install: tap Share, then Add to Home Screen.'
};

export const update = {
  available: 'New version available.',
  later: 'Later'
};

export const storageEvents = {
  'updated-elsewhere': 'Factdeck was updated in another tab: reload to continue.',
  'deleted-elsewhere': "Factdeck's data was deleted in another tab: reload to continue.",
  blocked: 'Factdeck is updating how it stores your progress. Close or reload your other Factdeck tabs to continue.'
};

export const shortcuts = {
  heading: 'Keyboard shortcuts',
  key: 'Key',
  what: 'What it does',
  list: [
    ['Space or Enter', 'Show the answer'],
    ['1, 2, 3, 4', 'Grade: Again, Hard, Good, Easy'],
    ['1 to 4', 'Before the answer: pick an option (multiple choice, true or false)'],
    ['U or Ctrl+Z', 'Undo the last grade'],
    ['Enter', 'Quiz: submit a typed answer, then continue'],
    ['?', 'Show this list'],
    ['Escape', 'Close this list']
  ] as [string, string][]
};

/** When a deck's file (or the list of them) cannot be read: the page says so instead of its content. */
export const deckFiles = {
  indexFailed: 'The list of decks could not be loaded. Reload the page to try again.',
  notFound: (deckId: string) => `There is no deck called "${deckId}" on this device.`,
  failed: (deckId: string, status: number) => `The deck "${deckId}" could not be loaded (HTTP ${status}).`
};

/** A page that failed to render on the build machine (read by hooks.server.ts only). */
export const build = {
  failed: 'Something went wrong while building this page.'
};

export const error = {
  notFound: 'Not found',
  failed: 'Something went wrong',
  noPage: 'There is no page at this address.',
  home: 'Back to your decks',
  /** A write refused for lack of space; `outcome` says what did not happen ("your answer was not saved"). */
  storageFull: (outcome: string) =>
    `Your device is out of storage space, so ${outcome}. Free some space on it, or download a backup from Settings, then try again.`
};

/** The "free space" choices offered with the out-of-space message, old snapshots first. */
export const freeSpace = {
  heading: 'Free space on this device',
  intro:
    'Each snapshot is a copy of everything Factdeck keeps on this device, so deleting an old one frees the most. Then try again.',
  /** One snapshot's button: "Delete snapshot: Before importing a deck, 5 December 2026 at 10:00". */
  deleteSnapshot: (reason: string, when: string) => `Delete snapshot: ${reason}, ${when}`,
  deleted: (reason: string, when: string) => `Deleted the snapshot “${reason}, ${when}”. Try again now.`,
  noSnapshots: 'There are no snapshots left to delete.',
  decks: 'You can also delete an imported deck you no longer study, from its page, or free space in other apps.',
  failed: (reason: string) => `The snapshot could not be deleted: ${reason}`,
  close: 'Close'
};

/**
 * The words for one write that can fail (see `failedWrite` in src/lib/state): `full` ends "Your device
 * is out of storage space, so …" and says what did not happen; `other` words any other failure's reason.
 */
export interface FailedWrite {
  full: string;
  other: (reason: string) => string;
}
