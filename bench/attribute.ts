/**
 * Which package each byte of a built file came from, read from the build's own source maps: every
 * generated character between two mappings belongs to the source of the first. A file's gzip size
 * is then split in proportion to its characters (gzip has no per-byte cost); characters no mapping
 * covers (bundler glue such as import and export lists) are shared out in the same proportion.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CATEGORIES = ['framework', 'dexie', 'workbox-window', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export type Split = Record<Category, number>;

/** Svelte's runtime and SvelteKit's client (with the modules they bring and SvelteKit's generated client files). */
const FRAMEWORK = [
  /node_modules\/svelte\//,
  /node_modules\/@sveltejs\/kit\//,
  /node_modules\/(esm-env|devalue|clsx)\//,
  /\.svelte-kit\/generated\//
];

export function categoryOf(source: string): Category {
  const s = source.replaceAll('\\', '/');
  if (s.includes('node_modules/dexie/')) return 'dexie';
  if (s.includes('node_modules/workbox-window/')) return 'workbox-window';
  if (FRAMEWORK.some((re) => re.test(s))) return 'framework';
  return 'other';
}

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** Decodes one Base64 VLQ segment into its numbers. */
function vlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of segment) {
    const digit = B64.get(c);
    if (digit === undefined) throw new Error(`bad source map character "${c}"`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

interface SourceMap {
  sources: string[];
  sourceRoot?: string;
  mappings: string;
}

/** Characters of `code` per source index (-1: no mapping), from the map's mappings. */
function charsBySource(code: string, map: SourceMap): Map<number, number> {
  const lines = code.split('\n');
  const counts = new Map<number, number>();
  const add = (source: number, n: number) => n > 0 && counts.set(source, (counts.get(source) ?? 0) + n);
  let source = 0;
  const mappingLines = map.mappings.split(';');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // Every line keeps its newline; the last character of the file has none.
    const length = line.length + (i < lines.length - 1 ? 1 : 0);
    let col = 0;
    let at = 0;
    let current = -1;
    for (const segment of (mappingLines[i] ?? '').split(',')) {
      if (!segment) continue;
      const fields = vlq(segment);
      col += fields[0];
      add(current, Math.min(col, length) - at);
      at = Math.min(col, length);
      if (fields.length >= 4) {
        source += fields[1];
        current = source;
      } else current = -1;
    }
    add(current, length - at);
  }
  return counts;
}

/**
 * Splits one built file's gzip size by category, using `<relative>.map` found in `mapDir`. Source
 * paths in a map are relative to where Vite wrote the file, `sourceBase/<relative dir>` (SvelteKit
 * writes the client to .svelte-kit/output/client, then copies it to build/). A file without a map
 * (such as static/theme.js) counts as "other".
 */
export function splitFile(file: string, relative: string, gzip: number, mapDir: string, sourceBase: string): Split {
  const split: Split = { framework: 0, dexie: 0, 'workbox-window': 0, other: 0 };
  const mapFile = path.join(mapDir, `${relative}.map`);
  if (!existsSync(mapFile)) {
    split.other = gzip;
    return split;
  }
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as SourceMap;
  const counts = charsBySource(readFileSync(file, 'utf8'), map);
  const chars: Split = { framework: 0, dexie: 0, 'workbox-window': 0, other: 0 };
  for (const [index, n] of counts) {
    // Characters no mapping covers are shared out in proportion below (dividing by `mapped` only).
    if (index >= 0) {
      const source = path.resolve(sourceBase, path.dirname(relative), map.sourceRoot ?? '', map.sources[index]);
      chars[categoryOf(source)] += n;
    }
  }
  const mapped = CATEGORIES.reduce((n, c) => n + chars[c], 0);
  if (mapped === 0) {
    split.other = gzip;
    return split;
  }
  for (const c of CATEGORIES) split[c] = (gzip * chars[c]) / mapped;
  return split;
}
