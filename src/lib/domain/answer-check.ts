/** Tolerant comparison of a typed answer with the expected one and its accepted alternatives. */

const LEADING_ARTICLE = /^(?:the|a|an)\s+/;

/** Lowercase, no accents, no punctuation, single spaces, no leading article. */
export function normalizeAnswer(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(LEADING_ARTICLE, '');
}

/** True when `given` matches `answer` or one of `accept` after normalising. */
export function isAcceptedAnswer(given: string, answer: string, accept: readonly string[] = []): boolean {
  const g = normalizeAnswer(given);
  if (!g) return false;
  return [answer, ...accept].some((a) => normalizeAnswer(a) === g);
}
