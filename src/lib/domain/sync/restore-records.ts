/**
 * Restores and turning sync on, as records. A restore is a change like any other, so it must reach
 * every device and outlast what came before it: rows are written again with the restore's `at`, which
 * is later than every removal the device has seen, so none of those takes them away again.
 */
import type { BackupData } from '../backup';
import type { ReviewLogEntry } from '../progress';
import { DEFAULT_SETTINGS, sanitizeSettings, type Settings } from '../settings';
import {
  groupLive,
  materializeItem,
  preferencesOf,
  PREFERENCE_FIELDS,
  schedulerFor,
  type ItemRecords
} from './materialize';
import { deckRecord, markRecord, quizRecord, removalRecord, reviewRecord, type Stamp } from './local-records';
import { itemKey } from './record-keys';
import { Removals } from './removals';
import type { SettingRecord, SyncRecord } from './sync-record';

const PREFERENCES_KEY = 'preferences';

/** The preferences a backup holds, or null when it has none. */
function filePreferences(data: BackupData): Settings | null {
  const row = data.settings.find((s) => s.key === PREFERENCES_KEY);
  return row ? sanitizeSettings(row.value) : null;
}

function settingRecords(prefs: Settings, fields: readonly string[], { device, at }: Stamp): SettingRecord[] {
  return fields.map((f) => ({ kind: 'setting', id: f, at, device, value: prefs[f as keyof Settings] }));
}

function groupByItem(rows: readonly ReviewLogEntry[]): Map<string, ReviewLogEntry[]> {
  const out = new Map<string, ReviewLogEntry[]>();
  for (const row of rows) {
    const key = itemKey(row.deckId, row.cardId);
    const list = out.get(key);
    if (list) list.push(row);
    else out.set(key, [row]);
  }
  return out;
}

/**
 * Makes a device hold exactly `data` (replace): a reset of all progress, every review and quiz attempt
 * of the file again, its decks (decks here and not in the file deleted), its preferences, all at
 * `stamp.at`; then, at `stamp.at + 1`, the marks that give each item the file's suspended and leech
 * marks (a leech comes from its lapse; a later mark says otherwise). `hereDecks`: the ids of the
 * imported decks on the device.
 */
export function replaceRecords(hereDecks: Iterable<string>, data: BackupData, stamp: Stamp): SyncRecord[] {
  const fileDecks = new Set(data.decks.map((d) => d.id));
  const reviews = data.reviewLogs.map((row) => reviewRecord(row, stamp));
  const prefs = filePreferences(data) ?? sanitizeSettings(undefined);
  const records: SyncRecord[] = [
    removalRecord({ type: 'all' }, stamp),
    ...reviews,
    ...data.quizAttempts.map((q) => quizRecord(q, stamp)),
    ...data.decks.map((d) => deckRecord(d.id, d, stamp)),
    ...[...hereDecks].filter((id) => !fileDecks.has(id)).map((id) => deckRecord(id, null, stamp)),
    ...settingRecords(prefs, PREFERENCE_FIELDS, stamp)
  ];
  const scheduler = schedulerFor(prefs);
  const byItem = groupByItem(data.reviewLogs);
  const later = { ...stamp, at: stamp.at + 1 };
  for (const s of data.cardStates) {
    const rows = byItem.get(itemKey(s.deckId, s.cardId)) ?? [];
    const item: ItemRecords = { deckId: s.deckId, cardId: s.cardId, reviews: [], mark: null };
    item.reviews = rows.map((row) => reviewRecord(row, stamp));
    const made = materializeItem(item, scheduler).state;
    const leech = !!made?.leech;
    const wantLeech = !!s.leech && leech;
    const wantSuspended = !!s.suspended || !!s.leech;
    // Without a mark the item is suspended exactly when it is a leech.
    if (wantLeech !== leech || wantSuspended !== leech)
      records.push(markRecord(s.deckId, s.cardId, wantSuspended, later));
  }
  return records;
}

/**
 * Adds `data` to what a device holds (merge), as a backup merge does: reviews and quiz attempts the
 * device does not hold live (new, or taken away here) at `stamp.at`; decks the device lacks or holds
 * in an older version; preferences the file changed from their defaults and the device has no record
 * of; then, at `stamp.at + 1`, a suspension
 * for each item the file has suspended (or as a leech) that the merge leaves unsuspended. `held`: the
 * live records the device holds. Turning sync on is this, with what the account holds as `held` and
 * the device's own tables as `data`.
 */
export function mergeRecords(held: Iterable<SyncRecord>, data: BackupData, stamp: Stamp): SyncRecord[] {
  const live = groupLive(held, new Removals());
  const reviewIds = new Set<string>();
  for (const item of live.items.values()) for (const r of item.reviews) reviewIds.add(r.id);
  const reviews = data.reviewLogs.filter((row) => !reviewIds.has(row.id)).map((row) => reviewRecord(row, stamp));
  const prefs = filePreferences(data);
  // A default value is no choice: only fields the learner changed join the account.
  const chosen = PREFERENCE_FIELDS.filter(
    (f) => prefs && !live.settings.has(f) && JSON.stringify(prefs[f]) !== JSON.stringify(DEFAULT_SETTINGS[f])
  );
  const settings = prefs ? settingRecords(prefs, chosen, stamp) : [];
  const records: SyncRecord[] = [
    ...reviews,
    ...data.quizAttempts.filter((q) => !live.quizzes.has(q.id)).map((q) => quizRecord(q, stamp)),
    ...data.decks
      .filter((d) => {
        const mine = live.decks.get(d.id)?.row;
        return !mine || d.updatedAt > mine.updatedAt;
      })
      .map((d) => deckRecord(d.id, d, stamp)),
    ...settings
  ];

  const scheduler = schedulerFor(preferencesOf([...live.settings.values(), ...settings]));
  const added = new Map<string, typeof reviews>();
  for (const r of reviews) {
    const key = itemKey(r.row.deckId, r.row.cardId);
    added.set(key, [...(added.get(key) ?? []), r]);
  }
  const later = { ...stamp, at: stamp.at + 1 };
  for (const s of data.cardStates) {
    if (!s.suspended && !s.leech) continue;
    const key = itemKey(s.deckId, s.cardId);
    const mine = live.items.get(key);
    const item: ItemRecords = {
      deckId: s.deckId,
      cardId: s.cardId,
      reviews: [...(mine?.reviews ?? []), ...(added.get(key) ?? [])],
      mark: mine?.mark ?? null
    };
    if (!materializeItem(item, scheduler).state?.suspended) records.push(markRecord(s.deckId, s.cardId, true, later));
  }
  return records;
}
