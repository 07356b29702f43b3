/** Another tab changed the database under this one: this tab must reload rather than fail or hang. */
import { watchStorage, type StorageEvent } from '$lib/db';

export type { StorageEvent };

export class StorageWatch {
  /** The last change another tab made (an upgrade, a deletion, or an upgrade this tab blocks). */
  event = $state<StorageEvent | null>(null);

  /** Starts listening; returns the function that stops. */
  listen(): () => void {
    return watchStorage((event) => (this.event = event));
  }
}

/** The one watcher of the app, started by the root layout. */
export const storageWatch = new StorageWatch();
