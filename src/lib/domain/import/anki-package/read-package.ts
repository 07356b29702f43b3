/**
 * Reads an Anki package (.apkg, .colpkg) into decks, the media their cards show and Anki's review
 * history, writing nothing: the caller shows it and saves it once the learner confirms. It never
 * throws; whatever stops the import is a typed problem in the result.
 */
import { deckSchema } from '../../deck.schema';
import { mediaAddress, mediaHashesIn, mediaTypeOf } from '../../media';
import { sha256Hex } from '../../sha256';
import type { FieldMedia } from '../anki-field-html';
import { IMPORT_LIMITS } from '../import-types';
import type { AnkiCollection, SqliteDatabase } from './collection-types';
import { openContainer, PACKAGE_LIMITS, PACKAGE_VERSION, type PackageContainer } from './container';
import { readHistory } from './history';
import { buildDecks, mediaOf, readNotes } from './notes-to-cards';
import { PackageError, type PackageProblem, type PackageWarning } from './package-problems';
import type { PackageDeck, PackageInput, PackageMedia, PackageResult } from './package-types';
import { CURRENT_SCHEMA, LEGACY_SCHEMA, readCollection, schemaVersion } from './read-collection';

export async function readAnkiPackage(input: PackageInput): Promise<PackageResult> {
  try {
    return await read(input);
  } catch (e) {
    const problem: PackageProblem =
      e instanceof PackageError
        ? e.problem
        : { code: 'unexpected', detail: e instanceof Error ? e.message : String(e) };
    return { decks: [], media: [], noteTypes: [], problems: [problem], warnings: [] };
  }
}

async function read(input: PackageInput): Promise<PackageResult> {
  const progress = input.onProgress ?? (() => {});
  const limits = { ...PACKAGE_LIMITS, ...input.limits };
  const size = input.bytes.length;
  if (size > limits.maxPackageBytes)
    throw new PackageError({ code: 'package-too-large', bytes: size, limit: limits.maxPackageBytes });

  const container = openContainer(input.bytes, limits);
  progress(0.15);
  const collection = loadCollection(container, input);
  const current = container.version === PACKAGE_VERSION.latest;
  progress(0.35);

  const notes = readNotes(collection);
  const warnings: PackageWarning[] = [...notes.warnings];
  if (notes.droppedFormatting) warnings.push({ code: 'formatting-dropped', notes: notes.droppedFormatting });
  progress(0.5);

  const media = await loadMedia(container, notes.pending.flatMap(mediaOf), warnings, progress);
  const address = (m: FieldMedia) =>
    /^https:/i.test(m.name) ? (m.kind === 'image' ? m.name : undefined) : media.addresses.get(nameKey(m.name));
  const built = buildDecks(
    notes.pending,
    address,
    {
      fileName: input.fileName,
      naming: input.naming,
      language: input.language,
      defaultDeck: notes.defaultDeck,
      descriptions: new Map(collection.decks.map((d) => [d.name, d.description]))
    },
    warnings
  );
  if (!built.length) {
    const problems: PackageProblem[] = [{ code: 'no-cards', notes: collection.notes.length }];
    return { decks: [], media: [], noteTypes: notes.noteTypes, problems, warnings };
  }

  const items = new Map<number, { deckId: string; ids: string[] }>();
  for (const b of built) for (const [ankiId, ids] of b.items) items.set(ankiId, { deckId: b.deck.id, ids });
  const history = readHistory(collection.revlog, items, {
    // A legacy package without collection.anki21 came from Anki's first scheduler (exporting.py in
    // Anki 2.1); a whole collection records its scheduler itself.
    firstScheduler: container.version === PACKAGE_VERSION.legacy1 || (current && collection.schedulerVersion === 1)
  });
  if (history.warning) warnings.push(history.warning);

  const problems: PackageProblem[] = [];
  const decks: PackageDeck[] = built.map((b) => {
    if (b.deck.cards.length > IMPORT_LIMITS.maxCards)
      problems.push({
        code: 'too-many-cards',
        deck: b.deck.title,
        cards: b.deck.cards.length,
        limit: IMPORT_LIMITS.maxCards
      });
    const checked = deckSchema.safeParse(b.deck);
    if (!checked.success)
      problems.push({
        code: 'unexpected',
        detail: `${b.deck.title}: ${checked.error.issues[0]?.path.join('.')} ${checked.error.issues[0]?.message}`
      });
    const shown = new Set(mediaHashesIn(JSON.stringify(b.deck.cards)));
    return {
      deck: checked.success ? checked.data : b.deck,
      ankiDecks: b.ankiDecks,
      reviews: history.reviews.get(b.deck.id) ?? [],
      suspended: b.suspended,
      media: media.files.filter((f) => shown.has(f.hash)).map((f) => f.hash)
    };
  });
  progress(1);
  if (problems.length) return { decks: [], media: [], noteTypes: notes.noteTypes, problems, warnings };
  const usedMedia = new Set(decks.flatMap((d) => d.media));
  return {
    container: current ? 'current' : 'legacy',
    decks,
    media: media.files.filter((f) => usedMedia.has(f.hash)),
    noteTypes: notes.noteTypes,
    problems: [],
    warnings
  };
}

function loadCollection(container: PackageContainer, input: PackageInput): AnkiCollection {
  const file = container.collectionName;
  let db: SqliteDatabase;
  try {
    db = input.openSqlite(container.collection);
  } catch (e) {
    throw new PackageError({ code: 'damaged-collection', file, detail: e instanceof Error ? e.message : String(e) });
  }
  try {
    let version: number;
    try {
      version = schemaVersion(db);
    } catch (e) {
      throw new PackageError({ code: 'damaged-collection', file, detail: e instanceof Error ? e.message : String(e) });
    }
    const expected = container.version === PACKAGE_VERSION.latest ? CURRENT_SCHEMA : LEGACY_SCHEMA;
    if (version !== expected) throw new PackageError({ code: 'unknown-schema', version, file });
    try {
      return readCollection(db, version);
    } catch (e) {
      throw new PackageError({ code: 'damaged-collection', file, detail: e instanceof Error ? e.message : String(e) });
    }
  } finally {
    db.close();
  }
}

/** Media names as Anki stores them: NFC, as written in the field or with its %-escapes decoded. */
function nameKey(name: string): string {
  return name.normalize('NFC');
}

async function loadMedia(
  container: PackageContainer,
  used: FieldMedia[],
  warnings: PackageWarning[],
  progress: (fraction: number) => void
): Promise<{ files: PackageMedia[]; addresses: Map<string, string> }> {
  const missing = new Set<string>();
  const unsupported = new Set<string>();
  const wanted = new Map<string, string>(); // name in a field -> name in the package
  for (const m of used) {
    if (/^https:/i.test(m.name)) continue;
    const key = nameKey(m.name);
    if (wanted.has(key) || missing.has(key) || unsupported.has(key)) continue;
    const found = [key, decodeName(key)].find((n) => n !== undefined && container.media.has(n));
    if (found === undefined) missing.add(key);
    else if (!mediaTypeOf(found)) unsupported.add(key);
    else wanted.set(key, found);
  }
  if (missing.size) warnings.push({ code: 'media-missing', names: [...missing].slice(0, 5), count: missing.size });
  if (unsupported.size)
    warnings.push({ code: 'media-unsupported', names: [...unsupported].slice(0, 5), count: unsupported.size });

  const packageNames = [...new Set(wanted.values())];
  const bytes = await container.readMedia(packageNames);
  const byHash = new Map<string, PackageMedia>();
  const addressOf = new Map<string, string>();
  let done = 0;
  for (const name of packageNames) {
    const data = bytes.get(name)!;
    const type = mediaTypeOf(name)!;
    const hash = await sha256Hex(data as Uint8Array<ArrayBuffer>);
    const file = byHash.get(hash);
    if (file) file.names.push(name);
    else byHash.set(hash, { hash, names: [name], mime: type.mime, kind: type.kind, ext: type.ext, bytes: data });
    addressOf.set(name, mediaAddress(hash, byHash.get(hash)!.ext));
    progress(0.5 + (0.4 * ++done) / packageNames.length);
  }
  const addresses = new Map<string, string>();
  for (const [key, name] of wanted) addresses.set(key, addressOf.get(name)!);
  return { files: [...byHash.values()], addresses };
}

function decodeName(name: string): string | undefined {
  try {
    return decodeURIComponent(name).normalize('NFC');
  } catch {
    return undefined;
  }
}
