/**
 * Rebuilding every table from the records held, a chunk of study items at a time: when sync is turned
 * on (after the device's own data is merged in as records) and when "Check data" repairs a device
 * that syncs. Only rows that differ are written. Runs inside the caller's transaction(s).
 */
import { PREFERENCE_FIELDS, preferencesOf, rebuildHeld, recordKey, type SyncRecord } from '$lib/domain/sync';
import { db } from './factdeck-db';
import { bumpDecks, heldRemovals, heldSettings, sameValue, writeItems } from './sync-store';

const PREFERENCES = 'preferences';
/** Records read at once; a study item's records are never split between chunks. */
export const REBUILD_CHUNK = 2000;

/**
 * Rebuilds the items and quiz attempts of the next chunk of records in `scope` order, after the
 * scope `after` ('' for the first). Returns the last scope done, or null when there were none left.
 */
export async function rebuildChunk(after: string, size = REBUILD_CHUNK): Promise<string | null> {
  const rows = await db.syncRecords.where('scope').above(after).limit(size).toArray();
  if (!rows.length) return null;
  const last = rows[rows.length - 1].scope!;
  const rest = await db.syncRecords.where('scope').equals(last).toArray();
  const records = new Map<string, SyncRecord>();
  for (const row of [...rows, ...rest]) records.set(row.key, row.record);
  const [settings, removals] = await Promise.all([heldSettings(), heldRemovals()]);
  const out = rebuildHeld(records.values(), settings, removals);
  const decks = await writeItems(out.items);
  const quizIds = [...out.quizAttempts.put.map((q) => q.id), ...out.quizAttempts.remove];
  const stored = await db.quizAttempts.bulkGet(quizIds);
  const putQuizzes = out.quizAttempts.put.filter((q, i) => !sameValue(q, stored[i]));
  const removeQuizzes = out.quizAttempts.remove.filter((_, i) => stored[out.quizAttempts.put.length + i]);
  for (const q of putQuizzes) decks.add(q.deckId);
  await Promise.all([
    putQuizzes.length ? db.quizAttempts.bulkPut(putQuizzes) : null,
    removeQuizzes.length ? db.quizAttempts.bulkDelete(removeQuizzes) : null,
    out.records.remove.length ? db.syncRecords.bulkDelete(out.records.remove) : null,
    bumpDecks(decks)
  ]);
  return last;
}

/**
 * After every chunk: deletes the rows no record makes (a state, log row or quiz attempt whose
 * records are gone), and writes the imported decks and preferences the records make.
 */
export async function finishRebuild(): Promise<void> {
  const [stateKeys, scopes, logIds, reviewKeys, quizIds, quizKeys, deckRows, deckRecords, settings, prefsRow] =
    await Promise.all([
      db.cardStates.toCollection().primaryKeys() as Promise<[string, string][]>,
      db.syncRecords.orderBy('scope').uniqueKeys() as Promise<string[]>,
      db.reviewLogs.toCollection().primaryKeys() as Promise<string[]>,
      db.syncRecords.where(':id').between('review:', 'review:\uffff').primaryKeys() as Promise<string[]>,
      db.quizAttempts.toCollection().primaryKeys() as Promise<string[]>,
      db.syncRecords.where(':id').between('quiz:', 'quiz:\uffff').primaryKeys() as Promise<string[]>,
      db.decks.toArray(),
      db.syncRecords.where(':id').between('deck:', 'deck:\uffff').toArray(),
      heldSettings(),
      db.settings.get(PREFERENCES)
    ]);
  const items = new Set(scopes);
  const reviews = new Set(reviewKeys);
  const quizzes = new Set(quizKeys);
  const goneStates = stateKeys.filter(([deckId, cardId]) => !items.has(`${deckId}/${cardId}`));
  const goneLogs = logIds.filter((id) => !reviews.has(recordKey({ kind: 'review', id })));
  const goneQuizzes = quizIds.filter((id) => !quizzes.has(recordKey({ kind: 'quiz', id })));
  const decks = deckRecords.flatMap((r) => (r.record.kind === 'deck' && r.record.row ? [r.record.row] : []));
  const keepDecks = new Set(decks.map((d) => d.id));
  const here = new Map(deckRows.map((d) => [d.id, d]));
  const putDecks = decks.filter((d) => !sameValue(d, here.get(d.id)));
  const goneDecks = deckRows.filter((d) => !keepDecks.has(d.id)).map((d) => d.id);
  const preferences = preferencesOf(settings);
  const known: readonly string[] = PREFERENCE_FIELDS;
  const writePrefs =
    (settings.some((s) => known.includes(s.id)) || prefsRow) && !sameValue(prefsRow?.value, preferences);
  await Promise.all([
    goneStates.length ? db.cardStates.bulkDelete(goneStates) : null,
    goneLogs.length ? db.reviewLogs.bulkDelete(goneLogs) : null,
    goneQuizzes.length ? db.quizAttempts.bulkDelete(goneQuizzes) : null,
    putDecks.length ? db.decks.bulkPut(putDecks) : null,
    goneDecks.length ? db.decks.bulkDelete(goneDecks) : null,
    writePrefs ? db.settings.put({ key: PREFERENCES, value: preferences }) : null,
    bumpDecks([...goneStates.map(([deckId]) => deckId), ...putDecks.map((d) => d.id), ...goneDecks])
  ]);
}

/** Rebuilds every table from the records, inside the caller's transaction over `syncTables()`. */
export async function rebuildAll(): Promise<void> {
  for (let after: string | null = ''; after !== null;) after = await rebuildChunk(after);
  await finishRebuild();
}
