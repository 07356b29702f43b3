/**
 * Writes Anki packages the way Anki does, for test fixtures and the import benchmark. Written from
 * Anki's source (rslib/src/import_export/package/: meta.rs, media.rs, colpkg/export.rs;
 * rslib/src/storage/schema11.sql and upgrades/schema1[4578]_upgrade.sql; pylib exporting.py for the
 * legacy layout) without copying its code:
 *
 * - legacy 1: `collection.anki2` (schema 11), a JSON media map, media files named 0, 1, … (Anki 2.1
 *   wrote this for a collection on its first scheduler);
 * - legacy 2: the same with `collection.anki21`, plus a placeholder `collection.anki2`;
 * - latest: `meta` (PackageMetadata, version 3), `collection.anki21b` (schema 18, zstd), a
 *   placeholder `collection.anki2`, `media` (MediaEntries, zstd) and zstd-compressed media files.
 *
 * Compression uses the `zstd` command (Debian's package), as the app only ever decompresses.
 * Node only: it uses sql.js to write SQLite and node:crypto for Anki's checksums.
 */
import { BinaryWriter } from '@bufbuild/protobuf/wire';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { zipSync, type Zippable } from 'fflate';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';

export interface NoteTypeSpec {
  id: number;
  name: string;
  kind: 'normal' | 'cloze';
  fields: string[];
  templates: { name: string; qfmt: string; afmt: string }[];
  /** OriginalStockKind (schema 18 only): 6 is Image Occlusion. */
  stockKind?: number;
}

export interface DeckSpec {
  id: number;
  name: string;
  description?: string;
}

export interface CardSpec {
  id: number;
  did: number;
  ord: number;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  type?: number;
  /** -1 suspended, 0 new, 1 learning, 2 review. */
  queue?: number;
  due?: number;
  ivl?: number;
  factor?: number;
  reps?: number;
  lapses?: number;
  /** The deck it came from, while it sits in a filtered deck. */
  odid?: number;
}

export interface NoteSpec {
  id: number;
  guid: string;
  mid: number;
  tags?: string[];
  fields: string[];
  cards: CardSpec[];
}

export interface RevlogSpec {
  id: number;
  cid: number;
  ease: number;
  type: number;
  ivl?: number;
  lastIvl?: number;
  factor?: number;
  time?: number;
}

export interface CollectionSpec {
  noteTypes: NoteTypeSpec[];
  decks: DeckSpec[];
  notes: NoteSpec[];
  revlog?: RevlogSpec[];
  /** Scheduler version the collection records (1 or 2). */
  schedVer?: number;
  /** Overrides `col.ver`, for the unknown-schema fixture. */
  schemaVersion?: number;
}

export type PackageFormat = 'legacy1' | 'legacy2' | 'latest';

export interface PackageSpec {
  format: PackageFormat;
  collection: CollectionSpec;
  media?: { name: string; bytes: Uint8Array }[];
  /** Changes the media list after it is built, for the damaged-media fixtures. */
  tamperMedia?: (entries: { name: string; size: number; sha1: Uint8Array }[]) => void;
  /** Overrides the meta version, for the too-new fixture. */
  metaVersion?: number;
}

/** Fixed so that the same spec gives the same bytes. */
const MTIME = new Date('2024-01-01T00:00:00Z');
const CREATED = 1_700_000_000;

let sqlJs: Promise<SqlJsStatic> | undefined;

export async function writePackage(spec: PackageSpec): Promise<Uint8Array> {
  const SQL = await (sqlJs ??= initSqlJs());
  const latest = spec.format === 'latest';
  const collection = latest ? schema18(SQL, spec.collection) : schema11(SQL, spec.collection);
  const media = spec.media ?? [];
  const files: Zippable = {};
  const stored = (bytes: Uint8Array): [Uint8Array, { level: 0; mtime: Date }] => [bytes, { level: 0, mtime: MTIME }];
  const deflated = (bytes: Uint8Array): [Uint8Array, { level: 6; mtime: Date }] => [bytes, { level: 6, mtime: MTIME }];

  if (latest) {
    files.meta = stored(
      new BinaryWriter()
        .uint32((1 << 3) | 0)
        .int32(spec.metaVersion ?? 3)
        .finish()
    );
    files['collection.anki21b'] = stored(zstd(collection));
    files['collection.anki2'] = stored(placeholder(SQL));
    const entries = media.map((m) => ({ name: m.name.normalize('NFC'), size: m.bytes.length, sha1: sha1(m.bytes) }));
    spec.tamperMedia?.(entries);
    const list = new BinaryWriter();
    for (const e of entries) {
      list.uint32((1 << 3) | 2).fork();
      list.uint32((1 << 3) | 2).string(e.name);
      list.uint32((2 << 3) | 0).uint32(e.size);
      list.uint32((3 << 3) | 2).bytes(e.sha1);
      list.join();
    }
    files.media = stored(zstd(list.finish()));
    media.forEach((m, i) => (files[String(i)] = stored(zstd(m.bytes))));
  } else {
    if (spec.format === 'legacy2') files['collection.anki2'] = stored(placeholder(SQL));
    files[spec.format === 'legacy2' ? 'collection.anki21' : 'collection.anki2'] = deflated(collection);
    files.media = deflated(
      new TextEncoder().encode(
        JSON.stringify(Object.fromEntries(media.map((m, i) => [String(i), m.name.normalize('NFC')])))
      )
    );
    media.forEach((m, i) => (files[String(i)] = stored(m.bytes)));
  }
  return zipSync(files);
}

/** zstd at Anki's level (the library default, 3), by Debian's `zstd` command. */
export function zstd(bytes: Uint8Array): Uint8Array {
  try {
    return new Uint8Array(execFileSync('zstd', ['-3', '-q', '-c', '--no-check'], { input: bytes, maxBuffer: 1 << 30 }));
  } catch (e) {
    throw new Error(`the zstd command failed (apt-get install zstd): ${e instanceof Error ? e.message : e}`);
  }
}

function sha1(bytes: Uint8Array | string): Uint8Array {
  return new Uint8Array(createHash('sha1').update(bytes).digest());
}

/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the first field without HTML. */
function checksum(field: string): number {
  return parseInt(
    Buffer.from(sha1(stripHtml(field)))
      .toString('hex')
      .slice(0, 8),
    16
  );
}

function stripHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .trim();
}

const COLUMNS = {
  notes:
    'id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null, tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null',
  cards:
    'id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null, usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null, factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null, odid integer not null, flags integer not null, data text not null',
  revlog:
    'id integer primary key, cid integer not null, usn integer not null, ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null, time integer not null, type integer not null',
  col: 'id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null, dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null, decks text not null, dconf text not null, tags text not null'
};

function baseTables(db: Database): void {
  for (const [table, columns] of Object.entries(COLUMNS)) db.run(`create table ${table} (${columns})`);
  db.run('create index ix_notes_usn on notes (usn)');
  db.run('create index ix_cards_usn on cards (usn)');
  db.run('create index ix_revlog_usn on revlog (usn)');
  db.run('create index ix_cards_nid on cards (nid)');
  db.run('create index ix_cards_sched on cards (did, queue, due)');
  db.run('create index ix_revlog_cid on revlog (cid)');
  db.run('create index ix_notes_csum on notes (csum)');
}

function addNotesCardsRevlog(db: Database, spec: CollectionSpec): void {
  for (const note of spec.notes) {
    const sortField = stripHtml(note.fields[0] ?? '');
    db.run('insert into notes values (?,?,?,?,?,?,?,?,?,?,?)', [
      note.id,
      note.guid,
      note.mid,
      CREATED,
      -1,
      note.tags?.length ? ` ${note.tags.join(' ')} ` : '',
      note.fields.join('\x1f'),
      sortField,
      checksum(note.fields[0] ?? ''),
      0,
      ''
    ]);
    for (const card of note.cards)
      db.run('insert into cards values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)', [
        card.id,
        note.id,
        card.did,
        card.ord,
        CREATED,
        -1,
        card.type ?? 0,
        card.queue ?? 0,
        card.due ?? 1,
        card.ivl ?? 0,
        card.factor ?? 0,
        card.reps ?? 0,
        card.lapses ?? 0,
        0,
        0,
        card.odid ?? 0,
        0,
        '{}'
      ]);
  }
  for (const r of spec.revlog ?? [])
    db.run('insert into revlog values (?,?,?,?,?,?,?,?,?)', [
      r.id,
      r.cid,
      -1,
      r.ease,
      r.ivl ?? 0,
      r.lastIvl ?? 0,
      r.factor ?? 0,
      r.time ?? 5000,
      r.type
    ]);
}

/** Schema 11: note types, decks and config as JSON in the `col` row. */
function schema11(SQL: SqlJsStatic, spec: CollectionSpec): Uint8Array {
  const db = new SQL.Database();
  baseTables(db);
  db.run('create table graves (usn integer not null, oid integer not null, type integer not null)');
  const models = Object.fromEntries(
    spec.noteTypes.map((t) => [
      String(t.id),
      {
        id: t.id,
        name: t.name,
        type: t.kind === 'cloze' ? 1 : 0,
        mod: CREATED,
        usn: -1,
        sortf: 0,
        did: 1,
        flds: t.fields.map((name, ord) => ({ name, ord, sticky: false, rtl: false, font: 'Arial', size: 20 })),
        tmpls: t.templates.map((tm, ord) => ({ ...tm, ord, bqfmt: '', bafmt: '', did: null, bfont: '', bsize: 0 })),
        css: '.card { font-family: arial; }',
        latexPre: '',
        latexPost: '',
        req: t.templates.map((_, ord) => [ord, 'any', [0]]),
        tags: [],
        vers: []
      }
    ])
  );
  const decks = Object.fromEntries(
    spec.decks.map((d) => [
      String(d.id),
      { id: d.id, name: d.name, desc: d.description ?? '', dyn: 0, conf: 1, collapsed: false, mod: CREATED, usn: -1 }
    ])
  );
  const conf = { schedVer: spec.schedVer ?? 2, nextPos: 1, curDeck: 1 };
  db.run('insert into col values (1,?,?,?,?,0,0,0,?,?,?,?,?)', [
    CREATED,
    CREATED * 1000,
    CREATED * 1000,
    spec.schemaVersion ?? 11,
    JSON.stringify(conf),
    JSON.stringify(models),
    JSON.stringify(decks),
    JSON.stringify({ 1: { id: 1, name: 'Default' } }),
    '{}'
  ]);
  addNotesCardsRevlog(db, spec);
  return exportDb(db);
}

/** Schema 18: note types, fields, templates and decks in tables with protobuf configs. */
function schema18(SQL: SqlJsStatic, spec: CollectionSpec): Uint8Array {
  const db = new SQL.Database();
  baseTables(db);
  // sql.js has no `unicase` (Anki's own collation): the tables are made with NOCASE and their
  // recorded SQL then says unicase, as Anki's does, so readers meet the same schema text.
  db.run(
    'create table graves (oid integer not null, type integer not null, usn integer not null, primary key (oid, type)) without rowid'
  );
  db.run('create index idx_graves_pending on graves (usn)');
  db.run(
    'create table deck_config (id integer primary key not null, name text not null collate nocase, mtime_secs integer not null, usn integer not null, config blob not null)'
  );
  db.run(
    'create table config (key text not null primary key, usn integer not null, mtime_secs integer not null, val blob not null) without rowid'
  );
  db.run(
    'create table tags (tag text not null primary key collate nocase, usn integer not null, collapsed boolean not null, config blob null) without rowid'
  );
  db.run(
    'create table fields (ntid integer not null, ord integer not null, name text not null collate nocase, config blob not null, primary key (ntid, ord)) without rowid'
  );
  db.run('create unique index idx_fields_name_ntid on fields (name, ntid)');
  db.run(
    'create table templates (ntid integer not null, ord integer not null, name text not null collate nocase, mtime_secs integer not null, usn integer not null, config blob not null, primary key (ntid, ord)) without rowid'
  );
  db.run('create unique index idx_templates_name_ntid on templates (name, ntid)');
  db.run('create index idx_templates_usn on templates (usn)');
  db.run(
    'create table notetypes (id integer not null primary key, name text not null collate nocase, mtime_secs integer not null, usn integer not null, config blob not null)'
  );
  db.run('create unique index idx_notetypes_name on notetypes (name)');
  db.run('create index idx_notetypes_usn on notetypes (usn)');
  db.run(
    'create table decks (id integer primary key not null, name text not null collate nocase, mtime_secs integer not null, usn integer not null, common blob not null, kind blob not null)'
  );
  db.run('create unique index idx_decks_name on decks (name)');
  db.run('create index idx_notes_mid on notes (mid)');
  db.run('create index idx_cards_odid on cards (odid) where odid != 0');

  db.run("insert into col values (1,?,?,?,?,0,0,0,'','','','','')", [
    CREATED,
    CREATED * 1000,
    CREATED * 1000,
    spec.schemaVersion ?? 18
  ]);
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  db.run('insert into config values (?,?,?,?)', ['schedVer', -1, CREATED, json(spec.schedVer ?? 2)]);
  db.run('insert into config values (?,?,?,?)', ['sched2021', -1, CREATED, json(true)]);
  db.run('insert into deck_config values (1,?,?,?,?)', ['Default', CREATED, -1, new Uint8Array()]);
  for (const t of spec.noteTypes) {
    const config = new BinaryWriter();
    if (t.kind === 'cloze') config.uint32((1 << 3) | 0).int32(1);
    config.uint32((3 << 3) | 2).string('.card { font-family: arial; }');
    if (t.stockKind) config.uint32((9 << 3) | 0).int32(t.stockKind);
    db.run('insert into notetypes values (?,?,?,?,?)', [t.id, t.name, CREATED, -1, config.finish()]);
    t.fields.forEach((name, ord) => {
      const field = new BinaryWriter()
        .uint32((3 << 3) | 2)
        .string('Arial')
        .uint32((4 << 3) | 0)
        .uint32(20);
      db.run('insert into fields values (?,?,?,?)', [t.id, ord, name, field.finish()]);
    });
    t.templates.forEach((tm, ord) => {
      const template = new BinaryWriter()
        .uint32((1 << 3) | 2)
        .string(tm.qfmt)
        .uint32((2 << 3) | 2)
        .string(tm.afmt);
      db.run('insert into templates values (?,?,?,?,?,?)', [t.id, ord, tm.name, CREATED, -1, template.finish()]);
    });
  }
  for (const d of spec.decks) {
    const normal = new BinaryWriter().uint32((1 << 3) | 0).int64(1);
    if (d.description) normal.uint32((4 << 3) | 2).string(d.description);
    const kind = new BinaryWriter()
      .uint32((1 << 3) | 2)
      .bytes(normal.finish())
      .finish();
    db.run('insert into decks values (?,?,?,?,?,?)', [
      d.id,
      d.name.replaceAll('::', '\x1f'),
      CREATED,
      -1,
      new Uint8Array(),
      kind
    ]);
  }
  addNotesCardsRevlog(db, spec);
  return exportDb(db, () => {
    db.run('pragma writable_schema = on');
    db.run("update sqlite_master set sql = replace(sql, 'collate nocase', 'COLLATE unicase') where type = 'table'");
    db.run('pragma writable_schema = off');
  });
}

/** The collection Anki puts in current packages so that old versions say to update. */
function placeholder(SQL: SqlJsStatic): Uint8Array {
  return schema11(SQL, {
    noteTypes: [
      {
        id: 1,
        name: 'Basic',
        kind: 'normal',
        fields: ['Front', 'Back'],
        templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}' }]
      }
    ],
    decks: [{ id: 1, name: 'Default' }],
    notes: [
      {
        id: 1,
        guid: 'placeholder',
        mid: 1,
        fields: ['Please update to the latest Anki version, then import the .colpkg/.apkg file again.', ''],
        cards: [{ id: 1, did: 1, ord: 0 }]
      }
    ]
  });
}

function exportDb(db: Database, last?: () => void): Uint8Array {
  db.run('vacuum');
  last?.();
  const bytes = db.export();
  db.close();
  return bytes;
}
