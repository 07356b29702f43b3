/**
 * The copy rule for cards written from an article: no run of RUN or more of the article's words,
 * in order, outside quotation marks. Words are compared after folding case and accents, dropping
 * apostrophes ("Duque's" is "duques") and treating every other non-letter, non-digit as a space
 * (so punctuation and hyphens do not hide a copied run). A quotation, between straight or curly
 * double quotes, is the way to use the article's exact words; a run never spans a quotation, a
 * cloze deletion's hint, or two fields.
 */

/** How many of the article's words in a row count as copying. */
export const RUN = 8;

/** Folded words of a text, as the rule compares them. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** The article's own words from its Markdown file: title, body and attribution note, without markup. */
export function articleText(markdown: string): { text: string; paragraphs: Map<number, string> } {
  const [, front = '', body = markdown] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown) ?? [];
  const title = /^title:\s*"?(.*?)"?$/m.exec(front)?.[1] ?? '';
  const clean = body
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^#+ .*$/gm, ' ');
  const paragraphs = new Map<number, string>();
  for (const m of clean.matchAll(/\[P(\d+)\]\s*([^\n]+)/g)) paragraphs.set(Number(m[1]), m[2]);
  return { text: `${title}\n${clean.replace(/\[P\d+\]/g, ' ')}`, paragraphs };
}

/** Every run of RUN words in `text`, joined by spaces: what a field may not contain. */
export function runsOf(text: string): Set<string> {
  const ws = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + RUN <= ws.length; i++) runs.add(ws.slice(i, i + RUN).join(' '));
  return runs;
}

/** The parts of a field outside quotation marks; an unclosed quote leaves the rest unquoted. */
export function unquoted(text: string): string[] {
  return text.split(/"[^"\n]*"|“[^”\n]*”/);
}

/** Cloze markup as plain text: `{{answer::hint}}` is its answer in the sentence, the hint a text apart. */
export function clozeTexts(text: string): string[] {
  const hints: string[] = [];
  const sentence = text.replace(/\{\{([^}]*?)(?:::([^}]*))?\}\}/g, (_, answer: string, hint?: string) => {
    if (hint) hints.push(hint);
    return answer;
  });
  return [sentence, ...hints];
}

/** Each run of RUN or more article words that `field` holds outside quotation marks, longest first. */
export function copiedRuns(field: string, articleRuns: Set<string>): string[] {
  const found: string[] = [];
  for (const part of unquoted(field)) {
    const ws = words(part);
    let i = 0;
    while (i + RUN <= ws.length) {
      if (!articleRuns.has(ws.slice(i, i + RUN).join(' '))) {
        i++;
        continue;
      }
      let end = i + RUN;
      while (end < ws.length && articleRuns.has(ws.slice(end - RUN + 1, end + 1).join(' '))) end++;
      found.push(ws.slice(i, end).join(' '));
      i = end;
    }
  }
  return found;
}
