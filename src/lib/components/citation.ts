import * as t from '$lib/text';

/** "paragraph 3", "paragraphs 3 and 4", "paragraphs 1, 3 and 7". */
export function paragraphLabel(paragraphs: readonly number[]): string {
  const ps = [...new Set(paragraphs)].sort((a, b) => a - b);
  if (ps.length === 1) return t.citation.paragraph(ps[0]);
  return t.citation.paragraphs(ps.slice(0, -1).join(', '), ps.at(-1)!);
}
