/**
 * Images of imported and shared decks that live on another site are not fetched until the learner
 * asks: a fetch tells that site when and from where someone studies (a tracking pixel). The renderer
 * (rich-text.ts) writes such an image's address as `data-remote`, never `src`; `guardRemoteImages`
 * then shows it where its host is allowed, and otherwise a placeholder naming the host with a
 * "Load images from <host>" button. Media stored on the device and built-in decks are not affected.
 */
import { getContext, setContext } from 'svelte';
import type { RemoteImagePolicy } from '$lib/domain/media';
import * as t from '$lib/text';

export type { RemoteImagePolicy };

/** Built-in decks: written by the project's teachers, reviewed in git. */
export const ALLOW_ALL: RemoteImagePolicy = { allowed: () => true, allow: () => {} };

/** Where no page says otherwise (the card browser, an import preview): allowed until the page is reloaded. */
class UntilReload implements RemoteImagePolicy {
  #hosts = $state.raw(new Set<string>());
  allowed(host: string): boolean {
    return this.#hosts.has(host);
  }
  allow(host: string): void {
    this.#hosts = new Set([...this.#hosts, host]);
  }
}
const untilReload = new UntilReload();

const KEY = Symbol('remote-images');

export function provideRemoteImages(policy: RemoteImagePolicy): void {
  setContext(KEY, policy);
}

export function useRemoteImages(): RemoteImagePolicy {
  return getContext<RemoteImagePolicy | undefined>(KEY) ?? untilReload;
}

function hostOf(address: string): string | null {
  try {
    return new URL(address).host;
  } catch {
    return null;
  }
}

/**
 * Gives each `img[data-remote]` inside `root` its address if the policy allows its host, and puts a
 * placeholder before the others (with the button unless `inline`: a button may not sit inside the
 * buttons inline text is shown in). Returns the function that takes the placeholders away again.
 */
export function guardRemoteImages(root: HTMLElement, policy: RemoteImagePolicy, inline: boolean): () => void {
  const placeholders: HTMLElement[] = [];
  for (const img of root.querySelectorAll<HTMLImageElement>('img[data-remote]')) {
    const address = img.dataset.remote ?? '';
    const host = hostOf(address);
    if (host === null) continue;
    if (policy.allowed(host)) {
      img.hidden = false;
      if (img.getAttribute('src') !== address) img.setAttribute('src', address);
      continue;
    }
    img.hidden = true;
    const box = document.createElement('span');
    box.className = 'remote-image';
    box.dataset.host = host;
    box.append(t.remoteImages.notLoaded(host, img.alt));
    if (!inline) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = t.remoteImages.load(host);
      button.addEventListener('click', () => void policy.allow(host));
      box.append(' ', button);
    }
    img.before(box);
    placeholders.push(box);
  }
  return () => {
    for (const p of placeholders) p.remove();
  };
}
