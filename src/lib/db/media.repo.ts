/**
 * Images and sounds of imported decks, stored once per content hash. A file stays while an imported
 * deck or a snapshot shows it: deleting a deck, or a snapshot rolling over, lets it go at the next
 * clean-up, which runs inside the transaction of the change that may free it.
 */
import { mediaHashesIn, type MediaKind } from '$lib/domain/media';
import { db, type MediaRow } from './factdeck-db';

export function getMedia(hash: string): Promise<MediaRow | undefined> {
  return db.media.get(hash);
}

export interface MediaFile {
  hash: string;
  bytes: Uint8Array;
  mime: string;
  kind: MediaKind;
  ext: string;
}

/** Stores the files not stored yet; call inside a transaction over `media`. Returns the bytes added. */
export async function storeMedia(files: readonly MediaFile[], now: number): Promise<number> {
  const stored = new Set(
    await db.media
      .where('hash')
      .anyOf(files.map((f) => f.hash))
      .primaryKeys()
  );
  const rows: MediaRow[] = [];
  for (const file of files)
    if (!stored.has(file.hash)) {
      stored.add(file.hash);
      rows.push({
        hash: file.hash,
        blob: new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mime }),
        mime: file.mime,
        kind: file.kind,
        ext: file.ext,
        size: file.bytes.length,
        addedAt: now
      });
    }
  await db.media.bulkAdd(rows);
  return rows.reduce((sum, r) => sum + r.size, 0);
}

/**
 * Deletes the stored files no imported deck and no snapshot shows; call inside a transaction over
 * `decks`, `snapshots` and `media`. Returns how many were deleted.
 */
export async function deleteUnusedMedia(): Promise<number> {
  const used = new Set<string>();
  await db.decks.each((row) => {
    for (const hash of mediaHashesIn(JSON.stringify(row.deck.cards))) used.add(hash);
  });
  await db.snapshots.each((info) => {
    for (const hash of info.media ?? []) used.add(hash);
  });
  const unused = (await db.media.toCollection().primaryKeys()).filter((hash) => !used.has(hash));
  await db.media.bulkDelete(unused);
  return unused.length;
}

/** How many files are stored and their size, for Settings. */
export async function mediaUsage(): Promise<{ files: number; bytes: number }> {
  let bytes = 0;
  let files = 0;
  await db.media.each((row) => {
    files++;
    bytes += row.size;
  });
  return { files, bytes };
}
