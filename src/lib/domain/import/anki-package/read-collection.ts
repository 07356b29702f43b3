/**
 * Reads an Anki collection's SQLite database, schema 11 (note types and decks as JSON in the `col`
 * table: rslib/src/storage/schema11.sql) or schema 18 (`notetypes`, `fields`, `templates` and
 * `decks` tables with protobuf configs: rslib/src/storage/upgrades/schema15_upgrade.sql).
 */
import type { AnkiCollection, AnkiDeck, AnkiNoteType, SqliteDatabase } from './collection-types';
import { readDeckDescription, readNoteTypeConfig, readTemplateConfig } from './protobuf';

/** Schema versions this reader understands, by the package version that carries them. */
export const LEGACY_SCHEMA = 11;
export const CURRENT_SCHEMA = 18;

/** Thrown for a collection whose tables or JSON do not have the shape Anki writes. */
export class CollectionShapeError extends Error {
  override name = 'CollectionShapeError';
}

/** `ver` from the `col` table. */
export function schemaVersion(db: SqliteDatabase): number {
  const version = db.rows('select ver from col')[0]?.[0];
  if (typeof version !== 'number') throw new CollectionShapeError('the col table has no version');
  return version;
}

export function readCollection(db: SqliteDatabase, schema: number): AnkiCollection {
  if (schema !== LEGACY_SCHEMA) withoutUnicase(db);
  const [conf, models, decks] = (db.rows('select conf, models, decks from col')[0] ?? []) as unknown[];
  const legacy = schema === LEGACY_SCHEMA;
  return {
    schema,
    schedulerVersion: legacy ? legacySchedulerVersion(conf) : configSchedulerVersion(db),
    noteTypes: legacy ? legacyNoteTypes(models) : noteTypes(db),
    decks: legacy ? legacyDecks(decks) : deckRows(db),
    notes: db.rows('select id, guid, mid, tags, flds from notes order by id').map((r) => ({
      id: num(r[0]),
      guid: String(r[1]),
      noteTypeId: num(r[2]),
      tags: String(r[3]).split(/\s+/).filter(Boolean),
      fields: String(r[4]).split('\x1f')
    })),
    cards: db
      .rows('select id, nid, case when odid != 0 then odid else did end, ord, queue from cards order by id')
      .map((r) => ({ id: num(r[0]), noteId: num(r[1]), deckId: num(r[2]), ord: num(r[3]), queue: num(r[4]) })),
    revlog: db.rows('select id, cid, ease, type, factor, time from revlog order by id').map((r) => ({
      id: num(r[0]),
      cardId: num(r[1]),
      ease: num(r[2]),
      type: num(r[3]),
      factor: num(r[4]),
      time: num(r[5])
    }))
  };
}

/**
 * Schema 18 declares name columns `COLLATE unicase`, Anki's own collation, which no other SQLite
 * has: SQLite then refuses to read the WITHOUT ROWID `fields` and `templates` tables at all. The
 * engine holds its own copy of the file, so the schema text is changed there to NOCASE and reloaded
 * (`writable_schema = reset`); no query here compares names, so the order of names never matters.
 */
function withoutUnicase(db: SqliteDatabase): void {
  db.rows('pragma writable_schema = on');
  db.rows(
    "update sqlite_master set sql = replace(sql, 'COLLATE unicase', 'COLLATE NOCASE') where sql like '%unicase%'"
  );
  db.rows('pragma writable_schema = reset');
}

const num = (value: unknown): number => (typeof value === 'number' ? value : Number(value));

function json(text: unknown, what: string): unknown {
  try {
    return JSON.parse(typeof text === 'string' ? text : new TextDecoder().decode(text as Uint8Array));
  } catch {
    throw new CollectionShapeError(`${what} is not valid JSON`);
  }
}

function objectValues(value: unknown, what: string): Record<string, unknown>[] {
  if (!value || typeof value !== 'object') throw new CollectionShapeError(`${what} is not an object`);
  return Object.values(value).filter((v): v is Record<string, unknown> => !!v && typeof v === 'object');
}

const byOrd = (a: { ord?: unknown }, b: { ord?: unknown }) => num(a.ord) - num(b.ord);

function legacyNoteTypes(models: unknown): AnkiNoteType[] {
  return objectValues(json(models, 'the note types'), 'the note types').map((m) => ({
    id: num(m.id),
    name: String(m.name ?? ''),
    kind: m.type === 1 ? 'cloze' : 'normal',
    fields: (Array.isArray(m.flds) ? [...m.flds] : []).sort(byOrd).map((f) => String(f?.name ?? '')),
    templates: (Array.isArray(m.tmpls) ? [...m.tmpls] : [])
      .sort(byOrd)
      .map((t) => ({ name: String(t?.name ?? ''), qfmt: String(t?.qfmt ?? ''), afmt: String(t?.afmt ?? '') }))
  }));
}

function legacyDecks(decks: unknown): AnkiDeck[] {
  return objectValues(json(decks, 'the decks'), 'the decks').map((d) => ({
    id: num(d.id),
    name: String(d.name ?? ''),
    description: typeof d.desc === 'string' ? d.desc : ''
  }));
}

/** Schema 11 keeps the scheduler version in the collection's config JSON; absent means version 1. */
function legacySchedulerVersion(conf: unknown): number {
  const config = conf ? json(conf, 'the collection config') : {};
  const version = (config as Record<string, unknown>)?.schedVer;
  return typeof version === 'number' ? version : 1;
}

function configSchedulerVersion(db: SqliteDatabase): number {
  for (const [key, value] of db.rows('select key, val from config'))
    if (key === 'schedVer') {
      const version = json(value, 'the scheduler version');
      return typeof version === 'number' ? version : 1;
    }
  return 1;
}

function noteTypes(db: SqliteDatabase): AnkiNoteType[] {
  const fields = new Map<number, string[]>();
  for (const [ntid, , name] of db.rows('select ntid, ord, name from fields order by ntid, ord'))
    (fields.get(num(ntid)) ?? fields.set(num(ntid), []).get(num(ntid))!).push(String(name));
  const templates = new Map<number, AnkiNoteType['templates']>();
  for (const [ntid, , name, config] of db.rows('select ntid, ord, name, config from templates order by ntid, ord'))
    (templates.get(num(ntid)) ?? templates.set(num(ntid), []).get(num(ntid))!).push({
      name: String(name),
      ...readTemplateConfig(blob(config))
    });
  return db.rows('select id, name, config from notetypes').map(([id, name, config]) => {
    const { kind, stockKind } = readNoteTypeConfig(blob(config));
    return {
      id: num(id),
      name: String(name),
      kind: kind === 1 ? 'cloze' : 'normal',
      fields: fields.get(num(id)) ?? [],
      templates: templates.get(num(id)) ?? [],
      stockKind
    };
  });
}

/** Schema 18 writes deck names with \x1f between levels (rslib/src/decks/name.rs). */
function deckRows(db: SqliteDatabase): AnkiDeck[] {
  return db.rows('select id, name, kind from decks').map(([id, name, kind]) => ({
    id: num(id),
    name: String(name).replaceAll('\x1f', '::'),
    description: readDeckDescription(blob(kind))
  }));
}

function blob(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return new TextEncoder().encode(value);
  return new Uint8Array();
}
