import type { Cite, Source } from '$lib/domain';
import * as t from '$lib/text';

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

/** The source's page, at the byline or the first paragraph cited. */
export function citeHref(cite: Cite): string {
  const at = cite.byline ? '#byline' : cite.paragraphs ? `#p${Math.min(...cite.paragraphs)}` : '';
  return `/sources/${cite.source}${at}`;
}
