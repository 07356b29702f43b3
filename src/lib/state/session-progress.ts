/** What a study session knows of its deck's progress: only what can come up today. */
import {
  countStudied,
  deckChangeVersion,
  firstDueFrom,
  loadSettings,
  logsSince,
  statedItemIds,
  statesDueBefore
} from '$lib/db';
import {
  buildQueue,
  DEFAULT_SETTINGS,
  LEARN_AHEAD_MS,
  limitsFor,
  nextStudyDayStart,
  State,
  studyDayStart,
  type CardProgress,
  type ReviewLogEntry,
  type Settings,
  type StudiedToday,
  type StudyQueue
} from '$lib/domain';
import type { DeckProgressSnapshot } from './deck-status';

/**
 * A study session's view of a deck's progress: only the items that can come up before the study day
 * ends, so that neither starting a session nor grading reads every state of a 100,000-card deck.
 * Those items (the candidates) are the ones with a state due before the day ends (plus the learn-ahead
 * window), the ones never studied, and any whose state the session has seen change. Every other item
 * is scheduled for a later day and only counts for `nextDueAt`.
 */
export class SessionProgress implements DeckProgressSnapshot {
  settings: Settings = DEFAULT_SETTINGS;
  /** Stored states of the candidates, by study item id. */
  progress = new Map<string, CardProgress>();
  today: StudiedToday = { newCards: 0, reviews: 0 };
  /** The deck's change version these rows were read at (`deckChangeVersion`). */
  changeVersion = 0;
  /** Start of the study day after the one this view was read for: past it, read again. */
  dayEnd = 0;
  /** Whether the items never studied have been looked for yet (see `findNewItems`). */
  newItemsKnown = false;
  /** How many times each study item was graded since the study day began. */
  readonly #gradedCounts = new Map<string, number>();
  readonly #deckId: string;
  readonly #itemIds: readonly string[];
  readonly #isItem: (itemId: string) => boolean;
  #candidates = new Set<string>();
  /** The candidates in deck order; rebuilt only when one is added. */
  #ordered: string[] | null = null;
  #laterDue: number | null = null;

  constructor(deckId: string, itemIds: readonly string[], isItem: (itemId: string) => boolean) {
    this.#deckId = deckId;
    this.#itemIds = itemIds;
    this.#isItem = isItem;
  }

  /**
   * Reads settings, today's counts and the states due before the day ends, and when the first of the
   * others is due. Items never studied are not known yet: `findNewItems` adds them.
   */
  async load(now: Date): Promise<void> {
    const deckId = this.#deckId;
    const dayEnd = nextStudyDayStart(now).getTime();
    // Learning cards due just after the day ends may still be shown early (learn ahead) before it does.
    const horizon = dayEnd + LEARN_AHEAD_MS;
    const [changes, settings, logs, due, laterDue] = await Promise.all([
      deckChangeVersion(deckId),
      loadSettings(),
      logsSince(deckId, studyDayStart(now).getTime()),
      statesDueBefore(deckId, horizon),
      // A state row kept for a never-studied card is new, whatever its due date: it is created due
      // at once (and so is in `due` above) and never counts for the next due time.
      firstDueFrom(deckId, horizon, (p) => !p.suspended && p.state !== State.New && this.#isItem(p.cardId))
    ]);
    this.changeVersion = changes;
    this.settings = settings;
    this.today = countStudied(logs);
    this.setGraded(logs);
    this.dayEnd = dayEnd;
    this.#laterDue = laterDue;
    this.progress = new Map(due.map((p) => [p.cardId, p]));
    this.#candidates = new Set(this.progress.keys());
    this.#ordered = null;
    this.newItemsKnown = false;
  }

  /** Whether new cards can still be introduced today, so that finding the never-studied items matters. */
  get wantsNewItems(): boolean {
    return !this.newItemsKnown && limitsFor(this.settings, this.#deckId).newPerDay > this.today.newCards;
  }

  /**
   * Adds the deck's items that have no stored state (never studied) to the candidates. This reads
   * every key of the deck's states (not the rows), so a session does it after showing its first card.
   */
  async findNewItems(): Promise<void> {
    const stated = new Set(await statedItemIds(this.#deckId));
    for (const id of this.#itemIds) if (!stated.has(id)) this.#candidates.add(id);
    this.#ordered = null;
    this.newItemsKnown = true;
  }

  /**
   * Whether the first card of `queue(now)` stays first once the never-studied items are known: it
   * does when it is a learning card due by now or a review due today, which come before any new card.
   * A new card, or a learning card shown early because nothing else seemed left, might not.
   */
  firstIsSettled(now: Date): boolean {
    if (this.newItemsKnown) return true;
    const first = this.queue(now).order[0];
    const p = first === undefined ? undefined : this.progress.get(first);
    return !!p && (p.state === State.Review || (p.state !== State.New && p.due <= now.getTime()));
  }

  /** Study items graded since the study day began. */
  get gradedToday(): ReadonlySet<string> {
    return new Set(this.#gradedCounts.keys());
  }

  /** Takes today's grades from the day's log rows (read at load, or followed across tabs). */
  setGraded(logs: Iterable<Pick<ReviewLogEntry, 'cardId'>>): void {
    this.#gradedCounts.clear();
    for (const { cardId } of logs) this.noteGrade(cardId, +1);
  }

  /** A grade of `itemId` made (+1) or undone (-1) in this session. */
  noteGrade(itemId: string, delta: 1 | -1): void {
    const n = (this.#gradedCounts.get(itemId) ?? 0) + delta;
    if (n > 0) this.#gradedCounts.set(itemId, n);
    else this.#gradedCounts.delete(itemId);
  }

  /** Records a state read or written since `load` (null: the item has none, it is new again). */
  set(itemId: string, progress: CardProgress | null): void {
    if (progress) this.progress.set(itemId, progress);
    else this.progress.delete(itemId);
    if (!this.#candidates.has(itemId) && this.#isItem(itemId)) {
      this.#candidates.add(itemId);
      this.#ordered = null;
    }
  }

  /** The study queue now, built over the candidates only. */
  queue(now: Date): StudyQueue {
    this.#ordered ??= this.#itemIds.filter((id) => this.#candidates.has(id));
    return buildQueue({
      itemIds: this.#ordered,
      progress: this.progress,
      now,
      dayEnd: nextStudyDayStart(now).getTime(),
      limits: limitsFor(this.settings, this.#deckId),
      today: this.today,
      laterDue: this.#laterDue,
      burySiblings: this.settings.burySiblings,
      gradedToday: this.gradedToday
    });
  }
}
