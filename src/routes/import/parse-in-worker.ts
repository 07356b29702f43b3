/** Runs the import parser in a Web Worker, one worker per parse, reporting progress as it goes. */
import type { ImportResult } from '$lib/domain/import';
import * as t from '$lib/text';
import type { ImportReply, ImportRequest } from './import.worker';
import type { PackageRead, PackageRequest } from './read-package';
import ImportWorker from './import.worker?worker';

function run(request: ImportRequest, onProgress: (fraction: number) => void): Promise<ImportReply> {
  return new Promise((resolve, reject) => {
    const worker = new ImportWorker();
    worker.onmessage = (event: MessageEvent<ImportReply>) => {
      if (event.data.type === 'progress') onProgress(event.data.fraction);
      else {
        worker.terminate();
        resolve(event.data);
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || t.import.workerStopped));
    };
    worker.postMessage(request, request.bytes ? [request.bytes] : []);
  });
}

export async function parseInWorker(
  request: ImportRequest,
  onProgress: (fraction: number) => void
): Promise<ImportResult> {
  const reply = await run(request, onProgress);
  if (reply.type !== 'result') throw new Error(t.import.workerStopped);
  return reply.result;
}

/** Reads an Anki package in the worker; its media comes back transferred, not copied. */
export async function readPackageInWorker(
  bytes: ArrayBuffer,
  request: PackageRequest,
  onProgress: (fraction: number) => void
): Promise<PackageRead> {
  const reply = await run({ input: {}, bytes, package: request }, onProgress);
  if (reply.type === 'failed') throw new Error(reply.reason);
  if (reply.type !== 'package') throw new Error(t.import.workerStopped);
  return reply.read;
}
