/**
 * The "free space" choices offered wherever a write failed for lack of space (`failedWrite` opens
 * them): old snapshots first, since each is a copy of everything and deleting one works on a full
 * device (`deleteSnapshot` only deletes).
 */
import type { SnapshotInfo } from '$lib/db';

/** Loaded when the choices are first offered: every page's failed write can open them, so they stay off the first load. */
const snapshotsRepo = () => import('$lib/db/snapshots.repo');

export class FreeSpace {
  /** Shown from a failed write until the learner closes it. */
  shown = $state(false);
  /** The snapshots there are, oldest first. */
  snapshots = $state.raw<SnapshotInfo[]>([]);
  /** The snapshot the last choice deleted, for the status line. */
  deleted = $state.raw<SnapshotInfo | null>(null);

  async offer(): Promise<void> {
    this.deleted = null;
    this.shown = true;
    await this.#refresh();
  }

  /** Deletes one snapshot; throws (changing nothing) if it could not. */
  async deleteSnapshot(id: number): Promise<void> {
    await (await snapshotsRepo()).deleteSnapshot(id);
    this.deleted = this.snapshots.find((s) => s.id === id) ?? null;
    await this.#refresh();
  }

  close(): void {
    this.shown = false;
    this.deleted = null;
  }

  async #refresh(): Promise<void> {
    // Reading needs no space; if even that fails, the choices say there is no snapshot to delete.
    this.snapshots = await snapshotsRepo()
      .then((repo) => repo.listSnapshots())
      .then(
        (list) => list.reverse(),
        () => []
      );
  }
}

/** The one set of choices of the app, shown by the root layout. */
export const freeSpace = new FreeSpace();
