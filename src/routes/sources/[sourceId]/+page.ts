import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { listImportedDecks, StorageBlockedError, unlessBlocked } from '$lib/db';
import { loadDeck, loadDeckIndex } from '$lib/decks';
import { canonicalJson, citingCards, paragraphMap, type Deck } from '$lib/domain';
import * as t from '$lib/text';
import type { PageLoad } from './$types';

// Built-in sources are prerendered with the built-in decks citing them. In the browser, decks stored
// on this device (imported, drafted, copied) are added when they describe the same source; a source
// only they have opens through the app shell (200.html). Their own citations open
// /decks/<id>/sources/<sourceId>, so a source that merely shares a built-in one's id is never shown as it.
export const load: PageLoad = async ({ fetch, params }) => {
  const index = await loadDeckIndex(fetch);
  const stored = browser ? await storedDecksCiting(params.sourceId) : [];
  const storedIds = new Set(stored.map((d) => d.id));
  const builtIn = await Promise.all(
    index.filter((d) => d.sourceIds.includes(params.sourceId) && !storedIds.has(d.id)).map((d) => loadDeck(fetch, d.id))
  );
  const sourceOf = (d: Deck) => d.sources?.find((s) => s.id === params.sourceId);
  const source = [...builtIn, ...stored].map(sourceOf).find((s) => s !== undefined);
  if (!source) error(404, t.sources.notFound(params.sourceId));
  const same = canonicalJson(source);
  const decks = [...builtIn, ...stored].filter((d) => canonicalJson(sourceOf(d)) === same);
  const languages: Record<string, string> = Object.fromEntries(decks.map((d) => [d.id, d.language]));
  return {
    source,
    paragraphs: paragraphMap(source, decks),
    byline: citingCards(source, decks, 'byline'),
    whole: citingCards(source, decks, 'whole'),
    languages
  };
};

async function storedDecksCiting(sourceId: string): Promise<Deck[]> {
  const records = await unlessBlocked(listImportedDecks()).catch((e: unknown) => {
    if (e instanceof StorageBlockedError) error(503, e.message);
    throw e;
  });
  return records.map((r) => r.deck).filter((d) => d.sources?.some((s) => s.id === sourceId));
}
