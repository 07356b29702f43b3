/** Giving a deck to someone: as a link that carries it whole, as a QR code of that link, or as its file. */
import type { Deck } from '$lib/domain';
import { MAX_QR_LINK_CHARS, shareFragment, type ShareLinkProblem } from '$lib/domain/share-link';
import { downloadFile } from './download';

export type ShareLink = { ok: true; url: string; qr: boolean } | { ok: false; problem: ShareLinkProblem };

/** The link to `/import` on `origin` that carries `deck` in its fragment. */
export async function deckShareLink(deck: Deck, origin: string): Promise<ShareLink> {
  // Loaded on demand, as the export buttons do: the YAML writer is not needed to study.
  const { deckToYaml } = await import('$lib/domain/deck-export');
  const made = await shareFragment(deckToYaml(deck));
  if (!made.ok) return made;
  const url = `${origin}/import#${made.value}`;
  return { ok: true, url, qr: url.length <= MAX_QR_LINK_CHARS };
}

/** The QR code of `text` as rows of dark (true) and light modules, quiet zone included. */
export async function qrModules(text: string): Promise<boolean[][]> {
  const { encode } = await import('uqr');
  return encode(text, { ecc: 'L', border: 4 }).data;
}

/** Whether a deck shows images or sounds, which neither a link nor a file carries. */
export const deckHasMedia = (deck: Deck) => JSON.stringify(deck.cards).includes('media:');

/**
 * Shares the deck's Factdeck file through the system's share sheet where the browser can share files,
 * or downloads it. Resolves to how it went; a person closing the share sheet is not an error.
 */
export async function shareDeckFile(deck: Deck): Promise<'shared' | 'downloaded' | 'cancelled'> {
  const { deckToYaml, exportFileName } = await import('$lib/domain/deck-export');
  const name = exportFileName(deck, 'yaml');
  const text = deckToYaml(deck);
  const file = new File([text], name, { type: 'application/yaml' });
  if (typeof navigator.share === 'function' && navigator.canShare?.({ files: [file] })) {
    try {
      await navigator.share({ files: [file], title: deck.title });
      return 'shared';
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return 'cancelled';
      throw e;
    }
  }
  downloadFile(name, text, 'application/yaml;charset=utf-8');
  return 'downloaded';
}

/** Whether this browser shares files through the system (otherwise the file is downloaded). */
export function canShareFiles(): boolean {
  if (typeof navigator === 'undefined' || typeof navigator.canShare !== 'function') return false;
  return navigator.canShare({ files: [new File([''], 'deck.deck.yaml', { type: 'application/yaml' })] });
}
