/** Valid records of every kind, for tests; each builder takes the device and fields to override. */
import { randomUUID } from 'node:crypto';
import type { SyncRecord } from '../../src/lib/domain/sync/sync-record';

type Over = Record<string, unknown>;
const T0 = 1_790_000_000_000;

const state = (due: number) => ({
  due,
  stability: 3.2,
  difficulty: 5.1,
  elapsedDays: 0,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  lastReview: due - 3 * 86_400_000
});

export function review(device: string, over: Over = {}, row: Over = {}): SyncRecord {
  const id = (row.id as string) ?? randomUUID();
  const reviewedAt = (row.reviewedAt as number) ?? T0;
  return {
    kind: 'review',
    id,
    at: reviewedAt,
    device,
    row: {
      id,
      deckId: 'world-capitals',
      cardId: 'peru-capital',
      rating: 3,
      reviewedAt,
      elapsedMs: 2100,
      before: null,
      stateBefore: 0,
      after: state(reviewedAt + 3 * 86_400_000),
      ...row
    },
    ...over
  } as SyncRecord;
}

export const setting = (device: string, id: string, value: unknown, at = T0): SyncRecord => ({
  kind: 'setting',
  id,
  at,
  device,
  value
});

export const mark = (device: string, cardId: string, suspended: boolean, at = T0): SyncRecord => ({
  kind: 'mark',
  id: `world-capitals/${cardId}`,
  at,
  device,
  deckId: 'world-capitals',
  cardId,
  suspended
});

export const quiz = (device: string, at = T0): SyncRecord => {
  const id = randomUUID();
  return {
    kind: 'quiz',
    id,
    at,
    device,
    row: {
      id,
      deckId: 'world-capitals',
      startedAt: at - 60_000,
      finishedAt: at,
      seed: 7,
      answers: [],
      correct: 0,
      total: 0
    }
  };
};

export const deck = (device: string, deckId: string, at = T0, deleted = false): SyncRecord => ({
  kind: 'deck',
  id: deckId,
  at,
  device,
  row: deleted
    ? null
    : {
        id: deckId,
        deck: {
          id: deckId,
          title: 'Imported',
          description: 'A deck imported on a device',
          language: 'en',
          tags: [],
          cards: [{ id: 'c1', type: 'basic', front: 'Front', back: 'Back' }]
        },
        fileName: 'imported.csv',
        format: 'csv',
        importedAt: at,
        updatedAt: at,
        changed: {}
      }
});

export const removal = (device: string, scope: Over, at = T0): SyncRecord =>
  ({ kind: 'removal', id: randomUUID(), at, device, scope }) as SyncRecord;

/** One record of each kind. */
export const everyKind = (device: string, at = T0): SyncRecord[] => [
  review(device, {}, { reviewedAt: at }),
  quiz(device, at),
  deck(device, 'imported-one', at),
  setting(device, 'theme', 'dark', at),
  mark(device, 'peru-capital', true, at),
  removal(device, { type: 'items', deckId: 'world-capitals', cardIds: ['chile-capital'] }, at)
];
