/**
 * The class dashboard's queries (`npm run bench -- --only classes`): a class of 40 students who each
 * synced a term of study (2,000 reviews of the class's 200-card deck over 90 days, 500 of a deck of
 * their own, 10 quizzes of 20 answers, a few undos), then the teacher's dashboard (every card and every
 * student, server/services/classes.ts) computed again and again, in process, on PGlite and PostgreSQL.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Deck } from '../src/lib/domain/deck.schema';
import type { SyncRecord } from '../src/lib/domain/sync/sync-record';
import { openDatabase, type Database } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import * as classes from '../server/services/classes';
import * as identity from '../server/services/identity';
import * as sync from '../server/services/sync';
import { summarize, type Summary } from './summary';

export interface DashboardRun {
  database: 'PGlite' | 'PostgreSQL';
  students: number;
  /** Review rows in the database, the class's and others. */
  reviews: number;
  classReviews: number;
  cards: number;
  /** Milliseconds per dashboard (both tables and the best quiz scores). */
  dashboard: Summary;
  seedSeconds: number;
}

const DAY = 86_400_000;
const CARDS = 200;
const KINDS = ['fact', 'claim', 'opinion'] as const;

function deck(): Deck {
  return {
    id: 'term-deck',
    title: 'A term of facts',
    description: 'Benchmark deck',
    language: 'en',
    tags: [],
    cards: Array.from({ length: CARDS }, (_, i) => {
      const kind = KINDS[i % 3];
      return {
        id: `card-${i}`,
        type: 'basic' as const,
        front: `Question ${i}`,
        back: `Answer ${i}`,
        kind,
        ...(kind === 'claim' ? { claimBy: 'Someone' } : {})
      };
    })
  };
}

/** A small deterministic generator, so every run seeds the same term. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function studentRecords(device: string, classDeckId: string, reviews: number, now: number, rnd: () => number) {
  const records: SyncRecord[] = [];
  const seen = new Set<string>();
  const review = (deckId: string, cardId: string, reviewedAt: number) => {
    const r = rnd();
    const rating = (r < 0.15 ? 1 : r < 0.25 ? 2 : r < 0.85 ? 3 : 4) as 1 | 2 | 3 | 4;
    const stateBefore = seen.has(`${deckId}/${cardId}`) ? 2 : 0;
    seen.add(`${deckId}/${cardId}`);
    const id = randomUUID();
    const after = {
      due: reviewedAt + DAY,
      stability: 2.3,
      difficulty: 5.8,
      elapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 1,
      lapses: 0,
      state: 2 as const,
      lastReview: reviewedAt
    };
    records.push({
      kind: 'review',
      id,
      at: reviewedAt,
      device,
      row: { id, deckId, cardId, rating, reviewedAt, elapsedMs: 4000, before: null, stateBefore, after }
    });
  };
  const term = 90 * DAY;
  for (let i = 0; i < reviews; i++)
    review(classDeckId, `card-${Math.floor(rnd() * CARDS)}`, now - term + Math.floor((i / reviews) * term));
  for (let i = 0; i < 500; i++) review('own-deck', `card-${i % 100}`, now - term + i * 60_000);
  for (let u = 0; u < 5; u++) {
    const undone = records[Math.floor(rnd() * reviews)];
    records.push({
      kind: 'removal',
      id: randomUUID(),
      at: undone.at + 1,
      device,
      scope: { type: 'review', logId: undone.id }
    });
  }
  for (let q = 0; q < 10; q++) {
    const id = randomUUID();
    const at = now - term + q * 9 * DAY;
    const answers = Array.from({ length: 20 }, (_, i) => {
      const item = `card-${Math.floor(rnd() * CARDS)}`;
      const right = rnd() < 0.7;
      return {
        questionId: `q${i}`,
        type: 'choice' as const,
        itemIds: [item],
        missed: right ? [] : [item],
        prompt: 'Question',
        given: right ? 'right' : 'wrong',
        rightAnswer: 'right',
        right
      };
    });
    const correct = answers.filter((a) => a.right).length;
    records.push({
      kind: 'quiz',
      id,
      at,
      device,
      row: { id, deckId: classDeckId, startedAt: at - 60_000, finishedAt: at, seed: q, answers, correct, total: 20 }
    });
  }
  return records;
}

async function measure(
  name: DashboardRun['database'],
  database: Database,
  quick: boolean,
  log: (m: string) => void
): Promise<DashboardRun> {
  const db = database.db;
  await migrateToLatest(db);
  const students = 40;
  const reviews = quick ? 500 : 2000;
  const now = Date.now();
  const t0 = performance.now();
  const teacher = await identity.createAccount(db, 'Teacher', now);
  const made = await classes.createClass(db, teacher, 'Bench class', now);
  const { classDeckId } = await classes.publish(db, teacher, made.id, deck(), now);
  const rnd = random(19);
  log(`classes on ${name}: seeding ${students} students with ${reviews.toLocaleString('en')} class reviews each`);
  for (let s = 0; s < students; s++) {
    const student = await identity.createAccount(db, `Student ${s}`, now);
    await classes.join(db, student, made.joinCode!, `Student ${s}`, '127.0.0.1', now);
    const records = studentRecords(student.deviceId, classDeckId, reviews, now, rnd);
    for (let i = 0; i < records.length; i += 5000) await sync.push(db, student, records.slice(i, i + 5000));
  }
  const seedSeconds = (performance.now() - t0) / 1000;
  const runs = quick ? 3 : 10;
  log(`classes on ${name}: the dashboard, ${runs} times`);
  const times: number[] = [];
  let cards = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const board = await classes.dashboard(db, teacher, made.id, now);
    times.push(performance.now() - t);
    cards = board.cards.length;
    if (board.students.length !== students) throw new Error(`the dashboard lists ${board.students.length} students`);
  }
  return {
    database: name,
    students,
    reviews: students * (reviews + 500),
    classReviews: students * reviews,
    cards,
    dashboard: summarize(times),
    seedSeconds
  };
}

/** Runs on PGlite in memory, and on PostgreSQL at `postgresUrl` (in a database of its own, dropped after). */
export async function benchClassDashboard(options: {
  postgresUrl: string | null;
  quick: boolean;
  log: (m: string) => void;
}): Promise<DashboardRun[]> {
  const out: DashboardRun[] = [];
  const lite = await openDatabase({ kind: 'pglite' });
  try {
    out.push(await measure('PGlite', lite, options.quick, options.log));
  } finally {
    await lite.close();
  }
  if (options.postgresUrl) {
    const name = `factdeck_bench_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: options.postgresUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(options.postgresUrl);
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString() });
    try {
      out.push(await measure('PostgreSQL', database, options.quick, options.log));
    } finally {
      await database.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }
  return out;
}
