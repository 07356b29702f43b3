/**
 * Checking a device's progress against its review history ("Check data" in Settings). The review log
 * is the record of what the learner did; a card state is derived from it (`reps` equals its number of
 * rows, the fields equal the newest row's `after`). So a state that disagrees is rebuilt from the log,
 * and the log is never shortened: rows that cannot be used are kept and reported. Pure: the decks on
 * the device, the rows and the scheduler come in from the caller, the rows to write go out.
 */
import { byReviewTime, isPossibleState, replayLog, sameScheduling } from './log-replay';
import { isGradableTime, schedulingOf, type CardProgress, type ReviewLogEntry } from './progress';
import { newSchedulingState, RATINGS, type Scheduler } from './scheduler';

/** Why a state was rebuilt from its log. */
export type RebuildReason =
  /** There was no state, only reviews. */
  | 'missing'
  /** Its review count differed from its number of log rows. */
  | 'reps'
  /** It differed from what its newest review recorded. */
  | 'log'
  /** It, or a row of its log, held values ts-fsrs cannot produce (NaN, negative stability, unknown state...). */
  | 'values';

export type IntegrityFinding =
  /** Rebuilt from the card's `reviews` usable log rows; `recomputed` of them had their before/after recomputed. */
  | { kind: 'rebuilt'; deckId: string; cardId: string; reason: RebuildReason; reviews: number; recomputed: number }
  /** A state with no review behind it that was impossible or claimed reviews: the card is new again. */
  | { kind: 'reset'; deckId: string; cardId: string }
  /** Progress of a card that no deck on this device has (deleted, or imported elsewhere): kept. */
  | { kind: 'unknown-card'; deckId: string; cardId: string; reviews: number }
  /** A log row with no usable rating or time: kept as it is, left out of the card's state. */
  | { kind: 'unusable-log'; logId: string; deckId: string; cardId: string };

export interface IntegrityInput {
  /** Every deck on this device (built in or imported): its study item ids, by deck id. */
  decks: ReadonlyMap<string, ReadonlySet<string>>;
  cardStates: readonly CardProgress[];
  reviewLogs: readonly ReviewLogEntry[];
  scheduler: Scheduler;
  /** The time a reset card is new as of. */
  now: Date;
}

export interface IntegrityReport {
  /** What was wrong and is repaired by writing the rows below. */
  repaired: IntegrityFinding[];
  /** What is reported but left as it is. A second check reports these again, and repairs nothing. */
  kept: IntegrityFinding[];
  /** Card states to put: rebuilt, added or reset. */
  cardStates: CardProgress[];
  /** Log rows to put (same ids): those whose before/after were recomputed. None is ever removed. */
  reviewLogs: ReviewLogEntry[];
  checked: { cardStates: number; reviewLogs: number };
}

const keyOf = (r: { deckId: string; cardId: string }) => `${r.deckId}\u0000${r.cardId}`;

/** Findings in a stable order, whatever order the rows were read in: by deck, card, then kind. */
function byCard(a: IntegrityFinding, b: IntegrityFinding): number {
  const ka = `${a.deckId}\u0000${a.cardId}\u0000${a.kind}`;
  const kb = `${b.deckId}\u0000${b.cardId}\u0000${b.kind}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * A row the replay can use: a known rating, a time whose next due date is still a date (so a
 * rebuilt state is possible and a second check finds it sound), and the keys it is stored under.
 */
function usable(log: ReviewLogEntry): boolean {
  return (
    typeof log.deckId === 'string' &&
    typeof log.cardId === 'string' &&
    typeof log.id === 'string' &&
    (RATINGS as readonly number[]).includes(log.rating) &&
    isGradableTime(log.reviewedAt)
  );
}

/** Keeps the learner's marks (suspended, leech) on a rebuilt state, the way a backup merge does. */
function withMarks(rebuilt: CardProgress, old: CardProgress | undefined, leech: boolean): CardProgress {
  const isLeech = leech || !!old?.leech;
  return {
    ...rebuilt,
    ...(old?.suspended || isLeech ? { suspended: true } : {}),
    ...(isLeech ? { leech: true } : {})
  };
}

/** Finds every state that disagrees with its log and what repairs it; changes nothing itself. */
export function checkIntegrity(input: IntegrityInput): IntegrityReport {
  const repaired: IntegrityFinding[] = [];
  const kept: IntegrityFinding[] = [];
  const cardStates: CardProgress[] = [];
  const reviewLogs: ReviewLogEntry[] = [];

  const logsByCard = new Map<string, ReviewLogEntry[]>();
  for (const log of input.reviewLogs) {
    if (!usable(log)) {
      kept.push({
        kind: 'unusable-log',
        logId: String(log.id),
        deckId: String(log.deckId),
        cardId: String(log.cardId)
      });
      continue;
    }
    const list = logsByCard.get(keyOf(log));
    if (list) list.push(log);
    else logsByCard.set(keyOf(log), [log]);
  }
  const states = new Map(input.cardStates.map((s) => [keyOf(s), s]));

  for (const key of new Set([...states.keys(), ...logsByCard.keys()])) {
    const state = states.get(key);
    const logs = (logsByCard.get(key) ?? []).sort(byReviewTime);
    const { deckId, cardId } = state ?? logs[0];
    if (!input.decks.get(deckId)?.has(cardId))
      kept.push({ kind: 'unknown-card', deckId, cardId, reviews: logs.length });

    if (logs.length === 0) {
      // Only a card suspended before its first review has a state and no log.
      if (state && (state.reps !== 0 || !isPossibleState(schedulingOf(state)))) {
        repaired.push({ kind: 'reset', deckId, cardId });
        cardStates.push(withMarks({ deckId, cardId, ...newSchedulingState(input.now) }, state, false));
      }
      continue;
    }
    const reason: RebuildReason | null = !state
      ? 'missing'
      : !isPossibleState(schedulingOf(state)) || logs.some((l) => !isPossibleState(l.after))
        ? 'values'
        : state.reps !== logs.length
          ? 'reps'
          : !sameScheduling(state, logs[logs.length - 1].after)
            ? 'log'
            : null;
    if (!reason) continue;
    const replayed = replayLog(logs, input.scheduler);
    const recomputed = replayed.rows.filter((row, i) => row !== logs[i]);
    reviewLogs.push(...recomputed);
    cardStates.push(withMarks({ deckId, cardId, ...replayed.state }, state, replayed.leech));
    repaired.push({ kind: 'rebuilt', deckId, cardId, reason, reviews: logs.length, recomputed: recomputed.length });
  }

  return {
    repaired: repaired.sort(byCard),
    kept: kept.sort(byCard),
    cardStates,
    reviewLogs,
    checked: { cardStates: input.cardStates.length, reviewLogs: input.reviewLogs.length }
  };
}
