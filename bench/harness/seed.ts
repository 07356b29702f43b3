/**
 * The benchmark's synthetic learner: one imported deck of 100,000 basic cards, a state row for every
 * one of them and 200,000 review log rows over the past year. Deterministic (seeded PRNG) and relative
 * to the `now` the run passes in, so every run stores the same mix. Runs in the page, inside the
 * benchmark's own browser profile only.
 */
import { v7 as uuidv7 } from 'uuid';
import type { ImportedDeck } from '$lib/db';
import {
  nextStudyDayStart,
  State,
  studyDayStart,
  type Card,
  type CardProgress,
  type ReviewLogEntry,
  type SchedulingState
} from '$lib/domain';

export const BENCH_DECK_ID = 'bench-100k';
export const CARD_COUNT = 100_000;
export const LOG_COUNT = 200_000;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const cardId = (i: number) => `card-${String(i).padStart(6, '0')}`;

export function benchCard(i: number): Card {
  return {
    id: cardId(i),
    type: 'basic',
    front: `Question ${i + 1}: what is the capital of region ${(i * 7919) % 100_003}?`,
    back: `Answer ${i + 1}: city ${(i * 104_729) % 100_003}`
  };
}

/** The imported-deck row the study page loads for /decks/bench-100k. */
export function benchDeckRow(now: number): ImportedDeck {
  const cards = Array.from({ length: CARD_COUNT }, (_, i) => benchCard(i));
  return {
    id: BENCH_DECK_ID,
    deck: {
      id: BENCH_DECK_ID,
      title: 'Benchmark: 100,000 cards',
      description: 'Synthetic deck seeded by npm run bench.',
      language: 'en',
      tags: [],
      cards
    },
    fileName: 'bench-100k.csv',
    format: 'csv',
    importedAt: now - 400 * DAY,
    updatedAt: now - 400 * DAY,
    changed: {}
  };
}

type Kind = 'new' | 'learning' | 'relearning' | 'review' | 'suspended';

interface Plan {
  kind: Kind[];
  /** Log rows per card (0 for cards never studied). */
  logs: Uint8Array;
  /** Index of each card's first log row in the whole log. */
  firstLog: Uint32Array;
  studied: number;
}

let plan: Plan | null = null;

/** Which card is in which state and how many log rows it has: 1% new rows, 1% learning... */
function planFor(): Plan {
  if (plan) return plan;
  const rand = random(1);
  const kind: Kind[] = [];
  for (let i = 0; i < CARD_COUNT; i++) {
    const r = rand();
    kind.push(r < 0.01 ? 'new' : r < 0.015 ? 'learning' : r < 0.02 ? 'relearning' : r < 0.035 ? 'suspended' : 'review');
  }
  const studied = kind.filter((k) => k !== 'new').length;
  const base = Math.floor(LOG_COUNT / studied);
  let extra = LOG_COUNT - base * studied;
  const logs = new Uint8Array(CARD_COUNT);
  const firstLog = new Uint32Array(CARD_COUNT);
  let at = 0;
  for (let i = 0; i < CARD_COUNT; i++) {
    firstLog[i] = at;
    if (kind[i] === 'new') continue;
    logs[i] = base + (extra-- > 0 ? 1 : 0);
    at += logs[i];
  }
  plan = { kind, logs, firstLog, studied };
  return plan;
}

interface CardHistory {
  state: CardProgress;
  logs: ReviewLogEntry[];
}

const RATINGS: ReviewLogEntry['rating'][] = [1, 2, 2, 3, 3, 3, 3, 3, 3, 4];

/** Card `i`'s stored state and its log rows, consistent with each other (reps = log rows). */
function history(i: number, now: number): CardHistory {
  const { kind, logs: logCount } = planFor();
  const rand = random(1_000_003 + i);
  const dayStart = studyDayStart(new Date(now)).getTime();
  const dayEnd = nextStudyDayStart(new Date(now)).getTime();
  const k = kind[i];
  const id = cardId(i);
  if (k === 'new') {
    const created = now - Math.floor(rand() * 300) * DAY;
    const state: CardProgress = {
      deckId: BENCH_DECK_ID,
      cardId: id,
      due: created,
      stability: 0,
      difficulty: 0,
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 0,
      reps: 0,
      lapses: 0,
      state: State.New,
      lastReview: null,
      // Kept for cards suspended before they were ever studied, and for ones unsuspended since.
      ...(rand() < 0.4 ? { suspended: true } : {})
    };
    return { state, logs: [] };
  }
  const n = logCount[i];
  // Reviews spread over the past year, all before today's study day began.
  const times: number[] = [];
  let t = dayStart - 365 * DAY + Math.floor(rand() * 200 * DAY);
  for (let j = 0; j < n; j++) {
    times.push(Math.min(t, dayStart - MINUTE * (1 + Math.floor(rand() * 600))));
    t += Math.floor((1 + rand() * 60) * DAY);
  }
  times.sort((a, b) => a - b);
  const lapses = k === 'relearning' ? 1 + Math.floor(rand() * 3) : k === 'suspended' ? 8 : rand() < 0.2 ? 1 : 0;
  let due: number;
  let state: State;
  if (k === 'learning' || k === 'relearning') {
    state = k === 'learning' ? State.Learning : State.Relearning;
    // Most learning steps are due already; some come back in the next hours.
    due = rand() < 0.6 ? now - Math.floor(rand() * 2 * HOUR) : now + MINUTE + Math.floor(rand() * 3 * HOUR);
  } else {
    state = State.Review;
    const r = rand();
    due =
      r < 0.02
        ? now - Math.floor(rand() * 10 * DAY) // overdue: a backlog bigger than the day's review limit
        : r < 0.025
          ? now + Math.floor(rand() * (dayEnd - now)) // due later today
          : dayEnd + Math.floor(rand() * 365 * DAY);
  }
  const scheduling = (due: number, reps: number, st: State, last: number | null): SchedulingState => ({
    due,
    stability: 1 + rand() * 100,
    difficulty: 1 + rand() * 9,
    elapsedDays: Math.floor(rand() * 30),
    scheduledDays: Math.max(0, Math.round((due - (last ?? due)) / DAY)),
    learningSteps: st === State.Learning ? 1 : 0,
    reps,
    lapses: Math.min(lapses, reps),
    state: st,
    lastReview: last
  });
  const logs: ReviewLogEntry[] = [];
  let before: SchedulingState | null = null;
  for (let j = 0; j < n; j++) {
    const last = j === n - 1;
    const after = last
      ? scheduling(due, n, state, times[j])
      : scheduling(times[j + 1], j + 1, j === 0 ? State.Learning : State.Review, times[j]);
    logs.push({
      id: uuidv7({ msecs: times[j] }),
      deckId: BENCH_DECK_ID,
      cardId: id,
      rating: RATINGS[Math.floor(rand() * RATINGS.length)],
      reviewedAt: times[j],
      elapsedMs: 2_000 + Math.floor(rand() * 20_000),
      before,
      stateBefore: before ? before.state : State.New,
      after
    });
    before = after;
  }
  const stored: CardProgress = {
    deckId: BENCH_DECK_ID,
    cardId: id,
    ...before!,
    ...(k === 'suspended' ? { suspended: true, leech: true } : {})
  };
  return { state: stored, logs };
}

/** Card states and log rows of cards `from` to `to` (exclusive). */
export function seedRows(from: number, to: number, now: number): { states: CardProgress[]; logs: ReviewLogEntry[] } {
  const states: CardProgress[] = [];
  const logs: ReviewLogEntry[] = [];
  for (let i = from; i < Math.min(to, CARD_COUNT); i++) {
    const h = history(i, now);
    states.push(h.state);
    logs.push(...h.logs);
  }
  return { states, logs };
}

/** How many cards are in each planned state (for the report). */
export function seedMix(): Record<Kind, number> & { studied: number } {
  const { kind, studied } = planFor();
  const mix = { new: 0, learning: 0, relearning: 0, review: 0, suspended: 0, studied };
  for (const k of kind) mix[k]++;
  return mix;
}
