import { error } from '@sveltejs/kit';
import { browser } from '$app/environment';
import { listImportedDecks, StorageBlockedError, unlessBlocked } from '$lib/db';
import { loadDeck, loadDeckIndex } from '$lib/decks';
import { citingCards, paragraphMap, type Deck } from '$lib/domain';
import * as t from '$lib/text';
import type { PageLoad } from './$types';

// Built-in sources are prerendered; in the browser the decks stored on this device (imported,
// drafted, copied) that cite the source are added, and a source only they have opens through the
// app shell (200.html).
export const load: PageLoad = async ({ fetch, params }) => {
  const index = await loadDeckIndex(fetch);
  const stored = browser ? await storedDecksCiting(params.sourceId) : [];
  const storedIds = new Set(stored.map((d) => d.id));
  const builtIn = await Promise.all(
    index.filter((d) => d.sourceIds.includes(params.sourceId) && !storedIds.has(d.id)).map((d) => loadDeck(fetch, d.id))
  );
  const decks = [...builtIn, ...stored];
  const source = decks.flatMap((d) => d.sources ?? []).find((s) => s.id === params.sourceId);
  if (!source) error(404, t.sources.notFound(params.sourceId));
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
