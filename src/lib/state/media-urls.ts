/**
 * Card media as the page loads it: a file stored on the device (an imported deck's) becomes an
 * object URL, made once per file and kept while the app runs, as cards come back in a session; any
 * other is looked for beside the app, where the build puts the media of built-in decks.
 */
import type { MediaSource } from '$lib/domain/media';
import { getMedia } from '$lib/db';

const urls = new Map<string, Promise<string | null>>();

export const deviceMedia: MediaSource = {
  url(hash, ext) {
    let url = urls.get(hash);
    if (!url) {
      url = getMedia(hash).then(
        (row) => (row ? URL.createObjectURL(row.blob) : `/media/${hash}.${ext}`),
        () => `/media/${hash}.${ext}`
      );
      urls.set(hash, url);
    }
    return url;
  }
};
