/**
 * Joining a class from /join (docs/teachers.md): the code and display name are checked with the
 * server first and what the teacher will see is shown; one confirmation then turns sync on (when it is
 * off), joins, and brings the class's decks to this device.
 */
import { classesApi, type ClassPreview } from './classes-api';
import { syncClassDecks } from './class-decks';
import { SyncError, type SyncProblem } from './sync-api';
import { syncCredentials, syncEngine } from './sync-engine.svelte';

function problemOf(e: unknown): SyncProblem {
  if (e instanceof SyncError) return e.problem;
  throw e;
}

export class JoinClass {
  preview = $state.raw<ClassPreview | null>(null);
  /** Sync is off on this device: confirming turns it on. */
  needsSync = $state(false);
  problem = $state.raw<SyncProblem | null>(null);
  busy = $state(false);
  joined = $state<string | null>(null);

  async #run<T>(work: () => Promise<T>): Promise<T | null> {
    this.busy = true;
    try {
      const result = await work();
      this.problem = null;
      return result;
    } catch (e) {
      this.problem = problemOf(e);
      return null;
    } finally {
      this.busy = false;
    }
  }

  /** Looks the class up: what joining would share is shown before anything is written. */
  async look(code: string): Promise<void> {
    const found = await this.#run(() => classesApi.preview(code));
    if (!found) return;
    this.needsSync = !(await syncCredentials());
    this.preview = found;
  }

  cancel(): void {
    this.preview = null;
  }

  /** Confirms: turns sync on if needed, joins under `displayName`, and fetches the class's decks. */
  async confirm(code: string, displayName: string, deviceName: string): Promise<boolean> {
    const done = await this.#run(async () => {
      if (!(await syncCredentials()) && !(await syncEngine.turnOn(deviceName)))
        throw new SyncError(syncEngine.problem ?? { kind: 'unreachable' });
      const credentials = await syncCredentials();
      if (!credentials) throw new SyncError({ kind: 'unreachable' });
      const membership = await classesApi.join(credentials.token, code, displayName);
      await syncClassDecks(credentials.token, () => new Date());
      return membership;
    });
    if (!done) return false;
    this.joined = done.name;
    this.preview = null;
    return true;
  }
}

/** Settings → Classes: the classes this account joined, and leaving one. */
export class JoinedClasses {
  classes = $state.raw<{ classId: string; name: string; displayName: string }[] | null>(null);
  problem = $state.raw<SyncProblem | null>(null);
  busy = $state(false);

  async load(): Promise<void> {
    const credentials = await syncCredentials();
    if (!credentials) {
      this.classes = [];
      return;
    }
    try {
      this.classes = await classesApi.joined(credentials.token);
      this.problem = null;
    } catch (e) {
      this.problem = problemOf(e);
    }
  }

  /** Leaves a class: the teacher stops seeing this student's data at once; the decks stay here. */
  async leave(classId: string): Promise<boolean> {
    const credentials = await syncCredentials();
    if (!credentials) return false;
    this.busy = true;
    try {
      await classesApi.leave(credentials.token, classId);
      this.classes = (this.classes ?? []).filter((c) => c.classId !== classId);
      this.problem = null;
      return true;
    } catch (e) {
      this.problem = problemOf(e);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
