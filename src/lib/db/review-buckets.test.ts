import 'fake-indexeddb/auto';
import fc from 'fast-check';
import Dexie, { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bucketsOf, Scheduler, State, type ReviewLogEntry } from '$lib/domain';
import { db } from './factdeck-db';
import { checkData } from './integrity.repo';
import { gradeCard, resetCard, undoReview } from './progress.repo';
import { bucketsMatch } from './review-buckets';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const DAY = 86_400_000;
const scheduler = new Scheduler({ desiredRetention: 0.9 });

function logRow(
  id: string,
  deckId: string,
  cardId: string,
  reviewedAt: number,
  rating = 3,
  mature = true
): ReviewLogEntry {
  const scheduling = {
    due: reviewedAt,
    stability: 30,
    difficulty: 5,
    elapsedDays: 30,
    scheduledDays: mature ? 30 : 2,
    learningSteps: 0,
    reps: 4,
    lapses: 0,
    state: State.Review,
    lastReview: reviewedAt - 30 * 86_400_000
  };
  return {
    id,
    deckId,
    cardId,
    rating: rating as ReviewLogEntry['rating'],
    reviewedAt,
    elapsedMs: 1_000 + rating * 700,
    before: scheduling,
    stateBefore: State.Review,
    after: { ...scheduling, due: reviewedAt + 86_400_000 }
  };
}

const storedBuckets = () => db.reviewBuckets.toArray();
const expected = async () => bucketsOf(await db.reviewLogs.toArray());

beforeEach(() => db.open());
afterEach(() => db.delete());

describe('review buckets follow the review log', () => {
  test('grading, undo and reset', async () => {
    for (let i = 0; i < 6; i++)
      await gradeCard({
        deckId: 'd',
        cardId: `c${i % 3}`,
        rating: ((i % 4) + 1) as 1,
        now: new Date(T0 + i * 7 * 60_000),
        elapsedMs: 2_000,
        scheduler
      });
    expect(await storedBuckets()).toEqual(await expected());
    expect((await storedBuckets()).reduce((n, b) => n + b.reviews, 0)).toBe(6);

    const last = await gradeCard({
      deckId: 'd',
      cardId: 'c1',
      rating: 3,
      now: new Date(T0 + DAY),
      elapsedMs: 5,
      scheduler
    });
    await undoReview(last.log.id);
    expect(await storedBuckets()).toEqual(await expected());

    await resetCard('d', 'c0');
    expect(await storedBuckets()).toEqual(await expected());
    expect((await storedBuckets()).reduce((n, b) => n + b.reviews, 0)).toBe(4);
  });

  test('a liveQuery over the buckets hears of every grade and undo', async () => {
    const seen: number[] = [];
    const subscription = liveQuery(() => db.reviewBuckets.toArray()).subscribe((rows) =>
      seen.push(rows.reduce((n, b) => n + b.reviews, 0))
    );
    const settled = (n: number) => expect.poll(() => seen.at(-1), { timeout: 2_000 }).toBe(n);
    await settled(0);
    const graded = await gradeCard({ deckId: 'd', cardId: 'c', rating: 3, now: new Date(T0), elapsedMs: 1, scheduler });
    await settled(1);
    await undoReview(graded.log.id);
    await settled(0);
    subscription.unsubscribe();
  });

  test('a bucket with no reviews left is deleted', async () => {
    const graded = await gradeCard({ deckId: 'd', cardId: 'c', rating: 3, now: new Date(T0), elapsedMs: 1, scheduler });
    expect(await db.reviewBuckets.count()).toBe(1);
    await undoReview(graded.log.id);
    expect(await db.reviewBuckets.count()).toBe(0);
  });

  test('a failed transaction changes neither the log nor the buckets', async () => {
    await db.reviewLogs.add(logRow('keep', 'd', 'c', T0));
    const before = await storedBuckets();
    await expect(
      db.transaction('rw', db.reviewLogs, async () => {
        await db.reviewLogs.bulkAdd([logRow('a', 'd', 'c', T0 + 1), logRow('b', 'e', 'c', T0 + 2)]);
        await db.reviewLogs.delete('keep');
        throw new Error('bad input');
      })
    ).rejects.toThrow('bad input');
    expect(await db.reviewLogs.count()).toBe(1);
    expect(await storedBuckets()).toEqual(before);
  });

  test('a bulk add with a duplicate id counts only the rows written', async () => {
    await db.reviewLogs.add(logRow('x', 'd', 'c', T0));
    await expect(
      db.reviewLogs.bulkAdd([logRow('y', 'd', 'c', T0 + 1), logRow('x', 'd', 'c', T0 + 2, 1)])
    ).rejects.toThrow();
    expect(await db.reviewLogs.count()).toBe(2);
    expect(await storedBuckets()).toEqual(await expected());
  });

  test('Check data rebuilds buckets that disagree with the log', async () => {
    await db.reviewLogs.bulkAdd([logRow('a', 'd', 'c', T0), logRow('b', 'd', 'c', T0 + DAY, 1)]);
    await db.reviewBuckets.clear();
    await db.reviewBuckets.add({ deckId: 'd', start: 0, reviews: 9, ms: 1, matureReviews: 0, maturePassed: 0 });
    expect(await bucketsMatch(db.reviewBuckets, await db.reviewLogs.toArray())).toBe(false);
    await checkData(new Map([['d', new Set(['c'])]]), new Date(T0 + 2 * DAY));
    expect(await storedBuckets()).toEqual(await expected());
  });

  // Every way the app writes the log, in any order and mix, in one transaction or many.
  test('any sequence of adds, puts and deletes', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('add' as const), rows: fc.array(fc.nat(40), { minLength: 1, maxLength: 6 }) }),
      fc.record({ kind: fc.constant('put' as const), rows: fc.array(fc.nat(40), { minLength: 1, maxLength: 4 }) }),
      fc.record({ kind: fc.constant('delete' as const), rows: fc.array(fc.nat(40), { maxLength: 4 }) }),
      fc.record({ kind: fc.constant('deleteCard' as const), card: fc.nat(3) }),
      fc.record({ kind: fc.constant('deleteIdRange' as const), from: fc.nat(40) }),
      fc.record({ kind: fc.constant('clear' as const) })
    );
    const row = (n: number, version: number) =>
      logRow(
        `log-${String(n).padStart(2, '0')}`,
        n % 3 === 0 ? 'd' : 'e',
        `c${n % 4}`,
        T0 + n * 6 * 60_000 + version * 11 * 60_000,
        1 + ((n + version) % 4),
        (n + version) % 2 === 0
      );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 8 }), fc.boolean(), async (ops, together) => {
        await db.reviewLogs.clear();
        let version = 0;
        const run = async (o: (typeof ops)[number]) => {
          version++;
          switch (o.kind) {
            case 'add':
              await Promise.all(o.rows.map((n) => db.reviewLogs.add(row(n, version)).catch(() => undefined)));
              break;
            case 'put':
              await db.reviewLogs.bulkPut(o.rows.map((n) => row(n, version)));
              break;
            case 'delete':
              await db.reviewLogs.bulkDelete(o.rows.map((n) => `log-${String(n).padStart(2, '0')}`));
              break;
            case 'deleteCard':
              await db.reviewLogs
                .where('[deckId+cardId]')
                .anyOf(['d', `c${o.card}`], ['e', `c${o.card}`])
                .delete();
              break;
            case 'deleteIdRange':
              await db.reviewLogs
                .where(':id')
                .between(`log-${String(o.from).padStart(2, '0')}`, Dexie.maxKey)
                .delete();
              break;
            case 'clear':
              await db.reviewLogs.clear();
              break;
          }
        };
        if (together)
          await db.transaction('rw', db.reviewLogs, async () => {
            for (const o of ops) await run(o);
          });
        else for (const o of ops) await run(o);
        expect(await storedBuckets()).toEqual(await expected());
      }),
      { numRuns: 60 }
    );
  });
});
