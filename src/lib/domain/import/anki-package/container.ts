/**
 * The zip an Anki package is (rslib/src/import_export/package/: meta.rs, media.rs,
 * colpkg/export.rs). Legacy packages have no `meta`: `collection.anki21` (or, from Anki's first
 * scheduler, `collection.anki2`), a JSON media map `{"0": "a.jpg"}` and plain files named 0, 1, ….
 * Current packages have `meta` (PackageMetadata, version 3), `collection.anki21b` compressed with
 * zstd, a zstd-compressed protobuf media list, zstd-compressed files named by their place in it, and
 * a placeholder `collection.anki2` telling old Anki versions to update, which is ignored here.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { decompress, Decompress } from 'fzstd';
import { PackageError } from './package-problems';
import { readMediaEntries, readMetaVersion } from './protobuf';

export interface PackageLimits {
  maxPackageBytes: number;
  maxCollectionBytes: number;
  maxUnpackedBytes: number;
}

export const PACKAGE_LIMITS: Readonly<PackageLimits> = {
  /** Largest package file accepted. */
  maxPackageBytes: 200 * 1024 * 1024,
  /** Largest collection database: sql.js holds it in memory twice (the file, then SQLite's copy). */
  maxCollectionBytes: 256 * 1024 * 1024,
  /** Most bytes the collection and the media the cards use may unpack to together. */
  maxUnpackedBytes: 1024 * 1024 * 1024
};

/** PackageMetadata.Version (proto/anki/import_export.proto). */
export const PACKAGE_VERSION = { legacy1: 1, legacy2: 2, latest: 3 } as const;

export interface MediaFile {
  /** The zip member holding it: "0", "1", …. */
  member: string;
  /** Size and SHA-1 the current format records for each file; legacy packages record neither. */
  size?: number;
  sha1?: Uint8Array;
}

export interface PackageContainer {
  version: number;
  collectionName: string;
  /** The collection's SQLite file, unpacked. */
  collection: Uint8Array;
  /** Media files by the name cards use. */
  media: Map<string, MediaFile>;
  /** The files of these media names, unpacked and checked against the sizes and hashes recorded. */
  readMedia(names: string[]): Promise<Map<string, Uint8Array>>;
}

/** Opens a package; throws PackageError. */
export function openContainer(bytes: Uint8Array, limits: PackageLimits = PACKAGE_LIMITS): PackageContainer {
  const listing = list(bytes);
  const metaBytes = listing.has('meta') ? extract(bytes, ['meta']).get('meta')! : undefined;
  let version: number;
  if (metaBytes) {
    try {
      version = readMetaVersion(metaBytes);
    } catch (e) {
      throw new PackageError({ code: 'damaged-zip', detail: `meta: ${message(e)}` });
    }
    if (
      version !== PACKAGE_VERSION.legacy1 &&
      version !== PACKAGE_VERSION.legacy2 &&
      version !== PACKAGE_VERSION.latest
    )
      throw new PackageError({ code: 'package-too-new', version });
  } else version = listing.has('collection.anki21') ? PACKAGE_VERSION.legacy2 : PACKAGE_VERSION.legacy1;
  const zstd = version === PACKAGE_VERSION.latest;
  const collectionName =
    version === PACKAGE_VERSION.latest
      ? 'collection.anki21b'
      : version === PACKAGE_VERSION.legacy2
        ? 'collection.anki21'
        : 'collection.anki2';

  const entry = listing.get(collectionName);
  if (!entry) throw new PackageError({ code: 'no-collection', files: [...listing.keys()].slice(0, 20) });
  const budget = new Budget(limits.maxUnpackedBytes);
  if (!zstd) {
    if (entry.originalSize > limits.maxCollectionBytes)
      throw new PackageError({
        code: 'collection-too-large',
        bytes: entry.originalSize,
        limit: limits.maxCollectionBytes
      });
    budget.take(entry.originalSize);
  }
  const stored = extract(bytes, [collectionName]).get(collectionName)!;
  const collection = zstd ? unzstd(stored, collectionName, budget, limits.maxCollectionBytes) : stored;

  const media = readMediaList(bytes, listing, zstd, budget);
  return {
    version,
    collectionName,
    collection,
    media,
    async readMedia(names) {
      const wanted = names.filter((n) => media.has(n));
      for (const name of wanted) {
        const file = media.get(name)!;
        if (!listing.has(file.member))
          throw new PackageError({ code: 'media-file-missing', name, member: file.member });
        budget.take(zstd ? file.size! : listing.get(file.member)!.originalSize);
      }
      const files = extract(
        bytes,
        wanted.map((n) => media.get(n)!.member)
      );
      const out = new Map<string, Uint8Array>();
      for (const name of wanted) {
        const file = media.get(name)!;
        const stored = files.get(file.member)!;
        out.set(name, zstd ? await unzstdMedia(name, file, stored, limits) : stored);
        if (!zstd) await check(name, file, stored);
      }
      return out;
    }
  };
}

/**
 * A current-format media file, unpacked straight into a buffer of the size its list records (the
 * stream decoder would allocate and shift a 2 MB window for every file) and checked by its SHA-1.
 * Only a file that fails is unpacked again the slow way, to say exactly what is wrong with it.
 */
async function unzstdMedia(
  name: string,
  file: MediaFile,
  stored: Uint8Array,
  limits: PackageLimits
): Promise<Uint8Array> {
  let data: Uint8Array | undefined;
  try {
    data = decompress(stored, new Uint8Array(file.size!));
  } catch {
    data = undefined;
  }
  if (data && hex(await sha1(data)) === hex(file.sha1!)) return data;
  const exact = unzstd(stored, name, new Budget(limits.maxUnpackedBytes));
  await check(name, file, exact);
  return exact;
}

function list(bytes: Uint8Array): Map<string, UnzipFileInfo> {
  const listing = new Map<string, UnzipFileInfo>();
  try {
    unzipSync(bytes, {
      filter(file) {
        listing.set(file.name, file);
        return false;
      }
    });
  } catch (e) {
    throw new PackageError({ code: 'damaged-zip', detail: message(e) });
  }
  return listing;
}

function extract(bytes: Uint8Array, names: string[]): Map<string, Uint8Array> {
  const wanted = new Set(names);
  try {
    return new Map(Object.entries(unzipSync(bytes, { filter: (file) => wanted.has(file.name) })));
  } catch (e) {
    throw new PackageError({ code: 'damaged-zip', detail: message(e) });
  }
}

/** Counts unpacked bytes against a limit: a small file must not unpack to gigabytes. */
class Budget {
  #used = 0;
  constructor(readonly limit: number) {}
  take(bytes: number): void {
    this.#used += bytes;
    if (this.#used > this.limit) throw new PackageError({ code: 'unpacks-too-large', limit: this.limit });
  }
}

/** Unpacks zstd data block by block, stopping as soon as it outgrows the budget (or `collectionLimit`). */
function unzstd(data: Uint8Array, name: string, budget: Budget, collectionLimit?: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const stream = new Decompress((chunk) => {
    total += chunk.length;
    if (collectionLimit !== undefined && total > collectionLimit)
      throw new PackageError({ code: 'collection-too-large', bytes: total, limit: collectionLimit });
    budget.take(chunk.length);
    chunks.push(chunk.slice());
  });
  try {
    stream.push(data, true);
  } catch (e) {
    if (e instanceof PackageError) throw e;
    const problem = name.startsWith('collection.')
      ? ({ code: 'damaged-collection', file: name, detail: `zstd: ${message(e)}` } as const)
      : name === 'media'
        ? ({ code: 'damaged-media-list', detail: `zstd: ${message(e)}` } as const)
        : ({ code: 'damaged-media', name, detail: `zstd: ${message(e)}` } as const);
    throw new PackageError(problem);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function readMediaList(
  bytes: Uint8Array,
  listing: Map<string, UnzipFileInfo>,
  zstd: boolean,
  budget: Budget
): Map<string, MediaFile> {
  const media = new Map<string, MediaFile>();
  // Older AnkiDroid versions wrote packages without a media list (media.rs).
  if (!listing.has('media')) return media;
  const raw = extract(bytes, ['media']).get('media')!;
  if (zstd) {
    const list = unzstd(raw, 'media', budget);
    let entries;
    try {
      entries = readMediaEntries(list);
    } catch (e) {
      throw new PackageError({ code: 'damaged-media-list', detail: message(e) });
    }
    entries.forEach((entry, i) => {
      if (entry.sha1.length !== 20)
        throw new PackageError({ code: 'damaged-media-list', detail: `entry ${i} has no SHA-1` });
      media.set(entry.name.normalize('NFC'), { member: String(i), size: entry.size, sha1: entry.sha1 });
    });
    return media;
  }
  let map: unknown;
  try {
    map = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch (e) {
    throw new PackageError({ code: 'damaged-media-list', detail: message(e) });
  }
  if (!map || typeof map !== 'object' || Array.isArray(map))
    throw new PackageError({ code: 'damaged-media-list', detail: 'not a JSON object' });
  for (const [member, name] of Object.entries(map)) {
    if (typeof name !== 'string' || !/^\d+$/.test(member))
      throw new PackageError({ code: 'damaged-media-list', detail: `entry "${member}"` });
    media.set(name.normalize('NFC'), { member });
  }
  return media;
}

async function check(name: string, file: MediaFile, data: Uint8Array): Promise<void> {
  if (file.size !== undefined && file.size !== data.length)
    throw new PackageError({
      code: 'media-mismatch',
      name,
      field: 'size',
      expected: String(file.size),
      actual: String(data.length)
    });
  if (file.sha1) {
    const actual = hex(await sha1(data));
    const expected = hex(file.sha1);
    if (actual !== expected) throw new PackageError({ code: 'media-mismatch', name, field: 'sha1', expected, actual });
  }
}

/** SHA-1 from Web Crypto, or from @noble/hashes where there is none (plain http on a local network). */
async function sha1(data: Uint8Array): Promise<Uint8Array> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return new Uint8Array(await subtle.digest('SHA-1', data as Uint8Array<ArrayBuffer>));
  const { sha1: pure } = await import('@noble/hashes/legacy.js');
  return pure(data);
}

export const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
