/**
 * Importing an Anki package on the import page: read it in the worker, show its decks, media and
 * history, then save it all in one transaction once the learner confirms.
 */
import { listImportedDecks, loadSettings, planImport, saveAnkiImport, type ImportPlan } from '$lib/db';
import { Scheduler, type Deck } from '$lib/domain';
import type { PackageRead, PackageRequest } from '$lib/domain/import/anki-package';
import * as t from '$lib/text';
import { systemClock } from './deck-status';
import { failedWrite } from './failed-write';

/** Anki's package extensions: these files are read as zips, never as text. */
export const PACKAGE_FILE = /\.(?:apkg|colpkg)$/i;
/** Largest package read at all (the reader's own limit, checked before reading the bytes). */
export const MAX_PACKAGE_BYTES = 200 * 1024 * 1024;

type ReadPackage = (
  bytes: ArrayBuffer,
  request: PackageRequest,
  onProgress: (fraction: number) => void
) => Promise<PackageRead>;

export interface StorageEstimate {
  /** Bytes the import will add: media not stored yet, decks and history, roughly. */
  needed: number;
  /** Bytes the browser says are left for this site; null when it does not say. */
  available: number | null;
}

export class AnkiImport {
  readonly #read: ReadPackage;
  readonly #builtInIds: ReadonlySet<string>;
  readonly #builtInTitles: ReadonlyMap<string, string>;
  /** Every deck's title on the device, by id, read with the package. */
  #titles = $state.raw<ReadonlyMap<string, string>>(new Map());

  busy = $state(false);
  progress = $state(0);
  read = $state.raw<PackageRead | null>(null);
  plans = $state.raw<ImportPlan[]>([]);
  estimate = $state.raw<StorageEstimate | null>(null);
  /** "Keep my Anki review history" (on by default: FSRS then starts from the learner's real history). */
  keepHistory = $state(true);
  deleteRemoved = $state(false);
  error = $state<string | null>(null);
  fileName = $state<string | null>(null);

  /** The decks to import, with ids a built-in deck uses given "-imported", as text imports do. */
  decks = $derived.by((): Deck[] =>
    (this.read?.result.decks ?? []).map(({ deck }) =>
      this.#builtInIds.has(deck.id) ? { ...deck, id: `${deck.id}-imported` } : deck
    )
  );
  problems = $derived(this.read?.result.problems ?? []);
  reviews = $derived(this.read?.result.decks.reduce((n, d) => n + d.reviews.length, 0) ?? 0);
  mediaBytes = $derived(this.read?.result.media.reduce((n, m) => n + m.bytes.length, 0) ?? 0);
  tooBig = $derived(
    !!this.estimate && this.estimate.available !== null && this.estimate.needed > this.estimate.available
  );
  /** For each deck to import, the title of another deck on the device it shares, or null. */
  sameTitles = $derived(
    this.decks.map((deck) => {
      const title = deck.title.trim().toLocaleLowerCase();
      for (const [id, other] of this.#titles)
        if (id !== deck.id && other.trim().toLocaleLowerCase() === title) return other;
      return null;
    })
  );
  canImport = $derived(!!this.decks.length && !this.problems.length && !this.busy && !this.tooBig);

  /** @param builtInTitles the built-in decks' titles by id, to warn when an import takes one's title. */
  constructor(read: ReadPackage, builtInIds: Iterable<string>, builtInTitles: ReadonlyMap<string, string> = new Map()) {
    this.#read = read;
    this.#builtInIds = new Set(builtInIds);
    this.#builtInTitles = builtInTitles;
  }

  /** Reads a package file and previews it; refuses one over the limit before reading its bytes. */
  async useFile(file: File, language: string): Promise<void> {
    this.fileName = file.name;
    this.error = null;
    this.read = null;
    this.plans = [];
    if (file.size > MAX_PACKAGE_BYTES) {
      this.error = t.ankiPackage.problem({ code: 'package-too-large', bytes: file.size, limit: MAX_PACKAGE_BYTES });
      return;
    }
    this.busy = true;
    this.progress = 0;
    try {
      const settings = await loadSettings();
      const read = await this.#read(
        await file.arrayBuffer(),
        { fileName: file.name, language, desiredRetention: settings.desiredRetention, now: systemClock().getTime() },
        (f) => (this.progress = f)
      );
      this.read = read;
      const [plans, imported] = await Promise.all([
        Promise.all(this.decks.map((deck) => planImport(deck))),
        listImportedDecks()
      ]);
      this.plans = plans;
      this.#titles = new Map([...this.#builtInTitles, ...imported.map((r) => [r.id, r.deck.title] as const)]);
      this.estimate = await estimateStorage(read);
    } catch (e) {
      this.error = t.import.readFailed(t.common.reason(e));
    } finally {
      this.busy = false;
    }
  }

  /** Saves every deck, its media and (if kept) its history in one transaction; returns the first deck's id. */
  async save(now: Date = systemClock()): Promise<string | null> {
    const read = this.read;
    if (!read || !this.canImport) return null;
    this.busy = true;
    try {
      const settings = await loadSettings();
      const decks = this.decks.map((deck, i) => {
        const history = this.keepHistory ? read.histories[i] : { logs: [], states: [] };
        const renamed = deck.id !== read.result.decks[i].deck.id;
        return {
          deck,
          logs: renamed ? history.logs.map((l) => ({ ...l, deckId: deck.id })) : history.logs,
          states: renamed ? history.states.map((s) => ({ ...s, deckId: deck.id })) : history.states
        };
      });
      await saveAnkiImport(decks, read.result.media, {
        fileName: this.fileName,
        now,
        deleteRemovedProgress: this.deleteRemoved,
        scheduler: new Scheduler({ desiredRetention: settings.desiredRetention })
      });
      return decks[0].deck.id;
    } catch (e) {
      this.error = failedWrite(e, t.import.saveFailed);
      return null;
    } finally {
      this.busy = false;
    }
  }
}

/** What the import will take on the device, against what the browser says is left. */
async function estimateStorage(read: PackageRead): Promise<StorageEstimate> {
  const media = read.result.media.reduce((n, m) => n + m.bytes.length, 0);
  const decks = read.result.decks.reduce((n, d) => n + JSON.stringify(d.deck).length * 2, 0);
  const logs = read.histories.reduce((n, h) => n + h.logs.length * 600 + h.states.length * 300, 0);
  const needed = media + decks + logs;
  try {
    const { quota, usage } = await navigator.storage.estimate();
    return { needed, available: quota === undefined ? null : Math.max(0, quota - (usage ?? 0)) };
  } catch {
    return { needed, available: null };
  }
}
