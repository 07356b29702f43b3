/** One study session of one deck: the queue, the card on screen, grading and undo. */
import {
  countStudied,
  gradeCard,
  requestPersistenceOnce,
  StaleDataError,
  undoReview,
  watchDeckChanges,
  watchDeckLog
} from '$lib/db';
import { syncSoon } from './sync-soon';
import {
  byId,
  own,
  Scheduler,
  schedulingOf,
  State,
  studyDayStart,
  studyItems,
  studyOptionOrder,
  type CardProgress,
  type DataChange,
  type Deck,
  type RatingValue,
  type ReviewLogEntry,
  type StudyItem,
  type StudyQueue
} from '$lib/domain';
import * as t from '$lib/text';
import { systemClock } from './deck-status';
import { failedWrite } from './failed-write';
import { SessionProgress } from './session-progress';
import { VersionFollower } from './version-follower';

interface Graded {
  logId: string;
  itemId: string;
  rating: RatingValue;
  /** State before the grade, to put back in memory on undo (null: the card was new). */
  before: CardProgress | null;
  stateBefore: State;
  /** When the grade makes the card due again (ms). */
  due: number;
}

export class StudySession {
  readonly deck: Deck;
  readonly #items: ReadonlyMap<string, StudyItem>;
  readonly #itemIds: string[];
  readonly #clock: () => Date;
  readonly #changed: Readonly<Record<string, number>>;
  // Not reactive on purpose: the queue is rebuilt explicitly after every change.
  readonly #snapshot: SessionProgress;
  #scheduler: Scheduler | null = null;
  #shownAt = 0;
  /**
   * When the answer was shown: the moment both the grade buttons' intervals and the grade itself are
   * computed from. ts-fsrs seeds its fuzz with the review time, so computing them a few seconds apart
   * could print 28d on Easy and give 25d.
   */
  #answerAt = $state(0);
  #busy = false;
  #reloading = false;
  #reloadAgain = false;
  readonly #versions: VersionFollower;

  loaded = $state(false);
  /**
   * Set when the deck was deleted, imported again, restored or reset (here or in another tab) after
   * this session started: it writes nothing more, and the page starts a new one (data-version.ts).
   */
  changedElsewhere = $state<DataChange | null>(null);
  /** A message for the learner when a grade or undo could not be saved. */
  error = $state<string | null>(null);
  queue = $state.raw<StudyQueue | null>(null);
  revealed = $state(false);
  /** What the learner typed or picked before revealing (typed, choice and true/false cards). */
  response = $state<string | null>(null);
  /** Grades given in this session, newest last. */
  graded = $state.raw<Graded[]>([]);
  /** The learner's setting: swipe left for Again, right for Good. */
  swipeGrading = $state(true);
  /** Read the answer aloud as soon as it shows (Settings). */
  readAnswerAloud = $state(false);
  /** When this session's first card was shown. */
  startedAt = $state(0);

  current = $derived.by((): StudyItem | null => {
    const id = this.queue?.order[0];
    return id ? (this.#items.get(id) ?? null) : null;
  });
  /** The current choice card's options as shown: shuffled, in one order for the card all session. */
  options = $derived.by((): string[] | null => {
    const card = this.current?.card;
    return card?.type === 'choice' && card.options ? studyOptionOrder(card.options, card.id, this.startedAt) : null;
  });
  /** The current card's content changed (re-import) after the learner last reviewed it. */
  currentChanged = $derived.by((): boolean => {
    const item = this.current;
    const changedAt = item ? own(this.#changed, item.card.id) : undefined;
    if (!item || changedAt === undefined) return false;
    const lastReview = this.#snapshot.progress.get(item.id)?.lastReview;
    return lastReview != null && lastReview < changedAt;
  });
  /** Share of this session done, 0..1. */
  progress = $derived.by(() => {
    const left = this.queue?.order.length ?? 0;
    const done = this.graded.length;
    return done + left === 0 ? 1 : done / (done + left);
  });
  /** For each grade, how long until the current card would be due again (ms). */
  intervals = $derived.by(() => {
    const item = this.current;
    if (!item || !this.#scheduler || !this.revealed) return null;
    const p = this.#snapshot.progress.get(item.id);
    return this.#scheduler.previewIntervals(p ? schedulingOf(p) : null, new Date(this.#answerAt));
  });

  /**
   * @param changed cards an import changed, by card id, with the time of that import: the card is
   *   marked "changed since you last studied it" until its next review.
   */
  constructor(deck: Deck, options: { clock?: () => Date; changed?: Readonly<Record<string, number>> } = {}) {
    const { clock = systemClock, changed = {} } = options;
    this.deck = deck;
    this.#changed = changed;
    const items = studyItems(deck);
    this.#items = byId(items);
    this.#itemIds = items.map((i) => i.id);
    this.#clock = clock;
    this.#snapshot = new SessionProgress(deck.id, this.#itemIds, (id) => this.#items.has(id));
    this.#versions = new VersionFollower(deck.id, (change) => (this.changedElsewhere = change));
  }

  /**
   * Loads settings and the progress that can come up today, then builds the queue. The deck's
   * never-studied items are looked for after the first card is shown, unless they could change
   * which card comes first.
   */
  async start(): Promise<void> {
    const now = this.#clock();
    const snap = this.#snapshot;
    // Read before the progress: a change between the two reads makes the session start again.
    await this.#versions.read();
    await snap.load(now);
    this.#scheduler = new Scheduler({ desiredRetention: snap.settings.desiredRetention });
    this.swipeGrading = snap.settings.swipeGrading;
    this.readAnswerAloud = snap.settings.readAnswerAloud;
    this.startedAt = now.getTime();
    if (snap.wantsNewItems && !snap.firstIsSettled(now)) await snap.findNewItems();
    this.#rebuild();
    this.loaded = true;
    if (snap.wantsNewItems) await this.#findNewItems();
  }

  async #findNewItems(): Promise<void> {
    await this.#snapshot.findNewItems();
    this.#rebuild(undefined, true);
  }

  /**
   * Reads again what can come up today: a new study day began during the session, or the deck's rows
   * were changed from elsewhere (sync). A change while reading is read once more after.
   */
  async #reload(): Promise<void> {
    if (this.#reloading) {
      this.#reloadAgain = true;
      return;
    }
    this.#reloading = true;
    try {
      do {
        this.#reloadAgain = false;
        await this.#snapshot.load(this.#clock());
        if (this.#snapshot.wantsNewItems) await this.#snapshot.findNewItems();
      } while (this.#reloadAgain);
    } finally {
      this.#reloading = false;
    }
    this.#rebuild(undefined, true);
  }

  reveal(): void {
    if (!this.current || this.revealed) return;
    this.#answerAt = this.#clock().getTime();
    this.revealed = true;
  }

  /**
   * The learner is back after the page was hidden (phone locked, another app): an answer shown then
   * is graded as of now, and the buttons show the intervals that gives.
   */
  resume(): void {
    if (this.revealed && !this.#busy) this.#answerAt = this.#clock().getTime();
  }

  /** Records the learner's answer and reveals the card. */
  respond(answer: string): void {
    if (!this.current || this.revealed) return;
    this.response = answer;
    this.#answerAt = this.#clock().getTime();
    this.revealed = true;
  }

  async grade(rating: RatingValue): Promise<void> {
    const item = this.current;
    if (!item || !this.revealed || !this.#scheduler || this.#busy || this.changedElsewhere) return;
    this.#busy = true;
    // Graded as of the moment the answer was shown, as its intervals were; the time taken runs to now.
    const at = new Date(this.#answerAt);
    const before = this.#snapshot.progress.get(item.id) ?? null;
    try {
      const { log, progress } = await gradeCard({
        deckId: this.deck.id,
        cardId: item.id,
        rating,
        now: at,
        elapsedMs: Math.max(0, this.#clock().getTime() - this.#shownAt),
        scheduler: this.#scheduler,
        expected: before,
        seen: this.#versions.seen
      });
      this.#snapshot.progress.set(item.id, progress);
      this.#snapshot.noteGrade(item.id, +1);
      this.#count(log.stateBefore, +1);
      const entry = { logId: log.id, itemId: item.id, rating, before, stateBefore: log.stateBefore, due: progress.due };
      this.graded = [...this.graded, entry];
      this.error = null;
      if (this.graded.length === 1) void requestPersistenceOnce().catch(() => {});
      syncSoon();
    } catch (e) {
      if (e instanceof StaleDataError) this.changedElsewhere = e.change;
      else this.error = failedWrite(e, t.study.gradeFailed);
    } finally {
      this.#busy = false;
    }
    this.#rebuild();
  }

  /** Takes back the last grade of this session and shows that card again. */
  async undo(): Promise<void> {
    const last = this.graded.at(-1);
    if (!last || this.#busy || this.changedElsewhere) return;
    this.#busy = true;
    try {
      const restored = await undoReview(last.logId, new Date(), this.#versions.seen);
      if (restored === undefined) {
        this.error = t.study.undoTooLate;
      } else {
        if (restored) this.#snapshot.progress.set(last.itemId, restored);
        else this.#snapshot.progress.delete(last.itemId);
        this.#snapshot.noteGrade(last.itemId, -1);
        this.#count(last.stateBefore, -1);
        this.graded = this.graded.slice(0, -1);
        this.error = null;
        this.#rebuild(last.itemId);
        syncSoon();
      }
    } catch (e) {
      if (e instanceof StaleDataError) this.changedElsewhere = e.change;
      else this.error = failedWrite(e, t.study.undoFailed);
    } finally {
      this.#busy = false;
    }
  }

  get canUndo(): boolean {
    return this.graded.length > 0;
  }

  #count(stateBefore: State, delta: number): void {
    const today = this.#snapshot.today;
    if (stateBefore === State.New) today.newCards += delta;
    else if (stateBefore === State.Review) today.reviews += delta;
  }

  /** Rebuilds the queue; `first` puts a card at the front (the one just undone). */
  #rebuild(first?: string, keepCurrent = false): void {
    const now = this.#clock();
    if (now.getTime() >= this.#snapshot.dayEnd) void this.#reload();
    const queue = this.#snapshot.queue(now);
    if (first) queue.order = [first, ...queue.order.filter((id) => id !== first)];
    const same = keepCurrent && queue.order[0] === this.queue?.order[0];
    this.queue = queue;
    if (same) return; // the card on screen stays as it is, answer shown or not
    this.revealed = false;
    this.response = null;
    this.#shownAt = now.getTime();
  }

  /**
   * Keeps the queue in step with changes made elsewhere while the session is open; returns the
   * function that stops following. Each grade and undo, in any tab, adds or deletes a row of the
   * deck's review log since the study day began; only the rows that changed, and the states of their
   * cards, are read. Records pulled by sync (grades, undos, suspensions, resets, deletions from other
   * devices) raise the deck's change version: then everything that can come up today is read again.
   * A change that removes or replaces the deck's cards or progress here or in another tab (delete,
   * import again, restore, reset, repair) sets `changedElsewhere` instead.
   */
  follow(): () => void {
    const stopVersions = this.#versions.follow();
    const stopLog = this.#followLog();
    const stopChanges = watchDeckChanges(
      this.deck.id,
      () => this.#snapshot.changeVersion,
      () => {
        if (this.loaded && !this.changedElsewhere) void this.#reload();
      },
      (e: unknown) => (this.error = t.study.followFailed(t.common.reason(e)))
    );
    return () => {
      stopVersions();
      stopLog();
      stopChanges();
    };
  }

  #followLog(): () => void {
    /** Today's log rows this session has taken into account, by id. */
    const applied = new Map<string, Pick<ReviewLogEntry, 'cardId' | 'stateBefore'>>();
    const since = () => studyDayStart(this.#clock()).getTime();
    return watchDeckLog(this.deck.id, since, applied, {
      next: ({ added, removed, states }) => {
        // While this tab writes a grade, its own bookkeeping is ahead of any answer in flight; what
        // is skipped here is read again next time, since `applied` has not changed.
        if (this.#busy || !this.loaded || this.changedElsewhere) return;
        for (const id of removed) applied.delete(id);
        for (const log of added) applied.set(log.id, log);
        const snap = this.#snapshot;
        const today = countStudied(applied.values());
        const graded = [...snap.gradedToday].sort().join();
        snap.setGraded(applied.values());
        let changed =
          today.newCards !== snap.today.newCards ||
          today.reviews !== snap.today.reviews ||
          graded !== [...snap.gradedToday].sort().join();
        snap.today = today;
        for (const [id, progress] of states) {
          const known = snap.progress.get(id);
          // Most often this tab's own grade or undo, already applied.
          const same =
            progress?.reps === known?.reps && progress?.due === known?.due && progress?.suspended === known?.suspended;
          if (same) continue;
          snap.set(id, progress);
          changed = true;
        }
        if (changed) this.#rebuild(undefined, true);
      },
      error: (e: unknown) => (this.error = t.study.followFailed(t.common.reason(e)))
    });
  }
}
