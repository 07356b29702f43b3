/// <reference lib="webworker" />
/**
 * The import worker's side of an Anki package: the reader, fflate, fzstd and SQLite in WebAssembly
 * (sql.js) are loaded here, when a package is chosen, never by a page. A dedicated worker runs under
 * its own response's policy, not the page's, so compiling WebAssembly needs nothing from the CSP.
 * Anki's review history is replayed here too, so the page never grades thousands of reviews.
 */
import type { PackageRead, PackageRequest } from '$lib/domain/import/anki-package';
import * as t from '$lib/text';

export type { PackageRead, PackageRequest };

export async function readPackage(
  bytes: Uint8Array,
  request: PackageRequest,
  onProgress: (fraction: number) => void
): Promise<PackageRead> {
  const [
    { readAnkiPackage, replayAnkiHistory, sqlJsOpener },
    { Scheduler },
    { default: initSqlJs },
    { default: wasmUrl }
  ] = await Promise.all([
    import('$lib/domain/import/anki-package'),
    import('$lib/domain/scheduler'),
    import('sql.js'),
    import('sql.js/dist/sql-wasm.wasm?url')
  ]);
  const SQL = await initSqlJs({ locateFile: () => wasmUrl });
  const result = await readAnkiPackage({
    bytes,
    fileName: request.fileName,
    language: request.language,
    naming: t.import.naming,
    openSqlite: sqlJsOpener(SQL),
    onProgress: (f) => onProgress(f * 0.9)
  });
  const scheduler = new Scheduler({ desiredRetention: request.desiredRetention });
  const histories = result.decks.map((d) =>
    replayAnkiHistory(d.deck.id, d.reviews, d.suspended, scheduler, new Date(request.now))
  );
  onProgress(1);
  return { result, histories };
}

/** The buffers of a result's media, to transfer to the page rather than copy. */
export function mediaBuffers(read: PackageRead): ArrayBuffer[] {
  return [...new Set(read.result.media.map((m) => m.bytes.buffer as ArrayBuffer))];
}
