/**
 * The teacher's pages (docs/teachers.md): /teach lists and creates classes; a class's page shows its
 * join code, publishes decks and reads the dashboard. Both need this device's sync account; a class's
 * page shows the last view it saved when the server cannot be reached.
 */
import { loadClassView, saveClassView } from '$lib/db';
import type { Deck } from '$lib/domain';
import { classesApi, type ClassDetail, type Dashboard, type TaughtClass } from './classes-api';
import { SyncError, type SyncProblem } from './sync-api';
import { syncCredentials, syncEngine } from './sync-engine.svelte';

export type TeachStatus = 'checking' | 'no-server' | 'needs-sync' | 'ready';

function problemOf(e: unknown): SyncProblem {
  if (e instanceof SyncError) return e.problem;
  throw e;
}

async function token(): Promise<string | null> {
  return (await syncCredentials())?.token ?? null;
}

export class TeachPage {
  status = $state<TeachStatus>('checking');
  classes = $state.raw<TaughtClass[]>([]);
  problem = $state.raw<SyncProblem | null>(null);
  busy = $state(false);

  async load(): Promise<void> {
    const t = await token();
    if (!t) {
      this.status = (await syncEngine.available()) ? 'needs-sync' : 'no-server';
      return;
    }
    this.status = 'ready';
    try {
      this.classes = await classesApi.list(t);
      this.problem = null;
    } catch (e) {
      this.problem = problemOf(e);
    }
  }

  /** "Turn on sync" from this page, in one step. */
  async turnOnSync(deviceName: string): Promise<void> {
    this.busy = true;
    try {
      if (await syncEngine.turnOn(deviceName)) await this.load();
      else this.problem = syncEngine.problem;
    } finally {
      this.busy = false;
    }
  }

  /** Creates a class; returns its id, or null (see `problem`). */
  async create(name: string): Promise<string | null> {
    const t = await token();
    if (!t) return null;
    this.busy = true;
    try {
      const made = await classesApi.create(t, name);
      this.classes = [...this.classes, made];
      this.problem = null;
      return made.id;
    } catch (e) {
      this.problem = problemOf(e);
      return null;
    } finally {
      this.busy = false;
    }
  }
}

interface ClassView {
  detail: ClassDetail;
  dashboard: Dashboard;
}

export class ClassPage {
  status = $state<TeachStatus | 'not-found'>('checking');
  detail = $state.raw<ClassDetail | null>(null);
  dashboard = $state.raw<Dashboard | null>(null);
  /** Set when what is shown is a saved view (the server could not be reached): when it was saved. */
  offlineSince = $state<number | null>(null);
  problem = $state.raw<SyncProblem | null>(null);
  busy = $state(false);

  constructor(readonly classId: string) {}

  async load(now: () => number): Promise<void> {
    const t = await token();
    if (!t) {
      this.status = 'needs-sync';
      return;
    }
    try {
      const [detail, dashboard] = await Promise.all([
        classesApi.get(t, this.classId),
        classesApi.dashboard(t, this.classId)
      ]);
      this.detail = detail;
      this.dashboard = dashboard;
      this.offlineSince = null;
      this.problem = null;
      this.status = 'ready';
      await saveClassView(this.classId, { detail, dashboard } satisfies ClassView, now());
    } catch (e) {
      const problem = problemOf(e);
      if (problem.kind === 'server' && problem.error === 'not-found') {
        this.status = 'not-found';
        return;
      }
      const saved = await loadClassView(this.classId);
      if (saved) {
        const view = saved.view as ClassView;
        this.detail = view.detail;
        this.dashboard = view.dashboard;
        this.offlineSince = saved.savedAt;
        this.status = 'ready';
      }
      this.problem = problem;
    }
  }

  async #act(action: (token: string) => Promise<unknown>, now: () => number): Promise<boolean> {
    const t = await token();
    if (!t) return false;
    this.busy = true;
    try {
      await action(t);
      await this.load(now);
      return true;
    } catch (e) {
      this.problem = problemOf(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  renewCode(now: () => number) {
    return this.#act((t) => classesApi.renewCode(t, this.classId), now);
  }

  closeCode(now: () => number) {
    return this.#act((t) => classesApi.closeCode(t, this.classId), now);
  }

  /** Publishes the checked decks (new versions of those already published) and withdraws the others. */
  publish(decks: readonly Deck[], checked: ReadonlySet<string>, now: () => number) {
    const published = new Set(this.detail?.decks.map((d) => d.deckId) ?? []);
    return this.#act(async (t) => {
      for (const deck of decks) if (checked.has(deck.id)) await classesApi.publish(t, this.classId, deck);
      for (const id of published) if (!checked.has(id)) await classesApi.unpublish(t, this.classId, id);
    }, now);
  }
}
