/// <reference lib="webworker" />
// Parses an import off the main thread, so a 50,000-card file never freezes the page.
import { parseImport, type ImportInput, type ImportResult } from '$lib/domain/import';
import * as t from '$lib/text';

export interface ImportRequest {
  input: Omit<ImportInput, 'text' | 'naming'> & { text?: string };
  /** The raw file, decoded here as UTF-8 (the parser explains other encodings). */
  bytes?: ArrayBuffer;
}

export type ImportReply = { type: 'progress'; fraction: number } | { type: 'result'; result: ImportResult };

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { input, bytes } = event.data;
  const text = bytes ? new TextDecoder('utf-8').decode(bytes) : (input.text ?? '');
  let last = 0;
  const result = parseImport({ ...input, text, naming: t.import.naming }, (fraction) => {
    if (fraction - last >= 0.02 || fraction === 1) {
      last = fraction;
      self.postMessage({ type: 'progress', fraction } satisfies ImportReply);
    }
  });
  self.postMessage({ type: 'result', result } satisfies ImportReply);
};
