/** Learner settings: one row per key in the `settings` table, read through `sanitizeSettings`. */
import { sanitizeSettings, type Settings } from '$lib/domain';
import { preferenceRecords } from '$lib/domain/sync';
import { db } from './factdeck-db';
import { recordingNow, recordLocal, syncTables } from './sync-store';

const PREFERENCES = 'preferences';
const PERSIST_ASKED = 'persistRequested';

export async function loadSettings(): Promise<Settings> {
  const row = await db.settings.get(PREFERENCES);
  return sanitizeSettings(row?.value);
}

export async function saveSettings(settings: Settings, now = new Date()): Promise<void> {
  await updateSettings(settings, now);
}

/**
 * Changes some settings and keeps the rest as stored, for controls that save as soon as they change.
 * While sync records changes, each changed preference is a record (a changed desired retention also
 * grades again the rows that were graded again before).
 */
export async function updateSettings(patch: Partial<Settings>, now = new Date()): Promise<Settings> {
  return db.transaction('rw', syncTables(), async () => {
    const before = await loadSettings();
    const next = sanitizeSettings({ ...before, ...patch });
    const account = await recordingNow();
    if (account) {
      const out = await recordLocal(account, now, (stamp) => preferenceRecords(before, next, stamp));
      return out.preferences ?? before;
    }
    await db.settings.put({ key: PREFERENCES, value: next });
    return next;
  });
}

/**
 * Asks the browser once, after the first review, to keep our storage when space runs low.
 * Returns whether storage is persistent now.
 */
export async function requestPersistenceOnce(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
  if (await navigator.storage.persisted()) return true;
  if (await db.settings.get(PERSIST_ASKED)) return false;
  await db.settings.put({ key: PERSIST_ASKED, value: Date.now() });
  return navigator.storage.persist();
}

/** Whether the browser has promised not to evict our data; null where the browser cannot say. */
export async function storagePersisted(): Promise<boolean | null> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persisted) return null;
  return navigator.storage.persisted();
}

const REMOTE_IMAGES = 'remoteImages';

/** Pairs of deck id and host whose images the learner allowed, as stored (anything else is left out). */
async function remoteImagePairs(): Promise<[string, string][]> {
  const value = (await db.settings.get(REMOTE_IMAGES))?.value;
  if (!Array.isArray(value)) return [];
  return value.filter(
    (p): p is [string, string] => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'string'
  );
}

/** The hosts a deck's images may be loaded from: those the learner allowed for it. */
export async function remoteImageHosts(deckId: string): Promise<string[]> {
  return (await remoteImagePairs()).filter(([deck]) => deck === deckId).map(([, host]) => host);
}

/** Remembers that the learner allowed a deck's images from `host`. */
export async function allowRemoteImages(deckId: string, host: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const pairs = await remoteImagePairs();
    if (pairs.some(([d, h]) => d === deckId && h === host)) return;
    await db.settings.put({ key: REMOTE_IMAGES, value: [...pairs, [deckId, host]] });
  });
}
