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
const MONTH_ABBREVIATIONS = new Map<string, string>([
  ...MONTHS.map((m): [string, string] => [m.slice(0, 3), m]),
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
    key = normalize(text);
    if (normalized.size >= NORMALIZED_KEPT) normalized.clear();
    normalized.set(text, key);
  }
  return key;
}

/**
 * Recent results of `normalizeAnswer`: building a quiz compares every answer with every other (to
 * pick wrong answers that are not near-duplicates), so each text would otherwise be normalized
 * hundreds of times; with 10,000-character answers that took seconds.
 */
const normalized = new Map<string, string>();
const NORMALIZED_KEPT = 1_000;

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
    .replace(/[^\p{L}\p{N}\s.]+/gu, ' ')
    .replace(/(?<!\d)\.|\.(?!\d)/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\b(\d+)(?:st|nd|rd|th)\b/g, '$1')
    .replace(LEADING_ARTICLE, '');
  const words = numberWordsToDigits(s);
  return /\d/.test(words) ? words.replace(/\p{L}+/gu, (w) => MONTH_ABBREVIATIONS.get(w) ?? w) : words;
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
  if (expected.some((e) => e === g || (short(g, e) && sameDate(g, e)))) return 'correct';
  if (expected.some((e) => short(g, e) && isTypo(g, e))) return 'almost';
  return 'wrong';
}

/**
 * Longest normalized answer, in characters, compared with typo and word-order tolerance: a name, a
 * phrase or a sentence. Longer ones must match exactly, so a deck's 10,000-character answers are not
 * compared letter by letter with each other when a quiz picks wrong answers.
 */
const TOLERANT_UP_TO = 200;
const short = (a: string, b: string) => a.length <= TOLERANT_UP_TO && b.length <= TOLERANT_UP_TO;

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
 * Optimal string alignment distance (Levenshtein plus swapping two neighbours, "teh" -> "the"), or
 * `max + 1` when it is more than `max`. Only cells within `max` of the diagonal can stay within
 * `max`, so only those are computed: time grows with the length times `max`, not with the length
 * squared (a deck's long answers are compared with each other when a quiz picks wrong answers).
 */
function editDistance(a: string, b: string, max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(over);
  let prev = Array.from({ length: width }, (_, j) => (j <= max ? j : over));
  let row = new Array<number>(width).fill(over);
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - max);
    const to = Math.min(b.length, i + max);
    row[from - 1] = from === 1 && i <= max ? i : over;
    let best = row[from - 1];
    for (let j = from; j <= to; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row[j] = Math.min(d, over);
      best = Math.min(best, row[j]);
    }
    if (to < b.length) row[to + 1] = over;
    if (best > max) return over;
    [before, prev, row] = [prev, row, before];
  }
  return prev[b.length];
}
