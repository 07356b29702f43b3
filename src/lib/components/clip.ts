/**
 * The start of a long text, for lists that show many cards at once (the card browser, the import
 * preview, leeches): the full text is on the card itself. Laying out whole 10,000-character fields
 * in a list blocked the page for over half a second.
 */
export const LIST_TEXT_CHARS = 300;

/** `text` cut to `max` characters (never inside a surrogate pair), with "…" when it was cut. */
export function clip(text: string, max = LIST_TEXT_CHARS): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end)}…`;
}
