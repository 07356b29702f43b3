/** The hosts an imported deck's images may be loaded from, remembered per deck (remote-images.svelte.ts). */
import { allowRemoteImages, remoteImageHosts } from '$lib/db';
import type { RemoteImagePolicy } from '$lib/domain/media';

export class DeckRemoteImages implements RemoteImagePolicy {
  #hosts = $state.raw(new Set<string>());
  readonly #deckId: string;

  constructor(deckId: string) {
    this.#deckId = deckId;
  }

  /** Reads what the learner allowed before. */
  async load(): Promise<void> {
    const stored = await remoteImageHosts(this.#deckId);
    this.#hosts = new Set([...this.#hosts, ...stored]);
  }

  allowed(host: string): boolean {
    return this.#hosts.has(host);
  }

  /** Allows the host at once on this page, and remembers it for the deck. */
  async allow(host: string): Promise<void> {
    this.#hosts = new Set([...this.#hosts, host]);
    await allowRemoteImages(this.#deckId, host);
  }
}
