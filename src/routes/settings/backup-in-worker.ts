/** A backup being restored, read, checked and written in its own Web Worker (backup.worker.ts). */
import type { RestoreMode } from '$lib/state';
import { BackupMergeError, type BackupDiff, type BackupFile, type BackupProblem } from '$lib/domain';
import * as t from '$lib/text';
import type { BackupReply, BackupRequest, RestoreStage } from './backup.worker';
import BackupWorker from './backup.worker?worker';

export type { RestoreStage };

/** One chosen file: `check` it, then `restore` it; `close` when the page no longer needs it. */
export class BackupInWorker {
  readonly #worker = new BackupWorker();
  #onProgress: (stage: RestoreStage, fraction: number) => void;

  constructor(onProgress: (stage: RestoreStage, fraction: number) => void) {
    this.#onProgress = onProgress;
  }

  #ask(request: BackupRequest): Promise<Exclude<BackupReply, { type: 'progress' }>> {
    return new Promise((resolve, reject) => {
      this.#worker.onmessage = (event: MessageEvent<BackupReply>) => {
        if (event.data.type === 'progress') this.#onProgress(event.data.stage, event.data.fraction);
        else resolve(event.data);
      };
      this.#worker.onerror = (event) => reject(new Error(event.message || t.settings.restore.workerStopped));
      this.#worker.postMessage(request);
    });
  }

  /** Reads and checks the file and compares it with this device, or says why it cannot be restored. */
  async check(
    file: File,
    builtInIds: readonly string[]
  ): Promise<{ header: Pick<BackupFile, 'appVersion' | 'exportedAt'>; diff: BackupDiff } | { problem: BackupProblem }> {
    const reply = await this.#ask({ type: 'read', file, builtInIds: [...builtInIds] });
    if (reply.type === 'checked') return { header: reply.header, diff: reply.diff };
    if (reply.type === 'problem') return { problem: reply.problem };
    throw errorOf(reply);
  }

  /** Restores the checked file in one transaction (a failure changes nothing). */
  async restore(mode: RestoreMode, now: Date): Promise<void> {
    const reply = await this.#ask({ type: 'restore', mode, now: now.getTime() });
    if (reply.type !== 'restored') throw errorOf(reply);
  }

  close(): void {
    this.#worker.terminate();
  }
}

/** The worker's failure as the error it was, for `failedWrite` and the merge message. */
function errorOf(reply: BackupReply): Error {
  if (reply.type !== 'failed') return new Error(t.settings.restore.workerStopped);
  if (reply.kind === 'merge') return new BackupMergeError(reply.deckId ?? '', reply.cardId ?? '');
  if (reply.kind === 'quota') return new DOMException(reply.message, 'QuotaExceededError');
  return new Error(reply.message);
}
