/**
 * A device's data as a pure function of the records it holds (docs/sync.md): the newest version of
 * each record, less what removals take away; each study item's live reviews replayed in time order;
 * marks and leeches; the winning decks and preferences. Devices holding the same records hold the same
 * data, whatever order the records came in.
 */
import type { BackupDeckRow } from '../backup';
import { isLeechLapse } from '../grade';
import { byReviewTime, replayLog } from '../log-replay';
import type { CardProgress, ReviewLogEntry } from '../progress';
import type { QuizAttempt } from '../quiz-attempt';
import { newSchedulingState, Scheduler } from '../scheduler';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../settings';
import { itemKey, newestVersions } from './record-keys';
import { Removals } from './removals';
import type { DeckRecord, MarkRecord, QuizRecord, ReviewRecord, SettingRecord, SyncRecord } from './sync-record';

/** The preferences that sync, one record each: every field of `Settings`. */
export const PREFERENCE_FIELDS = Object.keys(DEFAULT_SETTINGS) as readonly (keyof Settings)[];

/** What syncs of a device's data, as its tables hold it. */
export interface SyncedData {
  cardStates: CardProgress[];
  reviewLogs: ReviewLogEntry[];
  quizAttempts: QuizAttempt[];
  decks: BackupDeckRow[];
  preferences: Settings;
}

/** One study item's live records. */
export interface ItemRecords {
  deckId: string;
  cardId: string;
  reviews: ReviewRecord[];
  mark: MarkRecord | null;
}

/** One study item as its records make it. */
export interface MaterializedItem {
  deckId: string;
  cardId: string;
  /** Its stored state; null when it has none (never reviewed and not suspended). */
  state: CardProgress | null;
  /** Its whole review log, oldest first. */
  logs: ReviewLogEntry[];
  /** Some row was graded again (its recorded before/after were not the replay's): the rows depend on the desired retention. */
  regraded: boolean;
}

/** Live records, grouped as the data they make. */
export interface LiveRecords {
  items: Map<string, ItemRecords>;
  quizzes: Map<string, QuizRecord>;
  decks: Map<string, DeckRecord>;
  settings: Map<string, SettingRecord>;
}

/** Groups records (one version per key, removals aside) by what they make, leaving out what `removals` takes. */
export function groupLive(records: Iterable<SyncRecord>, removals: Removals): LiveRecords {
  const live: LiveRecords = { items: new Map(), quizzes: new Map(), decks: new Map(), settings: new Map() };
  const item = (deckId: string, cardId: string) => {
    const key = itemKey(deckId, cardId);
    let found = live.items.get(key);
    if (!found) live.items.set(key, (found = { deckId, cardId, reviews: [], mark: null }));
    return found;
  };
  for (const r of records) {
    if (removals.takes(r)) continue;
    if (r.kind === 'review') item(r.row.deckId, r.row.cardId).reviews.push(r);
    else if (r.kind === 'mark') item(r.deckId, r.cardId).mark = r;
    else if (r.kind === 'quiz') live.quizzes.set(r.id, r);
    else if (r.kind === 'deck') live.decks.set(r.id, r);
    else if (r.kind === 'setting') live.settings.set(r.id, r);
  }
  return live;
}

/** The preferences the winning setting records make; fields without one (or with a value out of range) are defaults. */
export function preferencesOf(settings: Iterable<SettingRecord>): Settings {
  const fields: readonly string[] = PREFERENCE_FIELDS;
  const raw: Record<string, unknown> = {};
  for (const s of settings) if (fields.includes(s.id)) raw[s.id] = s.value;
  return sanitizeSettings(raw);
}

/** The scheduler that grades again the rows a replay cannot keep: the synced desired retention, fuzz on. */
export function schedulerFor(preferences: Settings): Scheduler {
  return new Scheduler({ desiredRetention: preferences.desiredRetention });
}

/**
 * One study item from its live records: its reviews replayed in time order (`replayLog`), then its
 * marks. A leech is an item whose latest leech-making lapse (by record `at`) is later than its latest
 * suspend or unsuspend; it is suspended if it is a leech or its latest mark says so. An item suspended
 * before any review has a new state as of its mark.
 */
export function materializeItem(item: ItemRecords, scheduler: Scheduler): MaterializedItem {
  const { deckId, cardId, mark } = item;
  if (item.reviews.length === 0) {
    const state: CardProgress | null = mark?.suspended
      ? { deckId, cardId, ...newSchedulingState(new Date(mark.at)), suspended: true }
      : null;
    return { deckId, cardId, state, logs: [], regraded: false };
  }
  const reviews = [...item.reviews].sort((a, b) => byReviewTime(a.row, b.row));
  const { rows, state: scheduling } = replayLog(
    reviews.map((r) => r.row),
    scheduler
  );
  let leechAt = -Infinity;
  let regraded = false;
  rows.forEach((row, i) => {
    if (isLeechLapse(row)) leechAt = Math.max(leechAt, reviews[i].at);
    if (row !== reviews[i].row) regraded = true;
  });
  const leech = leechAt > (mark?.at ?? -Infinity);
  const state: CardProgress = {
    deckId,
    cardId,
    ...scheduling,
    ...(leech || mark?.suspended ? { suspended: true } : {}),
    ...(leech ? { leech: true } : {})
  };
  return { deckId, cardId, state, logs: rows, regraded };
}

/** Every study item, quiz attempt, deck and preference that `records` make (any versions, any order, repeats). */
export function materialize(records: Iterable<SyncRecord>): SyncedData {
  const newest = [...newestVersions(records).values()];
  const removals = new Removals(newest.flatMap((r) => (r.kind === 'removal' ? [r] : [])));
  const live = groupLive(newest, removals);
  const preferences = preferencesOf(live.settings.values());
  const scheduler = schedulerFor(preferences);
  const cardStates: CardProgress[] = [];
  const reviewLogs: ReviewLogEntry[] = [];
  for (const item of live.items.values()) {
    const { state, logs } = materializeItem(item, scheduler);
    if (state) cardStates.push(state);
    reviewLogs.push(...logs);
  }
  return sortedData({
    cardStates,
    reviewLogs,
    quizAttempts: [...live.quizzes.values()].map((q) => q.row),
    decks: [...live.decks.values()].flatMap((d) => (d.row ? [d.row] : [])),
    preferences
  });
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The same data with every list in a fixed order (items by key, rows by id), so two copies compare equal. */
export function sortedData(data: SyncedData): SyncedData {
  return {
    cardStates: [...data.cardStates].sort((a, b) => byText(itemKey(a.deckId, a.cardId), itemKey(b.deckId, b.cardId))),
    reviewLogs: [...data.reviewLogs].sort((a, b) => byText(a.id, b.id)),
    quizAttempts: [...data.quizAttempts].sort((a, b) => byText(a.id, b.id)),
    decks: [...data.decks].sort((a, b) => byText(a.id, b.id)),
    preferences: data.preferences
  };
}
