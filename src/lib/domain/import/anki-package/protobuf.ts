/**
 * The few protobuf messages a package holds, read field by field with @bufbuild/protobuf's wire
 * reader (proto/anki/import_export.proto, notetypes.proto and decks.proto in Anki's source). Unknown
 * fields are skipped, as protobuf readers do, so newer Anki versions that add fields still read.
 */
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';

type FieldHandler = (reader: BinaryReader, wireType: WireType) => void;

function readMessage(bytes: Uint8Array, handlers: Record<number, FieldHandler>): void {
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wireType] = reader.tag();
    const handler = handlers[field];
    if (handler) handler(reader, wireType);
    else reader.skip(wireType, field);
  }
}

/** PackageMetadata.version: 1 and 2 legacy, 3 the current format; 0 or anything else unknown. */
export function readMetaVersion(bytes: Uint8Array): number {
  let version = 0;
  readMessage(bytes, { 1: (r) => (version = r.int32()) });
  return version;
}

export interface MediaEntry {
  name: string;
  size: number;
  sha1: Uint8Array;
}

/** MediaEntries: the current format's media list; the file for entry n is the zip member "n". */
export function readMediaEntries(bytes: Uint8Array): MediaEntry[] {
  const entries: MediaEntry[] = [];
  readMessage(bytes, {
    1: (r) => {
      const entry: MediaEntry = { name: '', size: 0, sha1: new Uint8Array() };
      readMessage(r.bytes(), {
        1: (e) => (entry.name = e.string()),
        2: (e) => (entry.size = e.uint32()),
        3: (e) => (entry.sha1 = e.bytes())
      });
      entries.push(entry);
    }
  });
  return entries;
}

/** Notetype.Config: kind (1 cloze) and original stock kind. */
export function readNoteTypeConfig(bytes: Uint8Array): { kind: number; stockKind: number } {
  const config = { kind: 0, stockKind: 0 };
  readMessage(bytes, { 1: (r) => (config.kind = r.int32()), 9: (r) => (config.stockKind = r.int32()) });
  return config;
}

/** Notetype.Template.Config: question and answer format. */
export function readTemplateConfig(bytes: Uint8Array): { qfmt: string; afmt: string } {
  const config = { qfmt: '', afmt: '' };
  readMessage(bytes, { 1: (r) => (config.qfmt = r.string()), 2: (r) => (config.afmt = r.string()) });
  return config;
}

/** Deck.KindContainer: a normal deck's description; filtered decks have none. */
export function readDeckDescription(bytes: Uint8Array): string {
  let description = '';
  readMessage(bytes, { 1: (r) => readMessage(r.bytes(), { 4: (n) => (description = n.string()) }) });
  return description;
}
