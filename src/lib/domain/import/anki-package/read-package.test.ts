import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../deck.schema';
import { mediaHashesIn, parseMediaAddress } from '../../media';
import { readAnkiPackage, sqlJsOpener, type OpenSqlite, type PackageInput, type PackageResult } from './index';

let openSqlite: OpenSqlite;
beforeAll(async () => {
  openSqlite = sqlJsOpener(await initSqlJs());
});

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/anki/${name}`));
const read = (name: string, more: Partial<PackageInput> = {}) =>
  readAnkiPackage({ bytes: fixture(name), fileName: name, openSqlite, ...more });
const codes = (result: PackageResult) => result.problems.map((p) => p.code);
const card = (result: PackageResult, deck: string, shows: string): Card => {
  const found = result.decks
    .find((d) => d.deck.title === deck)
    ?.deck.cards.find((c) => ('front' in c ? c.front : c.text).includes(shows));
  if (!found) throw new Error(`no card showing "${shows}" in ${deck}`);
  return found;
};

describe('packages written by Anki itself (pylib/tests/support)', () => {
  it('reads a legacy package with a note in a named deck', async () => {
    const result = await read('anki-diffmodeltemplates-1.apkg');
    expect(result.problems).toEqual([]);
    expect(result.container).toBe('legacy');
    expect(result.decks.map((d) => [d.deck.title, d.deck.cards])).toEqual([
      [
        'testdeck',
        [{ id: expect.stringMatching(/^anki-[0-9a-f]{12}$/), type: 'basic', front: 'question?', back: 'answer!' }]
      ]
    ]);
    // The package carries two add-on files no card shows: none is imported.
    expect(result.media).toEqual([]);
  });

  it('titles a deck in Anki’s default deck after the file', async () => {
    const result = await read('anki-update1.apkg');
    expect(result.decks.map((d) => d.deck.title)).toEqual(['Anki update1']);
    expect(result.decks[0].deck.cards).toMatchObject([{ type: 'basic', front: 'hello', back: 'world' }]);
  });

  it('says why nothing can be imported when every note is left out', async () => {
    // media.apkg holds one note: a sound on the front and nothing on the back.
    const result = await read('anki-media.apkg');
    expect(result.problems).toEqual([{ code: 'no-cards', notes: 1 }]);
    expect(result.warnings).toEqual([{ code: 'empty-notes-skipped', notes: 1, example: '[sound:foo.wav]' }]);
  });
});

describe.each(['legacy-anki21.apkg', 'current.apkg', 'current.colpkg'])('%s (tools/make-anki-fixtures.ts)', (name) => {
  let result: PackageResult;
  beforeAll(async () => {
    result = await read(name);
  });

  it('reads every deck, with Anki’s deck names as titles and subdecks as tags', () => {
    expect(result.problems).toEqual([]);
    const titles = result.decks.map((d) => d.deck.title);
    expect(titles.slice(0, 2)).toEqual(['Languages::French', 'Geography']);
    // A whole collection also has notes in Anki's default deck, titled after the file.
    if (name.endsWith('.colpkg')) expect(titles[2]).toBe('Current');
    const french = result.decks[0];
    expect(french.deck.id).toBe('languages-french');
    expect(french.deck.description).toBe('French for beginners.');
    expect(french.ankiDecks).toEqual(['Languages::French', 'Languages::French::Verbs']);
    expect(card(result, 'Languages::French', 'parler').tags).toEqual([
      'verb',
      'french::regular',
      'Languages::French::Verbs'
    ]);
  });

  it('maps each note type to a card type by its structure', () => {
    const deck = 'Languages::French';
    expect(card(result, deck, 'le chat')).toMatchObject({ type: 'reverse', back: 'the cat' });
    expect(card(result, deck, 'le chien')).toMatchObject({ type: 'reverse', back: 'the dog' });
    // "Add Reverse" left empty: Anki made no second card.
    expect(card(result, deck, 'la maison')).toMatchObject({ type: 'basic', back: 'the house' });
    expect(card(result, deck, 'to be')).toMatchObject({ type: 'typed', answer: 'être' });
    expect(card(result, deck, 'Paris')).toEqual({
      id: expect.any(String),
      type: 'cloze',
      text: '{{Paris}} is the capital of {{France::country}}\n- it lies on the {{Seine}}\n- 2 \\* 3 = 6',
      explanation: 'Back ++extra++'
    });
    expect(card(result, deck, 'der Hund')).toMatchObject({ type: 'basic', back: 'the dog' });
    expect(card(result, deck, 'chanter')).toMatchObject({ type: 'basic', back: 'to sing' });
    const types = Object.fromEntries(result.noteTypes.map((t) => [t.name, t.to]));
    expect(types).toMatchObject({
      Basic: 'basic',
      'Basic (and reversed card)': 'reverse',
      'Basic (optional reversed card)': 'optional-reverse',
      'Basic (type in the answer)': 'typed',
      Cloze: 'cloze',
      Einfach: 'basic',
      'Vocabulary (with example)': 'first-two'
    });
    expect(result.warnings).toContainEqual({
      code: 'first-two-fields',
      noteType: 'Vocabulary (with example)',
      notes: 1,
      front: 'Word',
      back: 'Meaning'
    });
    expect(result.warnings).toContainEqual({ code: 'cloze-grouped', notes: 1 });
    expect(result.warnings).toContainEqual({ code: 'cloze-nested', notes: 1 });
    if (name.startsWith('current'))
      expect(result.warnings).toContainEqual({
        code: 'image-occlusion-skipped',
        noteType: 'Image Occlusion',
        notes: 1
      });
  });

  it('keeps formatting, and turns images and sounds into references to stored media', () => {
    const deck = 'Languages::French';
    const bonjour = card(result, deck, 'bonjour') as Card & { front: string; back: string };
    expect(bonjour.front).toMatch(/^\*\*bonjour\*\* !\[\]\(media:[0-9a-f]{64}\.wav\)$/);
    expect(bonjour.back).toBe('hello\n*informal:* ++salut++');
    const flag = card(result, deck, 'flag') as Card & { front: string };
    expect(flag.front).toMatch(/^!\[A blue, white and red flag\]\(media:[0-9a-f]{64}\.png\)$/);

    expect(result.media.map((m) => [m.names, m.mime, m.kind, m.bytes.length])).toEqual([
      [['bonjour.wav'], 'audio/wav', 'audio', 4044],
      [['flag fr.png'], 'image/png', 'image', expect.any(Number)]
    ]);
    // Content-addressed: the hash in each reference is the SHA-256 of the file it names.
    for (const file of result.media) expect(mediaHashesIn(JSON.stringify(result.decks))).toContain(file.hash);
    expect(parseMediaAddress(`media:${result.media[1].hash}.png`)).toEqual({
      hash: result.media[1].hash,
      ext: 'png',
      kind: 'image'
    });
    // Both decks show the flag; it is stored once.
    expect(result.decks[0].media).toContain(result.media[1].hash);
    expect(result.decks[1].media).toEqual([result.media[1].hash]);

    expect(card(result, deck, 'What is this')).toMatchObject({ front: 'What is this?' });
    expect(result.warnings).toContainEqual({ code: 'media-missing', names: ['missing.png'], count: 1 });
    expect(card(result, deck, 'remote')).toMatchObject({ front: '![remote map](https://example.org/map.png)' });
    expect(result.warnings).toContainEqual({ code: 'empty-notes-skipped', notes: 1, example: 'lonely front' });
  });

  it('maps Anki’s review history to study items, leaving out what is not an answer', () => {
    const french = result.decks[0];
    const chat = card(result, 'Languages::French', 'le chat').id;
    const cloze = card(result, 'Languages::French', 'Paris').id;
    const ratings = (item: string) => french.reviews.filter((r) => r.cardId === item).map((r) => r.rating);
    // Set due date, cramming without rescheduling: left out; an early review that rescheduled: kept.
    expect(ratings(chat)).toEqual([3, 3, 3, 1, 3, 4, 3]);
    // Reset ("Forget") starts the card over: only what came after it.
    expect(ratings(`${chat}#reverse`)).toEqual([2]);
    // c1 hides two deletions (text order 1 and 3): both get its history; c2 has none.
    expect(ratings(`${cloze}#c1`)).toEqual([3]);
    expect(ratings(`${cloze}#c3`)).toEqual([3]);
    expect(ratings(`${cloze}#c2`)).toEqual([]);
    expect(french.reviews.every((r, i, all) => i === 0 || all[i - 1].reviewedAt <= r.reviewedAt)).toBe(true);
    expect(result.warnings).toContainEqual({
      code: 'history-skipped',
      manual: 2,
      cramming: 1,
      beforeReset: 2,
      otherCards: 1
    });
    expect(french.suspended).toEqual([card(result, 'Languages::French', 'parler').id]);
  });
});

it('reads the same cards from the legacy and the current format', async () => {
  const strip = (r: PackageResult) => r.decks.map((d) => ({ ...d, reviews: d.reviews.length }));
  expect(strip(await read('legacy-anki21.apkg', { fileName: 'x.apkg' }))).toEqual(
    strip(await read('current.apkg', { fileName: 'x.apkg' }))
  );
});

it('renumbers the learning answers of Anki’s first scheduler (a collection.anki2-only package)', async () => {
  const result = await read('legacy-anki2-first-scheduler.apkg');
  // Learning: 2 was Good and 3 Easy; reviews were already 1-4.
  expect(result.decks[0].reviews.map((r) => r.rating)).toEqual([3, 4, 2]);
});

describe('damaged and oversized packages: a specific problem, and nothing read', () => {
  it.each([
    ['damaged-truncated.apkg', { code: 'damaged-zip', detail: expect.any(String) }],
    ['damaged-meta-version-4.apkg', { code: 'package-too-new', version: 4 }],
    ['damaged-schema-19.apkg', { code: 'unknown-schema', version: 19, file: 'collection.anki21b' }],
    [
      'damaged-media-sha1.apkg',
      {
        code: 'media-mismatch',
        name: 'flag fr.png',
        field: 'sha1',
        expected: '07'.repeat(20),
        actual: expect.stringMatching(/^[0-9a-f]{40}$/)
      }
    ],
    [
      'damaged-media-size.apkg',
      { code: 'media-mismatch', name: 'bonjour.wav', field: 'size', expected: '4045', actual: '4044' }
    ]
  ])('%s', async (name, problem) => {
    const result = await read(name);
    expect(result.problems).toEqual([problem]);
    expect(result.decks).toEqual([]);
    expect(result.media).toEqual([]);
  });

  const rezip = (name: string, change: (files: Record<string, Uint8Array>) => void) => {
    const files = unzipSync(fixture(name));
    change(files);
    return zipSync(files);
  };

  it('a file that is not a zip', async () => {
    const result = await readAnkiPackage({ bytes: new TextEncoder().encode('front\tback\n'), openSqlite });
    expect(codes(result)).toEqual(['damaged-zip']);
  });

  it('a zip with no collection', async () => {
    const bytes = rezip('legacy-anki21.apkg', (files) => {
      delete files['collection.anki21'];
      delete files['collection.anki2'];
    });
    expect((await readAnkiPackage({ bytes, openSqlite })).problems).toEqual([
      { code: 'no-collection', files: ['0', '1', '2', 'media'] }
    ]);
  });

  it('a collection that is not SQLite', async () => {
    const bytes = rezip(
      'legacy-anki21.apkg',
      (files) => (files['collection.anki21'] = new TextEncoder().encode('not a database'))
    );
    expect((await readAnkiPackage({ bytes, openSqlite })).problems).toEqual([
      { code: 'damaged-collection', file: 'collection.anki21', detail: expect.any(String) }
    ]);
  });

  it('a legacy media list that is not JSON, and one naming a file the zip lacks', async () => {
    let bytes = rezip('legacy-anki21.apkg', (files) => (files.media = new TextEncoder().encode('{"0": ')));
    expect(codes(await readAnkiPackage({ bytes, openSqlite }))).toEqual(['damaged-media-list']);
    bytes = rezip('legacy-anki21.apkg', (files) => delete files['1']);
    expect((await readAnkiPackage({ bytes, openSqlite })).problems).toEqual([
      { code: 'media-file-missing', name: 'flag fr.png', member: '1' }
    ]);
  });

  it('limits: package size, collection size (legacy and zstd) and unpacked size', async () => {
    expect((await read('current.apkg', { limits: { maxPackageBytes: 1000 } })).problems).toEqual([
      { code: 'package-too-large', bytes: fixture('current.apkg').length, limit: 1000 }
    ]);
    expect((await read('legacy-anki21.apkg', { limits: { maxCollectionBytes: 4096 } })).problems).toEqual([
      { code: 'collection-too-large', bytes: expect.any(Number), limit: 4096 }
    ]);
    expect(codes(await read('current.apkg', { limits: { maxCollectionBytes: 4096 } }))).toEqual([
      'collection-too-large'
    ]);
    expect(codes(await read('current.apkg', { limits: { maxUnpackedBytes: 100_000 } }))).toEqual(['unpacks-too-large']);
  });
});

it('reports progress up to 1', async () => {
  const seen: number[] = [];
  await read('current.apkg', { onProgress: (f) => seen.push(f) });
  expect(seen.at(-1)).toBe(1);
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
});
