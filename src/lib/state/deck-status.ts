/** What a deck looks like to the learner right now: due and new counts, cards by state. */
import { countStudied, deckProgress, loadSettings, logsSince, quizAttempts } from '$lib/db';
import {
  buildQueue,
  limitsFor,
  nextStudyDayStart,
  State,
  studyDayStart,
  studyItems,
  type CardProgress,
  type Deck,
  type QuizAttempt,
  type Settings,
  type StudiedToday,
  type StudyQueue
} from '$lib/domain';

export interface DeckProgressSnapshot {
  settings: Settings;
  /** Stored card states by study item id. */
  progress: Map<string, CardProgress>;
  today: StudiedToday;
  /** Study items graded since the study day began: their siblings are buried (Settings, "Bury siblings"). */
  gradedToday: ReadonlySet<string>;
}

/** The clock the app runs on; tests pass their own. */
export const systemClock = (): Date => new Date();

/** Reads a deck's settings, card states and today's counts from IndexedDB. */
export async function loadDeckProgress(deckId: string, now: Date): Promise<DeckProgressSnapshot> {
  const [settings, stored, logs] = await Promise.all([
    loadSettings(),
    deckProgress(deckId),
    logsSince(deckId, studyDayStart(now).getTime())
  ]);
  return {
    settings,
    progress: new Map(stored.map((p) => [p.cardId, p])),
    today: countStudied(logs),
    gradedToday: new Set(logs.map((l) => l.cardId))
  };
}

/** The study queue for a deck's items given a snapshot of its progress. */
export function queueFor(
  itemIds: readonly string[],
  deckId: string,
  snap: DeckProgressSnapshot,
  now: Date
): StudyQueue {
  return buildQueue({
    itemIds,
    progress: snap.progress,
    now,
    dayEnd: nextStudyDayStart(now).getTime(),
    limits: limitsFor(snap.settings, deckId),
    today: snap.today,
    burySiblings: snap.settings.burySiblings,
    gradedToday: snap.gradedToday
  });
}

export interface DeckStatus {
  queue: StudyQueue;
  /** Suspended items count only as suspended, whatever their scheduling state. */
  byState: { new: number; learning: number; review: number; suspended: number };
  itemCount: number;
}

export async function deckStatus(deck: Deck, now: Date): Promise<DeckStatus> {
  const ids = studyItems(deck).map((i) => i.id);
  const snap = await loadDeckProgress(deck.id, now);
  const byState = { new: 0, learning: 0, review: 0, suspended: 0 };
  for (const id of ids) {
    const p = snap.progress.get(id);
    if (p?.suspended) byState.suspended++;
    else if (!p || p.state === State.New) byState.new++;
    else if (p.state === State.Review) byState.review++;
    else byState.learning++;
  }
  return { queue: queueFor(ids, deck.id, snap, now), byState, itemCount: ids.length };
}

/** What the deck page shows of the learner's progress: the deck's status and its quiz attempts, newest first. */
export async function deckOverview(deck: Deck, now: Date): Promise<{ status: DeckStatus; attempts: QuizAttempt[] }> {
  const [status, attempts] = await Promise.all([deckStatus(deck, now), quizAttempts(deck.id)]);
  return { status, attempts };
}
