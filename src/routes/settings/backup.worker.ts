/// <reference lib="webworker" />
// Reads, checks, compares and restores a backup off the main thread: a file of 200,000 reviews takes
// seconds to parse, check and write, and the page must keep responding and show how far it is. The
// checked file stays here between the preview and Restore, so it is never copied to the page.
import { isQuotaError, previewRestore, restoreBackup, type RestoreMode } from '$lib/db';
import { BackupMergeError, type BackupDiff, type BackupFile, type BackupProblem } from '$lib/domain';
import { BackupError, parseBackupText } from '$lib/domain/backup-parse';
import { decodeText } from '$lib/domain/decode-text';

export type RestoreStage = 'reading' | 'checking' | 'comparing' | 'saving';

export type BackupRequest =
  { type: 'read'; file: File; builtInIds: string[] } | { type: 'restore'; mode: RestoreMode; now: number };

export type BackupReply =
  | { type: 'progress'; stage: RestoreStage; fraction: number }
  | { type: 'checked'; header: Pick<BackupFile, 'appVersion' | 'exportedAt'>; diff: BackupDiff }
  | { type: 'problem'; problem: BackupProblem }
  | { type: 'restored' }
  | { type: 'failed'; kind: 'quota' | 'merge' | 'other'; message: string; deckId?: string; cardId?: string };

let checked: { file: BackupFile; builtInIds: Set<string> } | null = null;

const post = (reply: BackupReply) => self.postMessage(reply);

function failed(e: unknown): BackupReply {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof BackupMergeError)
    return { type: 'failed', kind: 'merge', message, deckId: e.deckId, cardId: e.cardId };
  return { type: 'failed', kind: isQuotaError(e) ? 'quota' : 'other', message };
}

self.onmessage = async (event: MessageEvent<BackupRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'read') {
      post({ type: 'progress', stage: 'reading', fraction: 0 });
      // The same decoder as imports: a backup opened and saved again in an editor as UTF-16 still reads.
      const { text } = decodeText(await request.file.arrayBuffer());
      post({ type: 'progress', stage: 'checking', fraction: 0 });
      let file: BackupFile;
      try {
        file = await parseBackupText(text);
      } catch (e) {
        if (e instanceof BackupError) return post({ type: 'problem', problem: e.problem });
        throw e;
      }
      post({ type: 'progress', stage: 'comparing', fraction: 0 });
      const builtInIds = new Set(request.builtInIds);
      const diff = await previewRestore(file, builtInIds);
      checked = { file, builtInIds };
      post({ type: 'checked', header: { appVersion: file.appVersion, exportedAt: file.exportedAt }, diff });
    } else {
      if (!checked) throw new Error('no backup was checked');
      let last = 0;
      await restoreBackup(checked.file, request.mode, new Date(request.now), checked.builtInIds, (fraction) => {
        if (fraction - last >= 0.02 || fraction === 1) {
          last = fraction;
          post({ type: 'progress', stage: 'saving', fraction });
        }
      });
      checked = null;
      post({ type: 'restored' });
    }
  } catch (e) {
    post(failed(e));
  }
};
