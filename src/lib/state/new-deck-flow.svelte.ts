/**
 * The new-deck page: an empty deck, or a deck drafted from an article, reviewed card by card,
 * then saved like an imported deck (one transaction, with its source) or downloaded as a file.
 */
import { listImportedDecks, saveImportedDeck } from '$lib/db';
import type { Card, Deck } from '$lib/domain';
import { decodeText, type TextEncodingName } from '$lib/domain/decode-text';
import {
  articleText,
  draftDeck,
  draftSource,
  htmlArticle,
  type DraftInput,
  type DraftResult,
  type SourceFields
} from '$lib/domain/draft';
import type { DeckIssue } from '$lib/domain/deck-check';
import * as t from '$lib/text';
import { downloadDeck } from './deck-files';
import { failedWrite } from './failed-write';
import { systemClock } from './deck-status';

/** What drafts: the page's Web Worker (a stand-in in tests). */
export interface Drafter {
  warm(): void;
  draft(input: DraftInput, onProgress: (fraction: number) => void): Promise<DraftResult>;
}

export interface ReviewCard {
  /** Stable within one draft, for keyed lists and field ids. */
  key: number;
  card: Card;
  keep: boolean;
  paragraph: number;
  sentence: string;
}

/** Deck ids a new deck never takes: the new-deck page itself, and the list of decks. */
const RESERVED_IDS = new Set(['new', 'index']);
/** The largest article file read (a long article is well under 1 MB of text). */
export const MAX_ARTICLE_BYTES = 5 * 1024 * 1024;

export class NewDeckFlow {
  readonly #drafter: Drafter;
  readonly #builtInIds: ReadonlySet<string>;

  // The article and its source.
  text = $state('');
  fields = $state<SourceFields>({ title: '', author: '', publisher: '', date: '', url: '' });
  fileName = $state<string | null>(null);
  /** How the opened file was read, when it was not UTF-8. */
  fileEncoding = $state<Exclude<TextEncodingName, 'utf-8'> | null>(null);

  // Drafting.
  busy = $state(false);
  progress = $state(0);
  /** Why nothing could be drafted, or why saving failed. */
  error = $state<string | null>(null);
  paragraphs = $state.raw<string[]>([]);
  drafted = $state(false);
  #sourceId = '';

  // The review.
  cards = $state<ReviewCard[]>([]);
  deckTitle = $state('');
  #check = $state.raw<((deck: Deck) => DeckIssue[]) | null>(null);

  constructor(drafter: Drafter, builtInIds: Iterable<string>) {
    this.#drafter = drafter;
    this.#builtInIds = new Set(builtInIds);
  }

  /** The deck the kept cards make, with the source as the fields now say. */
  deck = $derived.by((): Deck => {
    const source = { ...draftSource(this.fields, this.paragraphs.length), id: this.#sourceId || 'article' };
    const deck = draftDeck(
      source,
      this.kept.map((c) => c.card)
    );
    return { ...deck, title: this.deckTitle.trim() || source.title };
  });
  kept = $derived(this.cards.filter((c) => c.keep));
  /** Every problem the deck schema finds in the deck to be saved. */
  issues = $derived(this.#check ? this.#check(this.deck) : []);
  /** Problems with the deck as a whole (its source, title…), not with one card, in words. */
  deckIssues = $derived(
    this.issues
      .filter((i) => i.card === undefined)
      .map((i) => ({ where: i.where, message: t.problems.schemaIssue(i.issue) }))
  );
  canSave = $derived(!this.busy && this.drafted && this.kept.length > 0 && this.issues.length === 0);

  /** The problems of one kept card, by field. */
  cardIssues(key: number): { field: string; message: string }[] {
    const index = this.kept.findIndex((c) => c.key === key);
    return this.issues
      .filter((i) => i.card === index)
      .map((i) => ({ field: i.field, message: t.problems.schemaIssue(i.issue) }));
  }

  /** Starts loading the drafting engine, so it is ready by the time the article is in. */
  warm(): void {
    this.#drafter.warm();
  }

  /**
   * Reads an opened `.txt`, `.md` or `.html` file into the article text. A web page is parsed by the
   * browser into an inert document (nothing in it runs or loads) and reduced to its article's words;
   * fields the teacher left empty are filled from what the file says about itself.
   */
  async openFile(file: File): Promise<void> {
    this.error = null;
    if (file.size > MAX_ARTICLE_BYTES) {
      this.error = t.newDeck.fileTooLarge(file.name);
      return;
    }
    const { text: raw, encoding } = decodeText(await file.arrayBuffer());
    const name = file.name.toLowerCase();
    let text = raw;
    let meta: Partial<SourceFields> = {};
    if (/\.html?$/.test(name) || file.type === 'text/html') {
      ({ text, meta } = htmlArticle(new DOMParser().parseFromString(raw, 'text/html')));
    } else if (/\.(md|markdown)$/.test(name) || file.type === 'text/markdown') {
      const read = articleText(raw, 'markdown');
      text = read.paragraphs.join('\n\n');
      meta = read.meta;
    }
    this.fileName = file.name;
    this.fileEncoding = encoding === 'utf-8' ? null : encoding;
    this.text = text;
    for (const [key, value] of Object.entries(meta) as [keyof SourceFields, string][])
      if (!this.fields[key].trim() && value) this.fields[key] = value;
  }

  /** Drafts cards from the article in the worker, then shows them for review. */
  async draft(): Promise<void> {
    this.busy = true;
    this.progress = 0;
    this.error = null;
    try {
      const [result, check] = await Promise.all([
        this.#drafter.draft({ text: this.text, source: { ...this.fields } }, (f) => (this.progress = f)),
        this.#check ? Promise.resolve(this.#check) : import('$lib/domain/deck-check').then((m) => m.checkDeck)
      ]);
      this.#check = check;
      this.paragraphs = result.paragraphs;
      if (result.problems.length) {
        this.error = result.problems.map((p) => t.newDeck.problem(p)).join(' ');
        this.drafted = false;
        this.cards = [];
        return;
      }
      this.#sourceId = result.source.id;
      this.deckTitle = this.fields.title.trim();
      this.cards = result.cards.map((c, key) => ({
        key,
        card: c.card,
        keep: true,
        paragraph: c.paragraph,
        sentence: c.sentence
      }));
      this.drafted = true;
    } catch (e) {
      this.error = t.newDeck.draftFailed(t.common.reason(e));
    } finally {
      this.busy = false;
    }
  }

  keepAll(keep: boolean): void {
    for (const c of this.cards) c.keep = keep;
  }

  /** Saves the reviewed deck in one transaction with its source; returns its id, or null. */
  async save(now: Date = systemClock()): Promise<string | null> {
    if (!this.canSave) return null;
    this.busy = true;
    this.error = null;
    try {
      // A plain copy: IndexedDB cannot store the reactive proxies the review edits.
      const deck = { ...$state.snapshot(this.deck), id: await this.#freeId(this.deck.id) };
      await saveImportedDeck(deck, { fileName: this.fileName, format: 'draft', now, deleteRemovedProgress: false });
      return deck.id;
    } catch (e) {
      this.error = failedWrite(e, t.newDeck.saveFailed);
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** The reviewed deck as a `.deck.yaml` file for `content/`. */
  download(): Promise<void> {
    return downloadDeck(this.deck, 'yaml');
  }

  /** `id`, or `id-2`, `id-3`…: never a built-in deck's, another deck's on this device, or a page's. */
  async #freeId(id: string): Promise<string> {
    const taken = new Set([...this.#builtInIds, ...RESERVED_IDS, ...(await listImportedDecks()).map((d) => d.id)]);
    let free = id;
    for (let n = 2; taken.has(free); n++) free = `${id}-${n}`;
    return free;
  }
}

/** The empty-deck form: a title, a description and a language, then cards added in the editor. */
export class EmptyDeckForm {
  readonly #builtInIds: ReadonlySet<string>;
  title = $state('');
  description = $state('');
  language = $state('en');
  busy = $state(false);
  error = $state<string | null>(null);

  constructor(builtInIds: Iterable<string>) {
    this.#builtInIds = new Set(builtInIds);
  }

  /** Creates the deck with no cards; returns its id, or null. */
  async create(now: Date = systemClock()): Promise<string | null> {
    const title = this.title.trim();
    if (!title) {
      this.error = t.newDeck.titleNeeded;
      return null;
    }
    if (!/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(this.language.trim())) {
      this.error = t.newDeck.languageNeeded;
      return null;
    }
    this.busy = true;
    this.error = null;
    try {
      const { slugify } = await import('$lib/domain/import/card-ids');
      const base = slugify(title, 60) || 'deck';
      const taken = new Set([...this.#builtInIds, ...RESERVED_IDS, ...(await listImportedDecks()).map((d) => d.id)]);
      let id = base;
      for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
      const deck: Deck = {
        id,
        title,
        description: this.description.trim() || title,
        language: this.language.trim(),
        tags: [],
        cards: []
      };
      await saveImportedDeck(deck, { fileName: null, format: 'new', now, deleteRemovedProgress: false });
      return id;
    } catch (e) {
      this.error = failedWrite(e, t.newDeck.saveFailed);
      return null;
    } finally {
      this.busy = false;
    }
  }
}
