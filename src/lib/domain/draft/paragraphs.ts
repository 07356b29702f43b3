/**
 * Paragraphs of plain text as the deck format numbers them: blocks separated by a blank line,
 * counted from 1, each with its line breaks and runs of spaces made single spaces. A "[P3]" marker
 * at the start of a block, as Factdeck's source files number paragraphs, is dropped.
 */
const BLANK_LINE = /\n[ \t]*\n/;
const MARKER = /^\[P\d+\]\s*/;

export function plainParagraphs(text: string): string[] {
  const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return blocks(normal).map(clean).filter(Boolean);
}

export function blocks(text: string): string[] {
  return text.split(BLANK_LINE);
}

export function clean(block: string): string {
  return block.replace(/\s+/g, ' ').trim().replace(MARKER, '');
}

/**
 * `text` without the characters of `chars` at its start and end. A loop rather than /[…]+$/, which
 * backtracks quadratically on a long run of them that does not end the text.
 */
export function trimChars(
  text: string,
  chars: string,
  ends: { start?: boolean; end?: boolean } = { end: true }
): string {
  let a = 0;
  let b = text.length;
  if (ends.start) while (a < b && chars.includes(text[a])) a++;
  if (ends.end) while (b > a && chars.includes(text[b - 1])) b--;
  return text.slice(a, b);
}
