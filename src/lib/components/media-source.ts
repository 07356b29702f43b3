/**
 * Where card media comes from. Components never read the database: the root layout provides a
 * source (src/lib/state/media-urls.ts: object URLs of the files stored on the device), and without
 * one, files are looked for where the build puts the media of decks in `content/`.
 */
import { getContext, setContext } from 'svelte';
import type { MediaSource } from '$lib/domain/media';

export type { MediaSource };

/** Media of built-in decks: compiled beside the app (`/media/<hash>.<ext>`) and precached. */
export const builtInMedia: MediaSource = {
  url: async (hash, ext) => `/media/${hash}.${ext}`
};

const KEY = Symbol('media-source');

export function provideMediaSource(source: MediaSource): void {
  setContext(KEY, source);
}

export function useMediaSource(): MediaSource {
  return getContext<MediaSource | undefined>(KEY) ?? builtInMedia;
}

/**
 * Gives each `[data-media]` element inside `root` its address. An image whose file cannot be had
 * becomes its description, a sound a short note, so the card still reads.
 */
export function showMedia(root: HTMLElement, source: MediaSource, missingSound: string): () => void {
  let live = true;
  for (const element of root.querySelectorAll<HTMLElement>('[data-media]')) {
    const [hash, ext] = (element.dataset.media ?? '').split('.');
    const missing = () => {
      if (!live || !element.isConnected) return;
      const text = element.tagName === 'IMG' ? (element.getAttribute('alt') ?? '') : missingSound;
      element.replaceWith(document.createTextNode(text));
    };
    element.addEventListener('error', missing, { once: true });
    source.url(hash, ext).then((url) => {
      if (!live) return;
      if (url) element.setAttribute('src', url);
      else missing();
    }, missing);
  }
  return () => {
    live = false;
  };
}
