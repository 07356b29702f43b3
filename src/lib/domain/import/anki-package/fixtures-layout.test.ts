/**
 * The fixtures written by tools/make-anki-fixtures.ts hold to the layout Anki documents in its
 * source (rslib/src/import_export/package/, rslib/src/storage/schema11.sql and upgrades/), and the
 * legacy checks hold for the packages Anki itself wrote too, so the tool is checked against Anki.
 */
import { readFileSync } from 'node:fs';
import { BinaryReader } from '@bufbuild/protobuf/wire';
import { unzipSync } from 'fflate';
import { decompress } from 'fzstd';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { readMediaEntries } from './protobuf';

let SQL: SqlJsStatic;
beforeAll(async () => {
  SQL = await initSqlJs();
});

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/anki/${name}`));

/** Columns of each table, in order, as Anki's SQL creates them. */
const SCHEMA_11 = {
  col: 'id crt mod scm ver dty usn ls conf models decks dconf tags',
  notes: 'id guid mid mod usn tags flds sfld csum flags data',
  cards: 'id nid did ord mod usn type queue due ivl factor reps lapses left odue odid flags data',
  revlog: 'id cid usn ease ivl lastIvl factor time type',
  graves: 'usn oid type'
};
const SCHEMA_18 = {
  ...SCHEMA_11,
  graves: 'oid type usn',
  deck_config: 'id name mtime_secs usn config',
  config: 'key usn mtime_secs val',
  tags: 'tag usn collapsed config',
  fields: 'ntid ord name config',
  templates: 'ntid ord name mtime_secs usn config',
  notetypes: 'id name mtime_secs usn config',
  decks: 'id name mtime_secs usn common kind'
};
/** Name columns Anki declares with its own collation. */
const UNICASE = ['deck_config', 'tags', 'fields', 'templates', 'notetypes', 'decks'];

/** Members with their compression method (0 stored, 8 deflated), from the zip's directory. */
function members(bytes: Uint8Array): Map<string, number> {
  const out = new Map<string, number>();
  unzipSync(bytes, {
    filter: (f) => {
      out.set(f.name, f.compression);
      return false;
    }
  });
  return out;
}

function tables(db: Uint8Array): { version: number; columns: Record<string, string>; sql: Record<string, string> } {
  const database = new SQL.Database(db);
  const sql: Record<string, string> = {};
  const columns: Record<string, string> = {};
  // sqlite_stat1 is SQLite's own (ANALYZE), present in some of Anki's files.
  const query = "select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%'";
  for (const [name, text] of database.exec(query)[0].values) {
    sql[String(name)] = String(text);
    columns[String(name)] = database
      .exec(`pragma table_info(${String(name)})`)[0]
      .values.map((c) => String(c[1]).toLowerCase())
      .join(' ');
  }
  const version = Number(database.exec('select ver from col')[0].values[0][0]);
  database.close();
  return { version, columns, sql };
}

const lower = (schema: Record<string, string>) =>
  Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, v.toLowerCase()]));

describe.each(['current.apkg', 'current.colpkg'])(
  '%s: the current layout (meta.rs, media.rs, colpkg/export.rs)',
  (name) => {
    const bytes = fixture(name);
    const files = unzipSync(bytes);

    it('holds meta, the zstd collection, the placeholder, the media list and numbered files, all stored', () => {
      const list = members(bytes);
      const media = readMediaEntries(decompress(files.media));
      expect([...list.keys()].sort()).toEqual(
        ['meta', 'collection.anki21b', 'collection.anki2', 'media', ...media.map((_, i) => String(i))].sort()
      );
      expect([...list.values()].every((method) => method === 0)).toBe(true);
    });

    it('says version 3 (VERSION_LATEST) in meta', () => {
      const reader = new BinaryReader(files.meta);
      expect(reader.tag()).toEqual([1, 0]);
      expect(reader.int32()).toBe(3);
      expect(reader.pos).toBe(reader.len);
    });

    it('compresses a schema 18 collection with zstd, name columns in the unicase collation', () => {
      expect([...files['collection.anki21b'].slice(0, 4)]).toEqual([0x28, 0xb5, 0x2f, 0xfd]);
      const { version, columns, sql } = tables(decompress(files['collection.anki21b']));
      expect(version).toBe(18);
      expect(columns).toEqual(lower(SCHEMA_18));
      for (const table of UNICASE) expect(sql[table]).toMatch(/ COLLATE unicase/);
    });

    it('carries a schema 11 placeholder collection for older Anki versions', () => {
      expect(new TextDecoder().decode(files['collection.anki2'].slice(0, 15))).toBe('SQLite format 3');
      expect(tables(files['collection.anki2']).version).toBe(11);
    });

    it('lists each media file with the size and SHA-1 of its zstd-compressed member', () => {
      const media = readMediaEntries(decompress(files.media));
      expect(media.map((m) => m.name)).toEqual(['bonjour.wav', 'flag fr.png', '_addon.dat']);
      media.forEach((entry, i) => {
        const data = decompress(files[String(i)]);
        expect(data.length).toBe(entry.size);
        expect(Buffer.from(entry.sha1).toString('hex')).toBe(createHash('sha1').update(data).digest('hex'));
      });
    });
  }
);

describe.each([
  ['legacy-anki21.apkg', 'collection.anki21'],
  ['legacy-anki2-first-scheduler.apkg', 'collection.anki2'],
  // Written by Anki itself:
  ['anki-media.apkg', 'collection.anki2'],
  ['anki-update1.apkg', 'collection.anki2'],
  ['anki-diffmodels2-1.apkg', 'collection.anki2'],
  ['anki-diffmodeltemplates-1.apkg', 'collection.anki2']
])('%s: the legacy layout (exporting.py, schema11.sql)', (name, collection) => {
  const bytes = fixture(name);
  const files = unzipSync(bytes);

  it('holds a deflated schema 11 collection and a JSON media map of numbered files', () => {
    const list = members(bytes);
    const map = JSON.parse(new TextDecoder().decode(files.media)) as Record<string, string>;
    // Anki 2.1 stores media files; Anki 2.0 deflated them.
    expect(Object.keys(map).every((k) => /^\d+$/.test(k) && [0, 8].includes(list.get(k)!))).toBe(true);
    const expected = [collection, 'media', ...Object.keys(map)];
    // A package from Anki's later scheduler also has a placeholder collection.anki2.
    if (collection === 'collection.anki21') expected.push('collection.anki2');
    expect([...list.keys()].sort()).toEqual(expected.sort());
    expect(list.get(collection)).toBe(8);
    const { version, columns } = tables(files[collection]);
    expect(version).toBe(11);
    expect(columns).toEqual(lower(SCHEMA_11));
  });
});
