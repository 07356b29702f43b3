/**
 * Images and sounds kept beside a deck in `content/`: a card writes `![Flag of Peru](peru.png)`
 * (or `![](media/hola.mp3)`), a path relative to its deck file. The compiler reads each file, names
 * it by the SHA-256 of its content, rewrites the reference to `media:<hash>.<ext>` (the same
 * reference imported decks use, src/lib/domain/media.ts) and writes the file to
 * `static/media/<hash>.<ext>`, which the build precaches, so the cards show it offline.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Card, Deck } from '../src/lib/domain/deck.schema';
import { mediaAddress, mediaTypeOf } from '../src/lib/domain/media';

/** Largest media file a deck may carry: every learner's device downloads it with the app. */
export const MAX_MEDIA_BYTES = 5 * 1024 * 1024;

export type DeckMediaProblem =
  | { code: 'media-not-found'; ref: string; offset: number }
  | { code: 'media-outside-content'; ref: string; offset: number }
  | { code: 'media-unsupported'; ref: string; offset: number }
  | { code: 'media-too-large'; ref: string; offset: number; bytes: number; limit: number };

export interface DeckMedia {
  deck: Deck;
  /** `<hash>.<ext>` → the file it was read from. */
  files: Map<string, string>;
  problems: DeckMediaProblem[];
}

/**
 * `![alt](ref "title")`. No two parts can take the same characters, so a match fails in linear time
 * on anything a deck holds: the alt text stops at an unescaped `[` (a `[` inside an image's
 * description starts a link of its own in Markdown), and the white space before an optional title
 * is taken once.
 */
const IMAGE = /!\[((?:\\.|[^[\]\\])*)\]\(\s*([^()\s]+)((?:\s+(?:"[^"]*"\s*)?)?)\)/g;
const TEXT_FIELDS = ['front', 'back', 'text', 'explanation'] as const;

/**
 * Rewrites the local media references of one deck. `deckFile` is the deck's path, `yaml` its text
 * (to place problems), `contentDir` the folder no reference may leave.
 */
export async function bundleDeckMedia(
  deck: Deck,
  deckFile: string,
  yaml: string,
  contentDir: string
): Promise<DeckMedia> {
  const files = new Map<string, string>();
  const problems: DeckMediaProblem[] = [];
  const cache = new Map<string, string | undefined>();
  const root = path.resolve(contentDir);

  const rewrite = async (text: string): Promise<string> => {
    let out = '';
    let last = 0;
    for (const match of text.matchAll(IMAGE)) {
      const [whole, alt, ref, title] = match;
      out += text.slice(last, match.index);
      last = match.index + whole.length;
      if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('/') || ref.startsWith('#')) {
        out += whole;
        continue;
      }
      if (!cache.has(ref)) cache.set(ref, await resolve(ref));
      const address = cache.get(ref);
      out += address ? `![${alt}](${address}${title})` : whole;
    }
    return out + text.slice(last);
  };

  const resolve = async (ref: string): Promise<string | undefined> => {
    const offset = Math.max(0, yaml.indexOf(`](${ref}`) + 2);
    let name: string;
    try {
      name = decodeURIComponent(ref);
    } catch {
      name = ref;
    }
    const file = path.resolve(path.dirname(deckFile), name);
    if (file !== root && !file.startsWith(root + path.sep)) {
      problems.push({ code: 'media-outside-content', ref, offset });
      return undefined;
    }
    const type = mediaTypeOf(file);
    if (!type) {
      problems.push({ code: 'media-unsupported', ref, offset });
      return undefined;
    }
    const size = await stat(file).then(
      (s) => (s.isFile() ? s.size : -1),
      () => -1
    );
    if (size < 0) {
      problems.push({ code: 'media-not-found', ref, offset });
      return undefined;
    }
    if (size > MAX_MEDIA_BYTES) {
      problems.push({ code: 'media-too-large', ref, offset, bytes: size, limit: MAX_MEDIA_BYTES });
      return undefined;
    }
    const hash = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    files.set(`${hash}.${type.ext}`, file);
    return mediaAddress(hash, type.ext);
  };

  const cards: Card[] = [];
  for (const card of deck.cards) {
    const copy: Record<string, unknown> = { ...card };
    for (const field of TEXT_FIELDS)
      if (typeof copy[field] === 'string') copy[field] = await rewrite(copy[field] as string);
    if (Array.isArray(copy.options)) copy.options = await Promise.all((copy.options as string[]).map(rewrite));
    cards.push(copy as Card);
  }
  return { deck: { ...deck, cards }, files, problems };
}

/** Writes the media files to `outDir` (`static/media`), removing any no deck uses any more. */
export async function writeDeckMedia(files: Map<string, string>, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  for (const name of await readdir(outDir)) if (!files.has(name)) await rm(path.join(outDir, name));
  for (const [name, from] of files) await writeFile(path.join(outDir, name), await readFile(from));
}
