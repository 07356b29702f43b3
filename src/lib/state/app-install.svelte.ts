/**
 * Installing Factdeck as an app: the browser's own install prompt where it offers one
 * (`beforeinstallprompt`, Chromium browsers), and a note on how to do it by hand on iOS, which has none.
 */
import { needsIosInstallNote } from './ios-install';

/** The event Chromium fires when the app can be installed; not in TypeScript's DOM types. */
interface BeforeInstallPromptEvent extends Event {
  prompt(): Promise<void>;
  readonly userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

/** static/theme.js keeps an install prompt that fires before the app has started, here. */
type EarlyWindow = Window & { factdeckInstallPrompt?: BeforeInstallPromptEvent };

export class AppInstall {
  /** The browser has offered to install the app: an "Install app" button can ask it to. */
  canPrompt = $state(false);
  /** iOS, not yet installed: say how to install from the Share menu. */
  iosNote = $state(false);
  #event: BeforeInstallPromptEvent | null = null;

  /** Starts listening for the browser's offer; returns the function that stops. */
  listen(): () => void {
    const early = window as EarlyWindow;
    if (early.factdeckInstallPrompt) this.#offer(early.factdeckInstallPrompt);
    const standalone =
      matchMedia('(display-mode: standalone)').matches ||
      (navigator as Navigator & { standalone?: boolean }).standalone === true;
    this.iosNote = needsIosInstallNote(navigator.userAgent, navigator.maxTouchPoints, standalone);

    const offered = (e: Event) => {
      e.preventDefault(); // our button instead of the browser's mini-infobar
      this.#offer(e as BeforeInstallPromptEvent);
    };
    const installed = () => {
      delete early.factdeckInstallPrompt;
      this.#event = null;
      this.canPrompt = false;
      this.iosNote = false;
    };
    window.addEventListener('beforeinstallprompt', offered);
    window.addEventListener('appinstalled', installed);
    return () => {
      window.removeEventListener('beforeinstallprompt', offered);
      window.removeEventListener('appinstalled', installed);
    };
  }

  #offer(e: BeforeInstallPromptEvent) {
    this.#event = e;
    this.canPrompt = true;
  }

  /** Shows the browser's install dialog. One offer can be used once; the browser may make another. */
  async prompt(): Promise<void> {
    const e = this.#event;
    if (!e) return;
    this.#event = null;
    this.canPrompt = false;
    delete (window as EarlyWindow).factdeckInstallPrompt;
    await e.prompt();
    await e.userChoice;
  }
}

/** The one install state of the app, started by the root layout. */
export const appInstall = new AppInstall();
