import { getContext, setContext } from 'svelte';
import type { Cite, Source } from '$lib/domain';
import * as t from '$lib/text';

const KEY = Symbol('source-links');

/** "paragraph 3", "paragraphs 3 and 4", "paragraphs 1, 3 and 7". */
export function paragraphLabel(paragraphs: readonly number[]): string {
  const ps = [...new Set(paragraphs)].sort((a, b) => a - b);
  if (ps.length === 1) return t.citation.paragraph(ps[0]);
  return t.citation.paragraphs(ps.slice(0, -1).join(', '), ps.at(-1)!);
}

/** What part of the source a cite points to: "byline", "paragraph 3", both, or, for a whole source, who published it when. */
export function citeLabel(cite: Cite, source: Source): string {
  const parts = [cite.byline ? t.citation.byline : '', cite.paragraphs ? paragraphLabel(cite.paragraphs) : ''];
  const label = parts.filter(Boolean).join(', ');
  return label || t.citation.whole(source.publisher, source.date);
}

/**
 * The page of a source as a deck describes it. A built-in deck's sources have pages of their own,
 * shared by every built-in deck citing them; a deck stored on this device (imported, shared, a class's,
 * drafted) shows its own copy, at `/decks/<id>/sources/<sourceId>`, since a built-in source with the
 * same id may be another text altogether.
 */
export function sourceHref(sourceId: string, storedDeckId?: string | null): string {
  return storedDeckId ? `/decks/${storedDeckId}/sources/${sourceId}` : `/sources/${sourceId}`;
}

/** The source's page, at the byline or the first paragraph cited. */
export function citeHref(cite: Cite, storedDeckId?: string | null): string {
  const at = cite.byline ? '#byline' : cite.paragraphs ? `#p${Math.min(...cite.paragraphs)}` : '';
  return `${sourceHref(cite.source, storedDeckId)}${at}`;
}

/**
 * Tells the citations under a deck's pages which deck they are in, when it is stored on this device
 * (`storedDeckId` returns null for a built-in deck).
 */
export function provideSourceLinks(storedDeckId: () => string | null): void {
  setContext(KEY, storedDeckId);
}

/** The stored deck whose sources citations here open, or null: the built-in source pages. */
export function sourceLinksDeck(): () => string | null {
  return getContext<(() => string | null) | undefined>(KEY) ?? (() => null);
}
