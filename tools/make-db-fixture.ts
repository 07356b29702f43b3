/**
 * Saves what the app's current database code writes, as a fixture for upgrade tests: run it once
 * per released schema version, before that version's schema is changed:
 *   npx tsx tools/make-db-fixture.ts
 * It grades cards with the real repositories on fake-indexeddb and dumps every table to
 * tests/fixtures/factdeck-db-v<version>.json.
 */
import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { db } from '../src/lib/db/factdeck-db';
import { gradeCard, setSuspended, undoReview } from '../src/lib/db/progress.repo';
import { saveAnkiImport } from '../src/lib/db/anki-import.repo';
import { saveImportedDeck } from '../src/lib/db/decks.repo';
import { saveQuizAttempt } from '../src/lib/db/quiz.repo';
import { saveSettings } from '../src/lib/db/settings.repo';
import { recordBackup } from '../src/lib/db/backup.repo';
import { acknowledge, beginJoin, mergeOwnData, pendingRecords, rebuildForJoin } from '../src/lib/db/sync-account.repo';
import { DEFAULT_SETTINGS, Scheduler, type RatingValue } from '../src/lib/domain';

const scheduler = new Scheduler({ desiredRetention: 0.9 });
let now = Date.parse('2026-11-01T09:00:00Z');
const grades: [string, string, RatingValue][] = [
  ['world-capitals', 'peru-capital', 3],
  ['world-capitals', 'australia-capital', 1],
  ['world-capitals', 'capitals-of-europe#c1', 4],
  ['world-capitals', 'capitals-of-europe#c2', 2],
  ['venezuela-iran-key-facts', 'maduro-role', 3],
  ['venezuela-iran-key-facts', 'maduro-role#reverse', 3]
];
for (let round = 0; round < 3; round++)
  for (const [deckId, cardId, rating] of grades) {
    now += 11 * 60_000 + round * 86_400_000;
    await gradeCard({ deckId, cardId, rating, now: new Date(now), elapsedMs: 3000 + round * 500, scheduler });
  }
const undone = await gradeCard({
  deckId: 'world-capitals',
  cardId: 'peru-capital',
  rating: 1,
  now: new Date(now + 1),
  elapsedMs: 1,
  scheduler
});
await undoReview(undone.log.id);
await saveSettings({
  ...DEFAULT_SETTINGS,
  desiredRetention: 0.85,
  deckLimits: { 'world-capitals': { newPerDay: 5, reviewsPerDay: 50 } }
});

// Since version 2.
await saveQuizAttempt({
  deckId: 'world-capitals',
  startedAt: now + 60_000,
  finishedAt: now + 120_000,
  seed: 42,
  correct: 1,
  total: 2,
  answers: [
    {
      questionId: 'choice:peru-capital',
      type: 'choice',
      itemIds: ['peru-capital'],
      missed: [],
      prompt: 'What is the capital of Peru?',
      given: 'Lima',
      rightAnswer: 'Lima',
      right: true
    },
    {
      questionId: 'typed:australia-capital',
      type: 'typed',
      itemIds: ['australia-capital'],
      missed: ['australia-capital'],
      prompt: 'What is the capital of Australia?',
      given: 'Sydney',
      rightAnswer: 'Canberra',
      right: false
    }
  ]
});

// Since version 3.
await saveImportedDeck(
  {
    id: 'spanish-words',
    title: 'Spanish words',
    description: 'Imported from spanish.csv',
    language: 'es',
    tags: [],
    cards: [
      { id: 'perro-1a2b3c', type: 'basic', front: 'perro', back: 'dog', tags: ['animals'] },
      { id: 'casa-4d5e6f', type: 'basic', front: 'casa', back: 'house' }
    ]
  },
  { fileName: 'spanish.csv', format: 'csv', now: new Date(now + 200_000), deleteRemovedProgress: false }
);
await gradeCard({
  deckId: 'spanish-words',
  cardId: 'perro-1a2b3c',
  rating: 3,
  now: new Date(now + 300_000),
  elapsedMs: 2500,
  scheduler
});

// Since version 4: the import above took a snapshot; a backup was downloaded.
await recordBackup(new Date(now + 400_000));

// Since version 6: an Anki package's deck and the image it shows, stored as a Blob by its hash.
const flag = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
const flagHash = createHash('sha256').update(flag).digest('hex');
await saveAnkiImport(
  [
    {
      deck: {
        id: 'flags',
        title: 'Flags',
        description: 'Imported from flags.apkg.',
        language: 'en',
        tags: [],
        cards: [{ id: 'anki-0123456789ab', type: 'basic', front: `![A flag](media:${flagHash}.png)`, back: 'France' }]
      },
      logs: [],
      states: []
    }
  ],
  [{ hash: flagHash, bytes: flag, mime: 'image/png', kind: 'image', ext: 'png' }],
  { fileName: 'flags.apkg', now: new Date(now + 500_000), deleteRemovedProgress: false, scheduler }
);

// Since version 7: sync turned on (an account of its own, nothing to pull), then changes recorded,
// one of them acknowledged by the server.
await beginJoin({
  accountId: 'fixture-account',
  deviceId: 'fixture-device',
  token: 'fixture-token',
  deviceName: 'Fixture'
});
await mergeOwnData(new Date(now + 550_000));
await rebuildForJoin();
await acknowledge(await pendingRecords(3));
await gradeCard({
  deckId: 'world-capitals',
  cardId: 'peru-capital',
  rating: 4,
  now: new Date(now + 600_000),
  elapsedMs: 2000,
  scheduler
});
await setSuspended('world-capitals', 'australia-capital', true, new Date(now + 700_000));

const version = db.verno;
const stores = Object.fromEntries(
  db.tables.map((t) => [t.name, [t.schema.primKey.src, ...t.schema.indexes.map((i) => i.src)].join(', ')])
);
// JSON has no Blob: a stored file is written as `{ $blob: base64, type }` (migrations.test.ts reads it back).
const asJson = async (row: Record<string, unknown>) =>
  Object.fromEntries(
    await Promise.all(
      Object.entries(row).map(async ([k, v]) => [
        k,
        v instanceof Blob ? { $blob: Buffer.from(await v.arrayBuffer()).toString('base64'), type: v.type } : v
      ])
    )
  );
const tables = Object.fromEntries(
  await Promise.all(db.tables.map(async (t) => [t.name, await Promise.all((await t.toArray()).map(asJson))]))
);
const file = `tests/fixtures/factdeck-db-v${version}.json`;
writeFileSync(file, JSON.stringify({ name: 'factdeck', version, stores, tables }, null, 1) + '\n');
console.log(
  `wrote ${file}: ${Object.entries(tables)
    .map(([n, rows]) => `${n} ${(rows as unknown[]).length}`)
    .join(', ')}`
);
