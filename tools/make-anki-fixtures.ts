/**
 * Writes the Anki package fixtures in tests/fixtures/anki/ (see the README there), or a large
 * package for the import benchmark:
 *
 *   npx tsx tools/make-anki-fixtures.ts
 *   npx tsx tools/make-anki-fixtures.ts --bench <file.apkg> [--notes 10000] [--images 500]
 *
 * The same notes go into every format, so the tests can hold the formats to reading alike.
 * Needs Debian's `zstd` command.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import {
  writePackage,
  type CollectionSpec,
  type NoteSpec,
  type NoteTypeSpec,
  type RevlogSpec
} from './anki-package-writer';

const DIR = 'tests/fixtures/anki';
const BACK = '{{FrontSide}}\n\n<hr id=answer>\n\n';

export const NOTE_TYPES = {
  basic: {
    id: 1001,
    name: 'Basic',
    kind: 'normal',
    fields: ['Front', 'Back'],
    templates: [{ name: 'Card 1', qfmt: '{{Front}}', afmt: `${BACK}{{Back}}` }]
  },
  reverse: {
    id: 1002,
    name: 'Basic (and reversed card)',
    kind: 'normal',
    fields: ['Front', 'Back'],
    templates: [
      { name: 'Card 1', qfmt: '{{Front}}', afmt: `${BACK}{{Back}}` },
      { name: 'Card 2', qfmt: '{{Back}}', afmt: `${BACK}{{Front}}` }
    ]
  },
  optional: {
    id: 1003,
    name: 'Basic (optional reversed card)',
    kind: 'normal',
    fields: ['Front', 'Back', 'Add Reverse'],
    templates: [
      { name: 'Card 1', qfmt: '{{Front}}', afmt: `${BACK}{{Back}}` },
      { name: 'Card 2', qfmt: '{{#Add Reverse}}{{Back}}{{/Add Reverse}}', afmt: `${BACK}{{Front}}` }
    ]
  },
  typed: {
    id: 1004,
    name: 'Basic (type in the answer)',
    kind: 'normal',
    fields: ['Front', 'Back'],
    templates: [
      { name: 'Card 1', qfmt: '{{Front}}\n\n{{type:Back}}', afmt: '{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}' }
    ]
  },
  cloze: {
    id: 1005,
    name: 'Cloze',
    kind: 'cloze',
    fields: ['Text', 'Back Extra'],
    templates: [{ name: 'Cloze', qfmt: '{{cloze:Text}}', afmt: '{{cloze:Text}}<br>\n{{Back Extra}}' }]
  },
  // Basic as a German Anki names it: found by its structure, not its name.
  einfach: {
    id: 1006,
    name: 'Einfach',
    kind: 'normal',
    fields: ['Vorderseite', 'Rückseite'],
    templates: [{ name: 'Karte 1', qfmt: '{{Vorderseite}}', afmt: `${BACK}{{Rückseite}}` }]
  },
  vocab: {
    id: 1007,
    name: 'Vocabulary (with example)',
    kind: 'normal',
    fields: ['Word', 'Meaning', 'Example'],
    templates: [{ name: 'Recognise', qfmt: '{{Word}}<br>{{Example}}', afmt: `${BACK}{{Meaning}}` }]
  },
  occlusion: {
    id: 1008,
    name: 'Image Occlusion',
    kind: 'cloze',
    fields: ['Occlusion', 'Image', 'Header', 'Back Extra', 'Comments'],
    templates: [
      {
        name: 'Image Occlusion',
        qfmt: '{{#Header}}<div>{{Header}}</div>{{/Header}}\n<div style="display: none">{{cloze:Occlusion}}</div>\n<div id="image-occlusion-container">{{Image}}<canvas id="image-occlusion-canvas"></canvas></div>',
        afmt: '{{#Header}}<div>{{Header}}</div>{{/Header}}\n<div style="display: none">{{cloze:Occlusion}}</div>\n<div id="image-occlusion-container">{{Image}}<canvas id="image-occlusion-canvas"></canvas></div>\n{{Back Extra}}'
      }
    ],
    stockKind: 6
  }
} satisfies Record<string, NoteTypeSpec>;

export const DECKS = {
  default: { id: 1, name: 'Default' },
  french: { id: 1_700_000_000_002, name: 'Languages::French', description: 'French for <b>beginners</b>.' },
  verbs: { id: 1_700_000_000_003, name: 'Languages::French::Verbs' },
  geography: { id: 1_700_000_000_004, name: 'Geography' }
};

const T0 = Date.UTC(2024, 0, 8, 9, 0, 0);
const MIN = 60_000;
const DAY = 86_400_000;

/** The notes every fixture format holds: every note type, media of both kinds and review history. */
export function sampleCollection(options: { occlusion: boolean; schedVer?: number }): CollectionSpec {
  let id = 1_700_000_100_000;
  const note = (
    mid: number,
    fields: string[],
    did: number,
    ords: number[],
    extra: Partial<NoteSpec> = {}
  ): NoteSpec => {
    const noteId = ++id;
    return {
      id: noteId,
      guid: `guid-${noteId}`,
      mid,
      fields,
      cards: ords.map((ord) => ({ id: noteId * 10 + ord, did, ord })),
      ...extra
    };
  };
  const T = NOTE_TYPES;
  const fr = DECKS.french.id;
  const notes: NoteSpec[] = [
    note(T.basic.id, ['<b>bonjour</b> [sound:bonjour.wav]', 'hello<br><i>informal:</i> <u>salut</u>'], fr, [0]),
    note(T.basic.id, ['<img src="flag%20fr.png" alt="A blue, white and red flag">', 'France'], fr, [0], {
      tags: ['flags']
    }),
    note(T.reverse.id, ['le chat', 'the cat'], fr, [0, 1]),
    note(T.optional.id, ['le chien', 'the dog', 'y'], fr, [0, 1]),
    note(T.optional.id, ['la maison', 'the house', ''], fr, [0]),
    note(T.typed.id, ['to be (infinitive)', '<b>être</b>'], fr, [0]),
    note(
      T.cloze.id,
      [
        '{{c1::Paris}} is the capital of {{c2::France::country}}<ul><li>it lies on the {{c1::Seine}}</li><li>2 * 3 = 6</li></ul>',
        'Back <u>extra</u>'
      ],
      fr,
      [0, 1]
    ),
    note(T.cloze.id, ['{{c1::outer {{c2::inner}} text}} here', ''], fr, [0, 1]),
    note(T.einfach.id, ['der Hund', 'the dog'], fr, [0]),
    note(T.vocab.id, ['chanter', 'to sing', 'Il chante.'], fr, [0]),
    note(T.basic.id, ['What is this? <img src="missing.png">', 'a missing picture'], fr, [0]),
    note(T.basic.id, ['<img src="https://example.org/map.png" alt="remote map">', 'a map'], fr, [0]),
    note(T.basic.id, ['lonely front', ''], fr, [0]),
    note(T.basic.id, ['parler', 'to speak'], DECKS.verbs.id, [0], { tags: ['verb', 'french::regular'] }),
    note(T.cloze.id, ['{{c1::Lima}} is the capital of Peru', ''], DECKS.geography.id, [0]),
    note(T.basic.id, ['<div>Which flag?</div><div><img src="flag fr.png"></div>', 'France'], DECKS.geography.id, [0])
  ];
  if (options.occlusion)
    notes.push(
      note(
        T.occlusion.id,
        ['{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.1:oi=1}}', '<img src="flag fr.png">', '', '', ''],
        fr,
        [0]
      )
    );
  const card = (front: string, ord = 0) => {
    const n = notes.find((x) => x.fields[0].startsWith(front))!;
    return n.cards.find((c) => c.ord === ord)!;
  };
  // "parler" is suspended; "le chat" has been reviewed both ways.
  card('parler').queue = -1;
  Object.assign(card('le chat'), { type: 2, queue: 2, ivl: 4, factor: 2500, reps: 7, lapses: 1 });
  const chat = card('le chat').id;
  const chatBack = card('le chat', 1).id;
  const paris = card('{{c1::Paris').id;
  const lonely = card('lonely').id;
  const revlog: RevlogSpec[] = [
    { id: T0, cid: chat, ease: 3, type: 0, ivl: -600 },
    { id: T0 + 10 * MIN, cid: chat, ease: 3, type: 0, ivl: 1 },
    { id: T0 + DAY, cid: chat, ease: 3, type: 1, ivl: 3, lastIvl: 1, factor: 2500 },
    { id: T0 + 4 * DAY, cid: chat, ease: 1, type: 1, ivl: -600, lastIvl: 3, factor: 2300 },
    { id: T0 + 4 * DAY + 10 * MIN, cid: chat, ease: 3, type: 2, ivl: 1, factor: 2300 },
    // Set due date: a manual change, not an answer.
    { id: T0 + 5 * DAY, cid: chat, ease: 0, type: 4, ivl: 3, factor: 2300 },
    { id: T0 + 8 * DAY, cid: chat, ease: 4, type: 1, ivl: 9, lastIvl: 3, factor: 2450 },
    // Cramming in a filtered deck that does not reschedule.
    { id: T0 + 9 * DAY, cid: chat, ease: 3, type: 3, factor: 0 },
    // Reviewed early in a filtered deck that reschedules: a real answer.
    { id: T0 + 10 * DAY, cid: chat, ease: 3, type: 3, ivl: 20, factor: 2450 },
    // The other side, answered, then reset ("Forget"), then learned again.
    { id: T0 + 1000, cid: chatBack, ease: 3, type: 0, ivl: -600 },
    { id: T0 + DAY + 1000, cid: chatBack, ease: 3, type: 1, ivl: 3 },
    { id: T0 + 2 * DAY, cid: chatBack, ease: 0, type: 4, factor: 0 },
    { id: T0 + 3 * DAY, cid: chatBack, ease: 2, type: 0, ivl: -600 },
    // c1 of the cloze hides two deletions: both get this answer.
    { id: T0 + 2000, cid: paris, ease: 3, type: 0, ivl: -600 },
    // A note left out (its back is empty): its history goes with it.
    { id: T0 + 3000, cid: lonely, ease: 1, type: 0 }
  ];
  return {
    noteTypes: Object.values(T).filter((t) => options.occlusion || t.id !== T.occlusion.id),
    decks: Object.values(DECKS),
    notes,
    revlog,
    schedVer: options.schedVer ?? 2
  };
}

/** An RGB PNG, written by hand with zlib: `pixel(x, y)` gives each colour. */
export function png(
  width: number,
  height: number,
  pixel: (x: number, y: number) => [number, number, number]
): Uint8Array {
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (1 + width * 3) + 1 + x * 3);
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', header),
      chunk('IDAT', deflateSync(raw, { level: 9 })),
      chunk('IEND', Buffer.alloc(0))
    ])
  );
}

/** A 24 × 16 flag of three vertical bands, blue, white and red. */
export function flagPng(): Uint8Array {
  const bands: [number, number, number][] = [
    [0, 85, 164],
    [255, 255, 255],
    [239, 65, 53]
  ];
  return png(24, 16, (x) => bands[Math.floor((x * 3) / 24)]);
}

/** A photo-sized image of seeded noise (it does not compress, like a photo): about 37 KB. */
export function noisePng(seed: number, width = 128, height = 96): Uint8Array {
  let state = seed * 2654435761 + 1;
  const next = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 16) & 0xff;
  return png(width, height, () => [next(), next(), next()]);
}

/** Half a second of a 440 Hz tone, 8 kHz 8-bit mono PCM WAV. */
export function toneWav(seconds = 0.5, hz = 440): Uint8Array {
  const rate = 8000;
  const samples = Math.round(rate * seconds);
  const out = Buffer.alloc(44 + samples);
  out.write('RIFF', 0, 'latin1');
  out.writeUInt32LE(36 + samples, 4);
  out.write('WAVEfmt ', 8, 'latin1');
  out.writeUInt32LE(16, 16);
  out.writeUInt16LE(1, 20);
  out.writeUInt16LE(1, 22);
  out.writeUInt32LE(rate, 24);
  out.writeUInt32LE(rate, 28);
  out.writeUInt16LE(1, 32);
  out.writeUInt16LE(8, 34);
  out.write('data', 36, 'latin1');
  out.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) out[44 + i] = 128 + Math.round(100 * Math.sin((2 * Math.PI * hz * i) / rate));
  return new Uint8Array(out);
}

export const SAMPLE_MEDIA = () => [
  { name: 'bonjour.wav', bytes: toneWav() },
  { name: 'flag fr.png', bytes: flagPng() },
  // Files a package carries that no card shows (add-on data): never imported.
  { name: '_addon.dat', bytes: new TextEncoder().encode('add-on data') }
];

/** A small package for the first-scheduler history: learning answers were 1 Again, 2 Good, 3 Easy. */
function firstSchedulerCollection(): CollectionSpec {
  const T = NOTE_TYPES;
  return {
    noteTypes: [T.basic],
    decks: [DECKS.default, { id: 1_700_000_000_010, name: 'Old scheduler' }],
    notes: [
      {
        id: 1_600_000_000_001,
        guid: 'old-1',
        mid: T.basic.id,
        fields: ['uno', 'one'],
        cards: [{ id: 1_600_000_000_011, did: 1_700_000_000_010, ord: 0, type: 2, queue: 2 }]
      }
    ],
    revlog: [
      { id: T0, cid: 1_600_000_000_011, ease: 2, type: 0 },
      { id: T0 + 10 * MIN, cid: 1_600_000_000_011, ease: 3, type: 0 },
      { id: T0 + 4 * DAY, cid: 1_600_000_000_011, ease: 2, type: 1 }
    ],
    schedVer: 1
  };
}

async function fixtures(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  const write = async (name: string, bytes: Uint8Array | Promise<Uint8Array>) => {
    writeFileSync(`${DIR}/${name}`, await bytes);
    console.log(`${DIR}/${name}`);
  };
  const media = SAMPLE_MEDIA();
  await write(
    'legacy-anki21.apkg',
    writePackage({ format: 'legacy2', collection: sampleCollection({ occlusion: false }), media })
  );
  await write(
    'legacy-anki2-first-scheduler.apkg',
    writePackage({ format: 'legacy1', collection: firstSchedulerCollection() })
  );
  await write(
    'current.apkg',
    writePackage({ format: 'latest', collection: sampleCollection({ occlusion: true }), media })
  );
  // A whole collection: also a note in Anki's default deck.
  const whole = sampleCollection({ occlusion: true });
  whole.notes.push({
    id: 1_700_000_200_001,
    guid: 'default-1',
    mid: NOTE_TYPES.basic.id,
    fields: ['a note in the default deck', 'kept'],
    cards: [{ id: 1_700_000_200_011, did: DECKS.default.id, ord: 0 }]
  });
  await write('current.colpkg', writePackage({ format: 'latest', collection: whole, media }));

  // Damaged packages, each with one thing wrong.
  const good = await writePackage({ format: 'latest', collection: sampleCollection({ occlusion: false }), media });
  await write('damaged-truncated.apkg', good.slice(0, Math.floor(good.length / 2)));
  await write(
    'damaged-meta-version-4.apkg',
    writePackage({ format: 'latest', collection: sampleCollection({ occlusion: false }), media, metaVersion: 4 })
  );
  await write(
    'damaged-schema-19.apkg',
    writePackage({
      format: 'latest',
      collection: { ...sampleCollection({ occlusion: false }), schemaVersion: 19 },
      media
    })
  );
  await write(
    'damaged-media-sha1.apkg',
    writePackage({
      format: 'latest',
      collection: sampleCollection({ occlusion: false }),
      media,
      tamperMedia: (entries) => (entries[1].sha1 = new Uint8Array(20).fill(7))
    })
  );
  await write(
    'damaged-media-size.apkg',
    writePackage({
      format: 'latest',
      collection: sampleCollection({ occlusion: false }),
      media,
      tamperMedia: (entries) => (entries[0].size += 1)
    })
  );
}

/** `notes` basic notes over `images` distinct images, some with a sound, with a year of history. */
export function benchCollection(
  notes: number,
  images: number
): { collection: CollectionSpec; media: { name: string; bytes: Uint8Array }[] } {
  const T = NOTE_TYPES;
  const media = Array.from({ length: images }, (_, i) => ({ name: `image-${i}.png`, bytes: noisePng(i + 1) }));
  media.push({ name: 'tone.wav', bytes: toneWav(1) });
  const specs: NoteSpec[] = [];
  const revlog: RevlogSpec[] = [];
  for (let i = 0; i < notes; i++) {
    const noteId = 1_600_000_000_000 + i;
    const image = i < images ? `<br><img src="image-${i}.png">` : '';
    const sound = i % 50 === 0 ? ' [sound:tone.wav]' : '';
    specs.push({
      id: noteId,
      guid: `bench-${i}`,
      mid: i % 4 === 3 ? T.reverse.id : T.basic.id,
      tags: [`group${i % 20}`],
      fields: [`Question <b>${i}</b>${image}${sound}`, `Answer <i>${i}</i> with some more words to read`],
      cards: [
        { id: noteId * 10, did: DECKS.french.id, ord: 0 },
        ...(i % 4 === 3 ? [{ id: noteId * 10 + 1, did: DECKS.french.id, ord: 1 }] : [])
      ]
    });
    if (i % 2 === 0)
      for (let r = 0; r < 5; r++)
        revlog.push({
          id: T0 + i * 1000 + r * 3 * DAY,
          cid: noteId * 10,
          ease: r === 2 ? 1 : 3,
          type: r === 0 ? 0 : 1
        });
  }
  return {
    collection: { noteTypes: [T.basic, T.reverse], decks: [DECKS.default, DECKS.french], notes: specs, revlog },
    media
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--bench');
  if (at === -1) return fixtures();
  const value = (flag: string, fallback: number) => {
    const i = args.indexOf(flag);
    return i === -1 ? fallback : Number(args[i + 1]);
  };
  const { collection, media } = benchCollection(value('--notes', 10_000), value('--images', 500));
  writeFileSync(args[at + 1], await writePackage({ format: 'latest', collection, media }));
  console.log(args[at + 1]);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
