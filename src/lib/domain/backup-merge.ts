/**
 * Merging a backup with what is on the device, and the summary a learner sees before choosing
 * between replacing and merging. Pure: the scheduler comes in from the caller.
 */
import { countRows, DEVICE_SETTING_KEYS, type BackupData, type BackupDeckRow, type TableCounts } from './backup';
import { byReviewTime, isPossibleState, replayLog } from './log-replay';
import type { CardProgress, ReviewLogEntry } from './progress';
import type { Scheduler } from './scheduler';

const keyOf = (r: { deckId: string; cardId: string }) => `${r.deckId}\u0000${r.cardId}`;

/** One study item's reviews could not be replayed into a state: the merge is abandoned. */
export class BackupMergeError extends Error {
  override name = 'BackupMergeError';
  readonly code = 'unmergeable-history';
  constructor(
    readonly deckId: string,
    readonly cardId: string,
    options?: { cause: unknown }
  ) {
    super(`the reviews of ${deckId}/${cardId} could not be replayed`, options);
  }
}

/**
 * Everything from both sides, each row once: review logs by id, card states rebuilt from the merged
 * logs, quiz attempts by id, the newer version of each imported deck, and this device's settings
 * (keys only the file has are added: a device that never changed its settings takes the file's).
 * Suspended and leech marks are kept from either side. Throws `BackupMergeError` when a card's
 * reviews cannot be replayed.
 */
export function mergeBackupData(here: BackupData, incoming: BackupData, scheduler: Scheduler): BackupData {
  const logsById = new Map<string, ReviewLogEntry>();
  for (const log of [...here.reviewLogs, ...incoming.reviewLogs]) if (!logsById.has(log.id)) logsById.set(log.id, log);
  const logsByCard = new Map<string, ReviewLogEntry[]>();
  for (const log of logsById.values()) {
    const list = logsByCard.get(keyOf(log));
    if (list) list.push(log);
    else logsByCard.set(keyOf(log), [log]);
  }

  const statesHere = new Map(here.cardStates.map((s) => [keyOf(s), s]));
  const statesThere = new Map(incoming.cardStates.map((s) => [keyOf(s), s]));
  const keys = new Set([...statesHere.keys(), ...statesThere.keys(), ...logsByCard.keys()]);
  const cardStates: CardProgress[] = [];
  const reviewLogs: ReviewLogEntry[] = [];
  for (const key of keys) {
    const a = statesHere.get(key);
    const b = statesThere.get(key);
    const logs = (logsByCard.get(key) ?? []).sort(byReviewTime);
    const leechBefore = !!(a?.leech || b?.leech);
    const suspendedBefore = !!(a?.suspended || b?.suspended);
    let progress: CardProgress;
    if (logs.length === 0) {
      // Never reviewed, e.g. suspended while new.
      progress = { ...(a ?? b)! };
    } else {
      const { rows, state, leech } = replay(logs, scheduler);
      reviewLogs.push(...rows);
      const { deckId, cardId } = logs[0];
      progress = { deckId, cardId, ...state };
      if (leech) progress.leech = true;
    }
    delete progress.suspended;
    const isLeech = leechBefore || !!progress.leech;
    delete progress.leech;
    if (suspendedBefore || isLeech) progress.suspended = true;
    if (isLeech) progress.leech = true;
    cardStates.push(progress);
  }

  const attempts = new Map(here.quizAttempts.map((q) => [q.id, q]));
  for (const q of incoming.quizAttempts) if (!attempts.has(q.id)) attempts.set(q.id, q);

  const decks = new Map(here.decks.map((d) => [d.id, d]));
  for (const d of incoming.decks) {
    const mine = decks.get(d.id);
    if (!mine || d.updatedAt > mine.updatedAt) decks.set(d.id, d);
  }

  const settingKeys = new Set(here.settings.map((s) => s.key));
  return {
    cardStates,
    reviewLogs,
    settings: [...here.settings, ...incoming.settings.filter((s) => !settingKeys.has(s.key))],
    quizAttempts: [...attempts.values()],
    decks: [...decks.values()]
  };
}

function replay(logs: ReviewLogEntry[], scheduler: Scheduler): ReturnType<typeof replayLog> {
  try {
    const replayed = replayLog(logs, scheduler);
    if (!isPossibleState(replayed.state)) throw new Error('impossible state');
    return replayed;
  } catch (e) {
    throw new BackupMergeError(logs[0].deckId, logs[0].cardId, { cause: e });
  }
}

/** How one table's rows, matched by key, are split between the file and the device. */
export interface RowOverlap {
  inFileOnly: number;
  hereOnly: number;
  inBoth: number;
}

function overlap<T>(here: T[], file: T[], key: (r: T) => string): RowOverlap {
  const mine = new Set(here.map(key));
  const theirs = new Set(file.map(key));
  let inBoth = 0;
  for (const k of theirs) if (mine.has(k)) inBoth++;
  return { inFileOnly: theirs.size - inBoth, hereOnly: mine.size - inBoth, inBoth };
}

export interface BackupDiff {
  file: TableCounts;
  here: TableCounts;
  reviews: RowOverlap;
  /** Study items with a stored state. */
  cards: RowOverlap;
  quizAttempts: RowOverlap;
  decks: RowOverlap & {
    /** Titles of decks a merge would take from the file: new here, or updated there more recently. */
    fromFile: string[];
    /** Titles of decks only on this device: a replace deletes them. */
    lostByReplace: string[];
  };
  /** The file's preferences differ from this device's, bookkeeping aside (a replace takes the file's; a merge keeps these). */
  settingsDiffer: boolean;
  /** Time of the newest review in the file and here, epoch ms; null when there is none. */
  newestReview: { file: number | null; here: number | null };
}

const newest = (logs: ReviewLogEntry[]) =>
  logs.reduce<number | null>((max, l) => (max === null || l.reviewedAt > max ? l.reviewedAt : max), null);
const titles = (decks: BackupDeckRow[]) => decks.map((d) => d.deck.title);

/** What the file holds compared with this device, for the restore preview. */
export function diffBackup(here: BackupData, file: BackupData): BackupDiff {
  const mineDecks = new Map(here.decks.map((d) => [d.id, d]));
  const fileDeckIds = new Set(file.decks.map((d) => d.id));
  const deviceKeys: string[] = Object.values(DEVICE_SETTING_KEYS);
  const settingsText = (d: BackupData) =>
    JSON.stringify(
      d.settings
        .filter((s) => !deviceKeys.includes(s.key))
        .sort((x, y) => (x.key < y.key ? -1 : 1))
        .map((s) => [s.key, s.value])
    );
  return {
    file: countRows(file),
    here: countRows(here),
    reviews: overlap(here.reviewLogs, file.reviewLogs, (l) => l.id),
    cards: overlap(here.cardStates, file.cardStates, keyOf),
    quizAttempts: overlap(here.quizAttempts, file.quizAttempts, (q) => q.id),
    decks: {
      ...overlap(here.decks, file.decks, (d) => d.id),
      fromFile: titles(file.decks.filter((d) => d.updatedAt > (mineDecks.get(d.id)?.updatedAt ?? -Infinity))),
      lostByReplace: titles(here.decks.filter((d) => !fileDeckIds.has(d.id)))
    },
    settingsDiffer: settingsText(here) !== settingsText(file),
    newestReview: { file: newest(file.reviewLogs), here: newest(here.reviewLogs) }
  };
}
