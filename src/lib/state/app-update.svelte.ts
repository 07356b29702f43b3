/**
 * A new version of the app, waiting in the service worker. Registered here, not by the plugin, so the
 * app decides when a new version takes over: never in the middle of someone's study session without
 * their say. The registration module is imported statically (a few lines that load workbox-window
 * themselves), so it comes with the page's other modules instead of one request later.
 */
import { registerSW } from 'virtual:pwa-register';

export class AppUpdate {
  /** A new version is installed and waits for the learner's Reload. */
  needRefresh = $state(false);
  #updateSW: ((reload?: boolean) => Promise<void>) | undefined;

  /** Registers the service worker; called once the page has mounted. */
  start(): void {
    // An optional label of this build (`VITE_BUILD_ID=... npm run build`), so a test or a support
    // question can tell which version runs. Unset, two builds of the same sources are identical.
    if (import.meta.env.VITE_BUILD_ID) document.documentElement.dataset.build = import.meta.env.VITE_BUILD_ID;
    this.#updateSW = registerSW({
      immediate: true,
      onNeedRefresh: () => {
        this.needRefresh = true;
      },
      onRegisterError(error) {
        console.error('Offline support could not be set up:', error);
      }
    });
  }

  /** Lets the waiting version take over and loads it. */
  async reload(): Promise<void> {
    const waiting = (await navigator.serviceWorker.getRegistration())?.waiting;
    // Already taken over (another tab chose Reload first): this page only needs to load it.
    if (!waiting) return location.reload();
    // The plugin reloads only pages a service worker controlled when they loaded; a first visit still
    // open when the next version arrives must reload too, once that version controls it.
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
    await this.#updateSW?.(true);
  }

  /** "Later": the new version waits for the next visit. */
  dismiss(): void {
    this.needRefresh = false;
  }
}

/** The one update state of the app, started by the root layout. */
export const appUpdate = new AppUpdate();
