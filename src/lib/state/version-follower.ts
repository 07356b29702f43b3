/** The data versions an open study session or quiz started from, checked on write and followed. */
import { readDataVersion, watchDataVersion, type SeenVersion } from '$lib/db';
import type { DataChange } from '$lib/domain';

/**
 * Reads a deck's data versions when a session starts (`read`, before the session reads anything
 * else) and, from then on while `follow` runs, calls `onChange` once they move: the deck was
 * deleted, imported again, restored or reset here or in another tab (src/lib/db/data-version.ts).
 * The session passes `seen` with every write, which the write's transaction checks.
 */
export class VersionFollower {
  /** What `read` found; undefined before it (a write then checks nothing: there is nothing read to be stale). */
  seen: SeenVersion | undefined;
  readonly #deckId: string;
  readonly #onChange: (change: DataChange) => void;
  #stop: (() => void) | null = null;
  #following = false;

  constructor(deckId: string, onChange: (change: DataChange) => void) {
    this.#deckId = deckId;
    this.#onChange = onChange;
  }

  async read(): Promise<SeenVersion> {
    this.seen = await readDataVersion(this.#deckId);
    if (this.#following) this.#watch();
    return this.seen;
  }

  /** Follows the versions (from when `read` has them); returns the function that stops. */
  follow(): () => void {
    this.#following = true;
    if (this.seen) this.#watch();
    return () => {
      this.#following = false;
      this.#stop?.();
      this.#stop = null;
    };
  }

  #watch(): void {
    this.#stop?.();
    this.#stop = watchDataVersion(this.#deckId, this.seen!, this.#onChange);
  }
}
