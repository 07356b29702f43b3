/// <reference lib="webworker" />
// Parses an import off the main thread, so a 50,000-card file never freezes the page.
import { decodeText } from '$lib/domain/decode-text';
import { parseImport, type ImportInput, type ImportResult } from '$lib/domain/import';
import { mediaBuffers, readPackage, type PackageRead, type PackageRequest } from './read-package';
import * as t from '$lib/text';

export interface ImportRequest {
  input: Omit<ImportInput, 'text' | 'naming'> & { text?: string };
  /** The raw file, decoded here (`decodeText`: UTF-8, UTF-16 or Windows-1252). */
  bytes?: ArrayBuffer;
  /** The file is an Anki package (.apkg, .colpkg): read as a zip, not as text. */
  package?: PackageRequest;
}

export type ImportReply =
  | { type: 'progress'; fraction: number }
  | { type: 'result'; result: ImportResult }
  | { type: 'package'; read: PackageRead }
  /** The package reader could not load or run (SQLite's WebAssembly not reachable offline before its first use). */
  | { type: 'failed'; reason: string };

self.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const { input, bytes } = event.data;
  let last = 0;
  const onProgress = (fraction: number) => {
    if (fraction - last >= 0.02 || fraction === 1) {
      last = fraction;
      self.postMessage({ type: 'progress', fraction } satisfies ImportReply);
    }
  };
  if (event.data.package && bytes) {
    try {
      const read = await readPackage(new Uint8Array(bytes), event.data.package, onProgress);
      self.postMessage({ type: 'package', read } satisfies ImportReply, mediaBuffers(read));
    } catch (e) {
      self.postMessage({ type: 'failed', reason: e instanceof Error ? e.message : String(e) } satisfies ImportReply);
    }
    return;
  }
  const decoded = bytes ? decodeText(bytes) : { text: input.text ?? '', encoding: undefined };
  const result = parseImport({ ...input, ...decoded, naming: t.import.naming }, onProgress);
  self.postMessage({ type: 'result', result } satisfies ImportReply);
};
