/**
 * Tolerant comparison of a typed answer with the expected one and its accepted alternatives.
 *
 * - correct: equal after `normalizeAnswer` (dates may also differ in word order: "August 25, 2020").
 * - almost: a small typo, within `typoAllowance`; it counts as right in a score, and the UI shows
 *   "almost: check your spelling" with the expected answer.
 * - wrong: anything else, including empty input.
 */
import { plainText } from './plain-text';
import { numberWordsToDigits } from './number-words';

export type AnswerResult = 'correct' | 'almost' | 'wrong';

/**
 * English articles, plus the Spanish and Portuguese ones our decks might use (el, la, los, las,
 * un, una, o, os, as, um, uma). Only one, and only when more words follow.
 */
const LEADING_ARTICLE = /^(?:the|an?|el|la|los|las|una?|o|os|as|uma?) (?=\S)/;
/** Letters that Unicode does not decompose into a base letter and a mark. */
const SPECIAL_LETTERS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i'
};
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december'
];
const MONTH_ABBREVIATIONS: Record<string, string> = Object.fromEntries([
  ...MONTHS.map((m) => [m.slice(0, 3), m]),
  ['sept', 'september']
]);

/**
 * The text as compared: lowercase; no accents; no apostrophes or periods ("D.C." = "DC"), other
 * punctuation as spaces, "&" as "and"; single spaces; "1,000" = "1000"; "25th" = "25"; one
 * leading article dropped; English number words as digits ("four" = "4", "first" = "1"); and, in
 * text with digits, month abbreviations spelled out ("Aug" = "august").
 */
export function normalizeAnswer(text: string): string {
  let key = normalized.get(text);
  if (key === undefined) {
    // A quiz compares every answer with many others: remember recent ones (bounded, cleared when full).
    if (normalized.size >= NORMALIZED_MAX) normalized.clear();
    key = normalize(text);
    normalized.set(text, key);
  }
  return key;
}

const NORMALIZED_MAX = 5000;
const normalized = new Map<string, string>();

function normalize(text: string): string {
  // Card text may hold Markdown (*emphasis*, [links](…)): compare what the learner sees.
  const s = plainText(text)
    .replace(/['’‘ʼ`´]/g, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => SPECIAL_LETTERS[c])
    .replace(/&/g, ' and ')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/[^\p{L}\p{N}\s.]/gu, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\b(\d+)(?:st|nd|rd|th)\b/g, '$1')
    .replace(LEADING_ARTICLE, '');
  const words = numberWordsToDigits(s);
  return /\d/.test(words) ? words.replace(/\p{L}+/gu, (w) => MONTH_ABBREVIATIONS[w] ?? w) : words;
}

/**
 * Typos allowed in a normalized answer, by how many letters its words have (numbers and words
 * with digits never count and must match exactly): 0 up to 4 letters, 1 for 5-8, 2 for 9-15,
 * 3 beyond. A word of 4 letters or fewer must always be spelt right, so "Iran" is never "Iraq".
 */
export function typoAllowance(normalizedAnswer: string): number {
  const letters = normalizedAnswer
    .split(' ')
    .filter((w) => !/\d/.test(w))
    .join('')
    .replace(/[^\p{L}]/gu, '').length;
  return letters <= 4 ? 0 : letters <= 8 ? 1 : letters <= 15 ? 2 : 3;
}

/** Checks `given` against `answer` and the authored alternatives in `accept`. */
export function checkAnswer(given: string, answer: string, accept: readonly string[] = []): AnswerResult {
  const g = keyOf(given);
  if (!g) return 'wrong';
  const expected = [answer, ...accept].map(keyOf).filter(Boolean);
  if (expected.some((e) => e === g || sameDate(g, e))) return 'correct';
  if (expected.some((e) => isTypo(g, e))) return 'almost';
  return 'wrong';
}

/** True for results that score as right: correct, or almost (a typo). */
export function countsAsRight(result: AnswerResult): boolean {
  return result !== 'wrong';
}

/** True only when `given` is correct without a typo (what study mode accepts). */
export function isAcceptedAnswer(given: string, answer: string, accept: readonly string[] = []): boolean {
  return checkAnswer(given, answer, accept) === 'correct';
}

/** Answers made only of punctuation ("?") are compared as written. */
function keyOf(text: string): string {
  return normalizeAnswer(text) || text.trim().toLowerCase();
}

const hasDigit = (w: string) => /\d/.test(w);

/** "25 august 2020" = "august 25 2020": the same words in another order, with a month and a number. */
function sameDate(a: string, b: string): boolean {
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (!wa.some(hasDigit) || !wa.some((w) => MONTHS.includes(w))) return false;
  return wa.length === wb.length && [...wa].sort().join(' ') === [...wb].sort().join(' ');
}

/**
 * Within the typo allowance, with every number unchanged. When both have the same number of
 * words each word is held to its own allowance too ("iran deal" is not "iraq deal") and may be at
 * most one letter longer or shorter ("austria" is not "australia", "carribean" is "caribbean");
 * otherwise (a missing or extra space) the whole text is compared at once.
 */
function isTypo(given: string, expected: string): boolean {
  const allowance = typoAllowance(expected);
  if (allowance === 0) return false;
  const gw = given.split(' ');
  const ew = expected.split(' ');
  if (gw.filter(hasDigit).join(' ') !== ew.filter(hasDigit).join(' ')) return false;
  if (gw.length !== ew.length) return editDistance(given, expected, allowance) <= allowance;
  let total = 0;
  for (let i = 0; i < ew.length; i++) {
    if (Math.abs(gw[i].length - ew[i].length) > 1) return false;
    const own = hasDigit(ew[i]) ? 0 : typoAllowance(ew[i]);
    const d = editDistance(gw[i], ew[i], own);
    if (d > own) return false;
    total += d;
  }
  return total <= allowance;
}

/**
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours, "teh" -> "the"),
 * stopping early once every path costs more than `max`.
 */
function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    before = prev;
    prev = row;
  }
  return prev[b.length];
}
