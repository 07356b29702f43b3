/** Card states and the review log. Every grade and every undo touches both tables in one transaction. */
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import {
  LEECH_LAPSES,
  newSchedulingState,
  schedulingOf,
  State,
  type CardProgress,
  type RatingValue,
  type ReviewLogEntry,
  type Scheduler,
  type StudiedToday
} from '$lib/domain';
import { db } from './factdeck-db';

export interface GradeInput {
  deckId: string;
  cardId: string;
  rating: RatingValue;
  now: Date;
  /** Time the learner spent on the card before grading. */
  elapsedMs: number;
  scheduler: Scheduler;
}

/** Grades a card: writes its new state and appends the log row, both or neither. */
export function gradeCard(input: GradeInput): Promise<{ log: ReviewLogEntry; progress: CardProgress }> {
  const { deckId, cardId, rating, now, scheduler } = input;
  return db.transaction('rw', db.cardStates, db.reviewLogs, async () => {
    const current = await db.cardStates.get([deckId, cardId]);
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
    await db.cardStates.put(progress);
    await db.reviewLogs.add(log);
    return { log, progress };
  });
}

/**
 * Takes back a grade: restores the card's state from before it and removes its log row, in one
 * transaction. Returns the restored state (null for a card that is new again), or undefined when the
 * grade is gone or no longer the card's latest (another tab graded it since).
 */
export function undoReview(logId: string): Promise<CardProgress | null | undefined> {
  return db.transaction('rw', db.cardStates, db.reviewLogs, async () => {
    const log = await db.reviewLogs.get(logId);
    if (!log) return undefined;
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

/** Every stored card state of a deck. */
export function deckProgress(deckId: string): Promise<CardProgress[]> {
  return db.cardStates.where('[deckId+due]').between([deckId, Dexie.minKey], [deckId, Dexie.maxKey]).toArray();
}

/** New cards introduced and reviews done in a deck since `dayStart` (epoch ms). */
export async function studiedSince(deckId: string, dayStart: number): Promise<StudiedToday> {
  const counts = { newCards: 0, reviews: 0 };
  await db.reviewLogs
    .where('[deckId+reviewedAt]')
    .between([deckId, dayStart], [deckId, Dexie.maxKey])
    .each((log) => {
      if (log.stateBefore === State.New) counts.newCards++;
      else if (log.stateBefore === State.Review) counts.reviews++;
    });
  return counts;
}

/** Review log rows of one card, oldest first. */
export function cardLogs(deckId: string, cardId: string): Promise<ReviewLogEntry[]> {
  return db.reviewLogs.where('[deckId+cardId]').equals([deckId, cardId]).sortBy('reviewedAt');
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
