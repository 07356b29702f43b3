/** Compiled decks are static JSON under /decks/, precached by the service worker for offline use. */
import { error } from '@sveltejs/kit';
import { RESERVED_DECK_IDS, type Deck, type DeckSummary } from '$lib/domain';
import * as t from '$lib/text';

type Fetch = typeof fetch;

async function getJson(fetch: Fetch, url: string): Promise<Response | null> {
  try {
    const res = await fetch(url);
    // A static host may answer an unknown file with an HTML page: that is "not found" too.
    if (res.ok && res.headers.get('content-type')?.includes('text/html')) return null;
    return res;
  } catch (e) {
    // Offline and not precached: it is not on this device. Anything else is a bug to report.
    if (e instanceof TypeError) return null;
    throw e;
  }
}

/** Summaries of every built-in deck. */
export async function loadDeckIndex(fetch: Fetch): Promise<DeckSummary[]> {
  const res = await getJson(fetch, '/decks/index.json');
  if (!res?.ok) error(500, t.deckFiles.indexFailed);
  return res.json();
}

/** One whole deck, or a 404 page that names the missing deck. */
export async function loadDeck(fetch: Fetch, deckId: string): Promise<Deck> {
  const isDeckFile = /^[a-z0-9-]+$/.test(deckId) && !RESERVED_DECK_IDS.has(deckId);
  const res = isDeckFile ? await getJson(fetch, `/decks/${deckId}.json`) : null;
  if (!res || res.status === 404) error(404, t.deckFiles.notFound(deckId));
  if (!res.ok) error(500, t.deckFiles.failed(deckId, res.status));
  return res.json();
}
