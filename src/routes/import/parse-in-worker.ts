/** Runs the import parser in a Web Worker, one worker per parse, reporting progress as it goes. */
import type { ImportResult } from '$lib/domain/import';
import * as t from '$lib/text';
import type { ImportReply, ImportRequest } from './import.worker';
import ImportWorker from './import.worker?worker';

export function parseInWorker(request: ImportRequest, onProgress: (fraction: number) => void): Promise<ImportResult> {
  return new Promise((resolve, reject) => {
    const worker = new ImportWorker();
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      if (event.data.type === 'progress') onProgress(event.data.fraction);
      else {
        worker.terminate();
        resolve(event.data.result);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || t.import.workerStopped));
    };
    worker.postMessage(request, request.bytes ? [request.bytes] : []);
  });
}
