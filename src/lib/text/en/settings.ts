/** The settings page: display, scheduling, backup, restore, snapshots, reset, check data. */
import type { FailedWrite } from './common';
import { isAre, plural } from './plural';

export const settings = {
  title: 'Settings',
  displayHeading: 'Display and touch',
  theme: 'Theme',
  themes: { system: 'System', light: 'Light', dark: 'Dark' },
  themeHelp: "System follows your device's light or dark setting.",
  swipe: 'Swipe to grade',
  swipeHelp: 'On a touch screen, once the answer shows, swipe the card left for Again or right for Good.',
  readAnswerAloud: 'Read the answer when shown',
  readAnswerAloudHelp:
    "Studying, the answer is read aloud in the deck's language as soon as it shows. The speaker buttons on a card read it any time.",
  saveFailed: (reason: string) => `This could not be saved: ${reason}`,
  schedulingHeading: 'Scheduling',
  retention: 'Desired retention',
  retentionHelp: (min: number, max: number, fallback: number) =>
    `How likely you want to be to remember a card when it comes back, from ${min} to ${max}. Higher means more reviews. Default ${fallback}.`,
  burySiblings: 'Bury siblings',
  burySiblingsHelp:
    'Once one side of a reverse card, or one blank of a cloze card, is studied, the others wait until the next day, so the answer you just saw does not come straight back.',
  limitsEvery: 'Daily limits for every deck',
  newPerDay: 'New cards per day',
  reviewsPerDay: 'Reviews per day',
  dayStarts: 'A new study day starts at 4 a.m.',
  limitsOne: 'Limits for one deck',
  ownLimits: 'Use its own limits',
  save: 'Save settings',
  savedAt: (time: string) => `Saved at ${time}.`,
  restoreHeading: 'What the file holds and what is on this device',
  inFile: 'In the file',
  here: 'Here',
  madeBy: (version: string, when: string) => `A backup made by Factdeck ${version} on ${when}.`,
  rows: {
    reviews: 'Reviews',
    cardStates: 'Cards studied or suspended',
    quizAttempts: 'Quiz attempts',
    decks: 'Imported decks'
  },
  reviewsDiff: (inFileOnly: number, inBoth: number, hereOnly: number) =>
    `${plural(inFileOnly, 'review')} in the file ${isAre(inFileOnly)} new to this device; ${inBoth} already here; ${plural(hereOnly, 'review')} only here.`,
  settingsDiffer: (differ: boolean) => `Its settings are ${differ ? 'different from' : 'the same as'} the ones here.`,
  howToRestore: 'How to restore',
  merge: 'Merge with what is here',
  mergeHelp:
    'Keeps everything from both: each review once, card progress worked out again from the combined history, the newer copy of each imported deck. Settings you changed here are kept; any you never changed are taken from the file.',
  replace: 'Replace everything here',
  replaceHelp: 'This device will hold exactly what the file holds, settings included.',
  lost: (things: string[]) => `Lost from this device: ${things.join(', ')}.`,
  lostReviews: (n: number) => plural(n, 'review'),
  lostQuizAttempts: (n: number) => plural(n, 'quiz attempt'),
  lostDeck: (title: string) => `the deck “${title}”`,
  backup: {
    heading: 'Backup',
    intro:
      'Your progress lives only on this device. A backup is one file with every review, card state, quiz result, imported deck and setting; restore it here or on another device.',
    /** Shown after the intro: what a backup leaves out. */
    media:
      'Images and sounds of imported Anki decks stay on this device and are not in the backup file. Keep the .apkg files: after restoring on another device, import them again to bring the media back; your progress is kept.',
    reminder: 'You have studied for a week without a backup. Download one to keep your progress safe.',
    checking: 'Checking…',
    none: 'No backup downloaded on this device yet.',
    last: (when: string, since: number) => `Last backup: ${when}${since ? ` (${plural(since, 'review')} since)` : ''}.`,
    checkingStorage: 'Checking storage…',
    persistent: 'Storage is persistent: the browser will not delete your progress to free space.',
    unknown: 'This browser cannot say whether your progress is kept when space runs low.',
    notPersistent: 'Storage is not persistent: the browser may delete your progress if the device runs low on space.',
    download: 'Download backup',
    askPersist: 'Ask to keep my progress',
    downloaded: (name: string) => `Downloaded ${name}. Keep it somewhere other than this device.`,
    failed: (reason: string) => `The backup could not be made: ${reason}`
  },
  restore: {
    heading: 'Restore a backup',
    file: 'Backup file',
    button: 'Restore backup',
    chooseFirst: 'Choose a backup file first.',
    snapshotFirst: 'Before restoring, a snapshot of what is here is taken: you can go back to it below.',
    restore: 'Restore',
    replaced: (when: string) => `Restored the backup of ${when}: this device now holds exactly what it held.`,
    merged: (when: string) => `Merged the backup of ${when} with what was here.`,
    failed: {
      full: 'nothing was changed',
      other: (reason: string) => `Nothing was changed: the restore failed (${reason}).`
    } satisfies FailedWrite,
    /** A merge that could not combine one card's reviews (`BackupMergeError`). */
    mergeFailed: (card: string) =>
      `Nothing was changed: the reviews of ${card} in this backup do not fit together with the ones here, so they could not be combined. Choose “Replace everything here” to use the file as it is, or keep what is here.`,
    mergeCard: (deckId: string, cardId: string) => `the card “${cardId}” of the deck “${deckId}”`,
    /** What the restore is doing, with the share done (0..1) while writing. */
    stage: (stage: 'reading' | 'checking' | 'comparing' | 'saving', fraction: number) =>
      ({
        reading: 'Reading the file…',
        checking: 'Checking every row of the file…',
        comparing: 'Comparing it with this device…',
        saving: `Restoring: ${Math.round(fraction * 100)}% written…`
      })[stage],
    progress: 'Restore progress',
    workerStopped: 'the backup reader stopped unexpectedly'
  },
  snapshots: {
    heading: 'Snapshots',
    intro: (kept: number) =>
      `Before a storage upgrade, an import, a restore, a reset, a repair or deleting a card, Factdeck keeps a copy of everything on this device. The last ${kept} are kept. Restoring one first takes a snapshot of what is here now; deleting one frees the space it takes.`,
    /** Why a snapshot was taken, by its reason. */
    reasons: {
      migration: 'Before a storage upgrade',
      import: 'Before importing a deck',
      restore: 'Before a restore',
      reset: 'Before resetting all progress',
      repair: 'Before repairing data',
      edit: 'Before deleting a card'
    },
    holds: (reviews: number, cards: number, quizAttempts: number, decks: number) =>
      [
        plural(reviews, 'review'),
        plural(cards, 'card'),
        plural(quizAttempts, 'quiz attempt'),
        plural(decks, 'imported deck')
      ].join(', '),
    none: 'No snapshots yet.',
    confirmLabel: 'Restore this snapshot',
    confirm: 'Replace everything on this device with this snapshot?',
    restore: 'Restore',
    /**
     * Each snapshot's Restore button, told apart for a screen reader even when two were taken in the
     * same minute: "Restore snapshot 2: Before importing a deck, 5 December, 10:00".
     */
    restoreOne: (n: number, reason: string, when: string) => `Restore snapshot ${n}: ${reason}, ${when}`,
    restored: (when: string) => `Everything is back as it was ${when}.`,
    delete: 'Delete',
    /** Each snapshot's Delete button, told apart like its Restore button. */
    deleteOne: (n: number, reason: string, when: string) => `Delete snapshot ${n}: ${reason}, ${when}`,
    deleteConfirmLabel: 'Delete this snapshot',
    deleteConfirm: 'Delete this snapshot? You could no longer go back to it. This frees the space it takes.',
    deleted: (when: string) => `The snapshot of ${when} was deleted.`,
    deleteFailed: (reason: string) => `The snapshot could not be deleted: ${reason}`,
    gone: 'This snapshot no longer exists.',
    newer: 'This snapshot was taken by a newer version of Factdeck; update Factdeck to restore it.',
    failed: {
      full: 'nothing was changed',
      other: (reason: string) => `Nothing was changed: ${reason}`
    } satisfies FailedWrite
  },
  reset: {
    heading: 'Start over',
    intro:
      "Forgets every card's progress, every review and every quiz result on this device; suspended cards come back too, as new. Imported decks and settings are kept.",
    button: 'Reset all progress',
    confirm: 'Reset all progress on this device? Download a backup first if you might want it back on another device.',
    downloadFirst: 'Download backup first',
    yes: 'Yes, reset all progress',
    downloaded: (name: string) => `Downloaded ${name}.`,
    done: 'All progress was reset, suspended cards included. If you change your mind, restore the snapshot taken just before, under “Snapshots” above.',
    noRoom:
      'There is no room on this device for the snapshot that would let you undo a reset. Download a backup first if you might want your progress back, then reset without a snapshot; or free some space and try again.',
    withoutSnapshot: 'Reset without a snapshot',
    doneWithout: 'All progress was reset, suspended cards included. No snapshot was taken, for lack of space.',
    failed: {
      full: 'nothing was changed (the snapshot taken first needs space too)',
      other: (reason: string) => `Nothing was changed: ${reason}`
    } satisfies FailedWrite
  },
  check: {
    heading: 'Check data',
    intro:
      "Checks that every card's progress matches its review history, and repairs what does not by rebuilding it from that history. Reviews are never deleted, and a snapshot is taken before any repair.",
    button: 'Check data',
    checking: 'Checking…',
    checked: (cardStates: number, reviews: number) =>
      `Checked ${plural(cardStates, 'card state')} and ${plural(reviews, 'review')}.`,
    repaired: (cards: number) => `Repaired ${plural(cards, 'card')}.`,
    noRepairs: 'Nothing needed repairing.',
    kept: (findings: number) => `${plural(findings, 'finding')} below, left as they are.`,
    repairedHeading: 'Repaired',
    keptHeading: 'Kept as it is',
    more: (n: number) => `and ${n} more.`,
    /** One card in a finding: its deck's title and its id. */
    card: (deck: string, cardId: string) => `${deck} · ${cardId}`,
    /** Why a card's progress was rebuilt, by reason. */
    reasons: {
      missing: 'had reviews but no progress',
      reps: 'counted a different number of reviews than its history holds',
      log: 'did not match its last review',
      values: 'held impossible values'
    },
    rebuilt: (card: string, reason: string, reviews: number, recomputed: number) =>
      `${card}: ${reason}; rebuilt from its ${plural(reviews, 'review')}${recomputed ? ` (${recomputed} recomputed)` : ''}.`,
    reset: (card: string) => `${card}: impossible progress and no review to rebuild it from; it is new again.`,
    unknownCard: (card: string, reviews: number) =>
      `${card}: no deck on this device has this card. Its progress${reviews ? ` and ${plural(reviews, 'review')}` : ''} are kept, in case the deck comes back.`,
    unusableLog: (card: string, logId: string) =>
      `${card}: review ${logId} has no usable grade or time. It is kept, but not counted.`,
    failed: {
      full: 'nothing was repaired',
      other: (reason: string) => `The check could not run, and nothing was changed: ${reason}`
    } satisfies FailedWrite
  }
};
