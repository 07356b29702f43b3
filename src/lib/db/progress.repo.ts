/** Card states and the review log. Every grade and every undo touches both tables in one transaction. */
import { v7 as uuidv7 } from 'uuid';
import {
  LEECH_LAPSES,
  newSchedulingState,
  schedulingOf,
  State,
  type CardProgress,
  type RatingValue,
  type ReviewLogEntry,
  type Scheduler
} from '$lib/domain';
import { checkDataVersion, type SeenVersion } from './data-version';
import { db } from './factdeck-db';

// The reads live apart, so that pages that only show progress do not load the scheduler.
export * from './progress-reads.repo';

export interface GradeInput {
  deckId: string;
  cardId: string;
  rating: RatingValue;
  now: Date;
  /** Time the learner spent on the card before grading. */
  elapsedMs: number;
  scheduler: Scheduler;
  /**
   * The stored state the caller expects the card to have (null: none, a new card), such as a study
   * session's copy. With it, the writes go out together with the read instead of after it, which
   * saves a round trip to the database; if the stored state turns out different (another tab graded
   * the card meanwhile), that transaction is rolled back and the grade is made again from what is
   * stored.
   */
  expected?: CardProgress | null;
  /**
   * The data versions the session started from: if the deck was since deleted, imported again,
   * restored or reset, nothing is written and StaleDataError is thrown (data-version.ts).
   */
  seen?: SeenVersion;
}

type Graded = { log: ReviewLogEntry; progress: CardProgress };

/** Thrown inside a grade transaction to roll it back when the expected state was not the stored one. */
class StaleState extends Error {}

/** Grades a card: writes its new state and appends the log row, both or neither. */
export async function gradeCard(input: GradeInput): Promise<Graded> {
  const key: [string, string] = [input.deckId, input.cardId];
  if (input.expected !== undefined) {
    const expected = input.expected;
    try {
      return await db.transaction('rw', db.cardStates, db.reviewLogs, db.dataVersions, async () => {
        const graded = gradeFrom(input, expected ?? undefined);
        // Requests run in order, so the reads see the data before these writes.
        const [current] = await Promise.all([
          db.cardStates.get(key),
          input.seen && checkDataVersion(input.deckId, input.seen),
          db.cardStates.put(graded.progress),
          db.reviewLogs.add(graded.log)
        ]);
        if (!sameRow(current, expected)) throw new StaleState();
        return graded;
      });
    } catch (e) {
      if (!(e instanceof StaleState)) throw e;
    }
  }
  return db.transaction('rw', db.cardStates, db.reviewLogs, db.dataVersions, async () => {
    if (input.seen) await checkDataVersion(input.deckId, input.seen);
    const graded = gradeFrom(input, await db.cardStates.get(key));
    // Both requests at once: the transaction still lands both or neither.
    await Promise.all([db.cardStates.put(graded.progress), db.reviewLogs.add(graded.log)]);
    return graded;
  });
}

/** The state and log row a grade writes, given the card's stored state (undefined: none). */
function gradeFrom(input: GradeInput, current: CardProgress | undefined): Graded {
  const { deckId, cardId, rating, now, scheduler } = input;
  const before = current ? schedulingOf(current) : null;
  const after = scheduler.next(before, now, rating);
  const log: ReviewLogEntry = {
    id: uuidv7({ msecs: now.getTime() }),
    deckId,
    cardId,
    rating,
    reviewedAt: now.getTime(),
    elapsedMs: Math.max(0, Math.round(input.elapsedMs)),
    before,
    stateBefore: before ? before.state : State.New,
    after
  };
  // A lapse that makes the card a leech suspends it, as Anki does.
  const lapsed = before?.state === State.Review && rating === 1;
  const leech = current?.leech || (lapsed && after.lapses >= LEECH_LAPSES);
  const progress: CardProgress = {
    deckId,
    cardId,
    ...after,
    ...(current?.suspended || leech ? { suspended: true } : {}),
    ...(leech ? { leech: true } : {})
  };
  return { log, progress };
}

/** Whether two stored states are the same row, field for field (states are flat records). */
function sameRow(a: CardProgress | undefined, b: CardProgress | null): boolean {
  if (!a || !b) return !a && !b;
  const keys = Object.keys(a) as (keyof CardProgress)[];
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/**
 * Takes back a grade: restores the card's state from before it and removes its log row, in one
 * transaction. Returns the restored state (null for a card that is new again), or undefined when the
 * grade is gone or no longer the card's latest (another tab graded it since). With `seen`, as
 * `gradeCard`'s.
 */
export function undoReview(logId: string, seen?: SeenVersion): Promise<CardProgress | null | undefined> {
  return db.transaction('rw', db.cardStates, db.reviewLogs, db.dataVersions, async () => {
    const log = await db.reviewLogs.get(logId);
    if (!log) return undefined;
    if (seen) await checkDataVersion(log.deckId, seen);
    const current = await db.cardStates.get([log.deckId, log.cardId]);
    if (!current || current.reps !== log.after.reps) return undefined;
    await db.reviewLogs.delete(logId);
    if (!log.before) {
      await db.cardStates.delete([log.deckId, log.cardId]);
      return null;
    }
    // Undoing the lapse that made a card a leech also takes back its automatic suspension.
    const leechBefore = !!current.leech && log.before.lapses >= LEECH_LAPSES;
    const suspended = !!current.suspended && (leechBefore || !current.leech);
    const restored: CardProgress = {
      deckId: log.deckId,
      cardId: log.cardId,
      ...log.before,
      ...(suspended ? { suspended } : {}),
      ...(leechBefore ? { leech: true } : {})
    };
    await db.cardStates.put(restored);
    return restored;
  });
}

/** Suspends or unsuspends a study item; a never-studied item gets a state row that stays new. */
export function setSuspended(deckId: string, cardId: string, suspended: boolean, now: Date): Promise<CardProgress> {
  return db.transaction('rw', db.cardStates, async () => {
    const current = await db.cardStates.get([deckId, cardId]);
    const { suspended: _s, leech, ...rest } = current ?? { deckId, cardId, ...newSchedulingState(now) };
    // Unsuspending a leech clears the mark: the learner has decided to keep studying it.
    const next: CardProgress = suspended ? { ...rest, suspended: true, ...(leech ? { leech } : {}) } : rest;
    await db.cardStates.put(next);
    return next;
  });
}

/** Forgets a study item: it becomes new again and its review history is deleted, in one transaction. */
export function resetCard(deckId: string, cardId: string): Promise<number> {
  return db.transaction('rw', db.cardStates, db.reviewLogs, async () => {
    await db.cardStates.delete([deckId, cardId]);
    return db.reviewLogs.where('[deckId+cardId]').equals([deckId, cardId]).delete();
  });
}
