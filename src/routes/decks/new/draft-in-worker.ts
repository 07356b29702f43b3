/**
 * The drafting worker, started when the new-deck page opens (loading the tagger takes a moment)
 * and kept for the drafts that follow; a draft that fails stops it, and the next starts a new one.
 */
import type { DraftInput, DraftResult } from '$lib/domain/draft';
import * as t from '$lib/text';
import type { DraftReply } from './draft.worker';
import DraftWorker from './draft.worker?worker';

export class DraftWorkerClient {
  #worker: Worker | null = null;

  /** Starts the worker (and so loads the tagger) before it is needed. */
  warm(): void {
    this.#worker ??= new DraftWorker();
  }

  draft(input: DraftInput, onProgress: (fraction: number) => void): Promise<DraftResult> {
    this.warm();
    const worker = this.#worker!;
    return new Promise((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<DraftReply>) => {
        if (event.data.type === 'progress') onProgress(event.data.fraction);
        else if (event.data.type === 'result') resolve(event.data.result);
      };
      worker.onerror = (event) => {
        this.stop();
        reject(new Error(event.message || t.newDeck.workerStopped));
      };
      worker.postMessage(input);
    });
  }

  stop(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }
}
