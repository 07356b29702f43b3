/**
 * Images and sounds on cards. Card text names a media file by the SHA-256 of its content, written
 * like an image in the Markdown subset: `![Flag of Peru](media:<64 hex digits>.png)`. The same
 * reference works for a deck imported on the device (the file is a Blob in IndexedDB, shown through
 * an object URL) and for a deck in `content/` (the compiler hashes the file kept beside the deck and
 * ships it with the build). The extension says how to show it: an image, or an audio control.
 * Content addressing stores a file used by many cards or decks once, and a file can never be
 * swapped under a card that names it.
 */

/** Lowercase hex SHA-256 of a file's bytes. */
export type MediaHash = string;

export type MediaKind = 'image' | 'audio';

/** The file types cards can show, by extension: what they are and how to show them. */
export const MEDIA_TYPES: Readonly<Record<string, { mime: string; kind: MediaKind }>> = {
  png: { mime: 'image/png', kind: 'image' },
  jpg: { mime: 'image/jpeg', kind: 'image' },
  jpeg: { mime: 'image/jpeg', kind: 'image' },
  gif: { mime: 'image/gif', kind: 'image' },
  webp: { mime: 'image/webp', kind: 'image' },
  avif: { mime: 'image/avif', kind: 'image' },
  svg: { mime: 'image/svg+xml', kind: 'image' },
  mp3: { mime: 'audio/mpeg', kind: 'audio' },
  m4a: { mime: 'audio/mp4', kind: 'audio' },
  aac: { mime: 'audio/aac', kind: 'audio' },
  ogg: { mime: 'audio/ogg', kind: 'audio' },
  oga: { mime: 'audio/ogg', kind: 'audio' },
  opus: { mime: 'audio/ogg', kind: 'audio' },
  wav: { mime: 'audio/wav', kind: 'audio' },
  flac: { mime: 'audio/flac', kind: 'audio' },
  webm: { mime: 'audio/webm', kind: 'audio' },
  // Anki plays video through [sound:]; the audio control plays its sound track.
  mp4: { mime: 'video/mp4', kind: 'audio' }
};

/** One reference in card text: `media:<hash>.<ext>`. */
export const MEDIA_REF = /media:([0-9a-f]{64})\.([a-z0-9]{1,5})/g;
const ONE_REF = /^media:([0-9a-f]{64})\.([a-z0-9]{1,5})$/;

/** The lowercase extension of a file name, without its dot; '' when it has none. */
export function extensionOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** What a file is, from its name; undefined for a type cards cannot show. */
export function mediaTypeOf(name: string): { mime: string; kind: MediaKind; ext: string } | undefined {
  const ext = extensionOf(name);
  const type = Object.hasOwn(MEDIA_TYPES, ext) ? MEDIA_TYPES[ext] : undefined;
  return type && { ...type, ext: ext === 'jpeg' ? 'jpg' : ext };
}

/** The address written in card text for a file with this hash and extension. */
export function mediaAddress(hash: MediaHash, ext: string): string {
  return `media:${hash}.${ext}`;
}

/** The hash and extension of a `media:` address, or undefined for any other address. */
export function parseMediaAddress(address: string): { hash: MediaHash; ext: string; kind: MediaKind } | undefined {
  const match = ONE_REF.exec(address);
  const type = match && (Object.hasOwn(MEDIA_TYPES, match[2]) ? MEDIA_TYPES[match[2]] : undefined);
  return match && type ? { hash: match[1], ext: match[2], kind: type.kind } : undefined;
}

/** Every media hash a text refers to, once each. */
export function mediaHashesIn(text: string): MediaHash[] {
  return [...new Set(Array.from(text.matchAll(MEDIA_REF), (m) => m[1]))];
}

/**
 * Where the page gets a media file from (components ask, state answers: object URLs of the files
 * stored on the device, src/lib/state/media-urls.ts).
 */
export interface MediaSource {
  /** An address the page may load the file from; null when it is not on this device. */
  url(hash: MediaHash, ext: string): Promise<string | null>;
}

/**
 * Which other sites a deck's images may be loaded from (components ask, state remembers the
 * learner's choice per deck; src/lib/components/remote-images.svelte.ts). `allowed` is read inside
 * an effect, so a reactive one re-runs it when a host is allowed.
 */
export interface RemoteImagePolicy {
  allowed(host: string): boolean;
  allow(host: string): void | Promise<void>;
}
