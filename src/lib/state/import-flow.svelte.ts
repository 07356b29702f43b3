/** An import on the import page: read a file or pasted text, preview it, then save it in one go. */
import { listImportedDecks, planImport, saveImportedDeck, type ImportPlan } from '$lib/db';
import { deckIdTaken, type Deck } from '$lib/domain';
import { readSharedPayload } from '$lib/domain/share-link';
import type { ImportFormat, ImportResult } from '$lib/domain/import';
import * as t from '$lib/text';
import { systemClock } from './deck-status';
import { failedWrite } from './failed-write';

/** The largest file read at all (the parser's own limit, checked before reading the bytes). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export interface ImportSourceText {
  text?: string;
  bytes?: ArrayBuffer;
  fileName?: string;
  size?: number;
}

export interface ImportChoices {
  format: ImportFormat | 'auto';
  title: string;
  language: string;
  termSeparator: string;
  cardSeparator: string;
}

type Parse = (
  request: { input: Record<string, unknown>; bytes?: ArrayBuffer },
  onProgress: (fraction: number) => void
) => Promise<ImportResult>;

export class ImportFlow {
  readonly #parse: Parse;
  readonly #builtInIds: ReadonlySet<string>;
  readonly #builtInTitles: ReadonlyMap<string, string>;
  #source: ImportSourceText | null = null;
  /** Counts previews, so that only the latest one's result is shown when several overlap. */
  #previews = 0;
  /** Titles of the other decks on this device, by deck id. */
  #titles = $state.raw<ReadonlyMap<string, string>>(new Map());

  choices = $state<ImportChoices>({ format: 'auto', title: '', language: 'en', termSeparator: '', cardSeparator: '' });
  busy = $state(false);
  progress = $state(0);
  result = $state.raw<ImportResult | null>(null);
  plan = $state.raw<ImportPlan | null>(null);
  /** The learner agreed to delete the progress of cards the new version removes. */
  deleteRemoved = $state(false);
  /** A message that applies to the whole import (file too large, save failed...). */
  error = $state<string | null>(null);
  /** Set when the deck's id had to change because a built-in deck has it. */
  renamedFrom = $state<string | null>(null);
  fileName = $state<string | null>(null);

  deck = $derived.by((): Deck | null => {
    const deck = this.result?.deck;
    if (!deck) return null;
    const title = this.choices.title.trim();
    return title && title !== deck.title ? { ...deck, title } : deck;
  });
  canImport = $derived(!!this.deck && !this.busy && (this.result?.problems.length ?? 1) === 0);
  /** Rows of the file left out of the deck, each with why; the rest imports. */
  skipped = $derived(this.result?.deck ? (this.result.skipped ?? []) : []);
  /** Another deck on this device already has this title: the learner could not tell them apart. */
  sameTitle = $derived.by((): string | null => {
    const deck = this.deck;
    if (!deck) return null;
    const title = deck.title.trim().toLocaleLowerCase();
    for (const [id, other] of this.#titles)
      if (id !== deck.id && other.trim().toLocaleLowerCase() === title) return other;
    return null;
  });
  /**
   * Whether the file may be Quizlet text with separators of its own: chosen as Quizlet, or read as
   * Quizlet because nothing else fitted. The separator fields show then.
   */
  quizletSeparators = $derived(
    this.choices.format === 'quizlet' || (this.choices.format === 'auto' && this.result?.format === 'quizlet')
  );

  /** @param builtInTitles the built-in decks' titles by id, to warn when an import takes one's title. */
  constructor(parse: Parse, builtInIds: Iterable<string>, builtInTitles: ReadonlyMap<string, string> = new Map()) {
    this.#parse = parse;
    this.#builtInIds = new Set(builtInIds);
    this.#builtInTitles = builtInTitles;
  }

  /** Reads a picked or dropped file (refusing huge ones before reading them) and previews it. */
  async useFile(file: File): Promise<void> {
    this.fileName = file.name;
    if (file.size > MAX_IMPORT_BYTES) {
      this.#fail(t.import.tooLarge(file.name, (file.size / 1024 / 1024).toFixed(1)));
      return;
    }
    this.#source = { bytes: await file.arrayBuffer(), fileName: file.name, size: file.size };
    this.choices.title = '';
    await this.preview();
  }

  /**
   * Whether text about to be pasted is small enough to go in the paste box. A text over the limit is
   * refused before the box holds it (a 12 MB paste kept the page busy for minutes), saying why.
   */
  acceptsPaste(text: string): boolean {
    // Cheap first: a text this short is under the limit in any encoding.
    if (text.length * 3 <= MAX_IMPORT_BYTES) return true;
    const size = new Blob([text]).size;
    if (size <= MAX_IMPORT_BYTES) return true;
    this.fileName = null;
    this.#fail(t.import.pasteTooLarge((size / 1024 / 1024).toFixed(1)));
    return false;
  }

  /**
   * Previews the deck a shared link carries (the payload of its `#deck=` fragment). A link that is
   * damaged, foreign or too large says so and previews nothing.
   */
  async useSharedLink(payload: string): Promise<void> {
    this.busy = true;
    this.fileName = null;
    this.#source = null;
    this.error = null;
    try {
      const read = await readSharedPayload(payload);
      if (!read.ok) {
        this.#fail(t.share.problem(read.problem));
        return;
      }
      this.choices.title = '';
      this.choices.format = 'auto';
      this.fileName = t.share.fromLink;
      // Named as the file it was made from, so it is read as a Factdeck deck.
      this.#source = { text: read.value, fileName: 'shared.deck.yaml', size: new Blob([read.value]).size };
    } finally {
      this.busy = false;
    }
    await this.preview();
  }

  /** Says why there is nothing to preview (a shared file that never arrived). */
  showProblem(message: string): void {
    this.#fail(message);
  }

  /** Previews pasted text. */
  async useText(text: string): Promise<void> {
    this.fileName = null;
    this.#source = { text, size: new Blob([text]).size };
    await this.preview();
  }

  /** Parses the current file or text with the current choices and shows what would be imported. */
  async preview(): Promise<void> {
    const source = this.#source;
    if (!source) return;
    const run = ++this.#previews;
    this.busy = true;
    this.progress = 0;
    this.error = null;
    try {
      const c = this.choices;
      const input: Record<string, unknown> = {
        text: source.text,
        fileName: source.fileName,
        size: source.size,
        title: c.title.trim() || undefined,
        language: c.language.trim() || 'en',
        ...(c.format === 'auto' ? {} : { format: c.format }),
        ...(c.termSeparator ? { termSeparator: c.termSeparator } : {}),
        ...(c.cardSeparator ? { cardSeparator: c.cardSeparator } : {})
      };
      // The worker gets a copy: the file can be previewed again with other choices.
      const bytes = source.bytes?.slice(0);
      const result = await this.#parse({ input, bytes }, (f) => (this.progress = f));
      if (run !== this.#previews) return; // a newer preview (another separator typed) is under way
      const deck = this.#avoidBuiltInIds(result).deck;
      const [plan, imported] = await Promise.all([deck ? planImport(deck) : null, listImportedDecks()]);
      if (run !== this.#previews) return;
      this.result = this.#avoidBuiltInIds(result);
      if (!this.choices.title && this.result.deck) this.choices.title = this.result.deck.title;
      this.plan = plan;
      this.#titles = new Map([...this.#builtInTitles, ...imported.map((r) => [r.id, r.deck.title] as const)]);
      this.deleteRemoved = false;
    } catch (e) {
      if (run === this.#previews) this.#fail(t.import.readFailed(t.common.reason(e)));
    } finally {
      if (run === this.#previews) this.busy = false;
    }
  }

  /** Saves the previewed deck in one transaction; returns its id, or null if nothing was saved. */
  async save(now: Date = systemClock()): Promise<string | null> {
    const deck = this.deck;
    if (!deck || !this.canImport) return null;
    this.busy = true;
    try {
      await saveImportedDeck(deck, {
        fileName: this.fileName,
        format: this.result!.format,
        now,
        deleteRemovedProgress: this.deleteRemoved
      });
      return deck.id;
    } catch (e) {
      this.error = failedWrite(e, t.import.saveFailed);
      return null;
    } finally {
      this.busy = false;
    }
  }

  #fail(message: string) {
    this.error = message;
    this.result = null;
    this.plan = null;
  }

  /**
   * A deck may not take the id of a built-in deck, or a reserved one (`index`): it gets "-imported"
   * added, the same way every time.
   */
  #avoidBuiltInIds(result: ImportResult): ImportResult {
    const deck = result.deck;
    this.renamedFrom = null;
    if (!deck || !deckIdTaken(deck.id, this.#builtInIds)) return result;
    this.renamedFrom = deck.id;
    return { ...result, deck: { ...deck, id: `${deck.id}-imported` } };
  }
}
