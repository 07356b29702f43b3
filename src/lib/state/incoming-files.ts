/**
 * Deck files that reach the app from the system: opened with the installed app (manifest
 * `file_handlers`, handed over by `launchQueue`) or shared to it (manifest `share_target`, a POST the
 * service worker keeps in a cache, static/share-target.js, then opens `/import#shared`).
 */

/** Where static/share-target.js keeps the shared file (the same names are written there). */
export const SHARED_CACHE = 'factdeck-shared';
export const SHARED_FILE_KEY = '/import/shared-file';

interface LaunchParams {
  files: readonly { getFile(): Promise<File> }[];
}
interface LaunchQueue {
  setConsumer(consumer: (params: LaunchParams) => void | Promise<void>): void;
}

/** Calls `use` with the first file each time the app is launched to open files. */
export function onLaunchFiles(use: (file: File) => void): void {
  const queue = (globalThis as { launchQueue?: LaunchQueue }).launchQueue;
  queue?.setConsumer(async ({ files }) => {
    if (files.length) use(await files[0].getFile());
  });
}

/** The file last shared to the app, removed from where it waited; null when none is there. */
export async function takeSharedFile(): Promise<File | null> {
  if (typeof caches === 'undefined') return null;
  const cache = await caches.open(SHARED_CACHE);
  const response = await cache.match(SHARED_FILE_KEY);
  if (!response) return null;
  await cache.delete(SHARED_FILE_KEY);
  const name = decodeURIComponent(response.headers.get('x-file-name') ?? 'shared.txt');
  const blob = await response.blob();
  return new File([blob], name, { type: blob.type });
}
