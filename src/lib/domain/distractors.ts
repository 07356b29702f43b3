/**
 * Wrong answers for multiple choice and true/false: authored ones first, then answers of other
 * cards of the same sort and a similar length, never the right answer or something close to it.
 */
import { checkAnswer, normalizeAnswer } from './answer-check';
import { numberToWords } from './number-words';
import type { Random } from './random';

/**
 * What sort of thing an answer is, by a cheap heuristic on its text:
 * boolean (true/false/yes/no); number ("4", "four", "4 ships"); date (a year, or a month with a
 * number); name (every word capitalised apart from small joining words, up to 5 words: people,
 * places, organisations); sentence (more than 8 words, or ending in a full stop); phrase (the rest).
 */
export type AnswerSort = 'boolean' | 'number' | 'date' | 'name' | 'phrase' | 'sentence';

/** A possible wrong answer: some other study item's answer. */
export interface Candidate {
  text: string;
  key: string;
  cardId: string;
  sort: AnswerSort;
}

/** The question a distractor is for. */
export interface DistractorTarget {
  cardId: string;
  prompt: string;
  answer: string;
  accept: readonly string[];
}

const MONTHS = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b/;
const BARE_YEAR = /^(?:1\d{3}|20\d{2})$/;
/** Lowercase words a name may hold: "President of Colombia", "Lucas Leiroz de Almeida". */
const JOINING_WORDS = new Set('of the and de da do das dos del di du la le van von der y e al bin el &'.split(' '));
/** Sorts close enough to stand in for each other when the same sort runs out. */
const NEIGHBOURS: Record<AnswerSort, readonly AnswerSort[]> = {
  boolean: [],
  number: [],
  date: [],
  name: ['phrase'],
  phrase: ['name', 'sentence'],
  sentence: ['phrase']
};

/** The sort of an answer; see `AnswerSort`. */
export function answerSort(text: string): AnswerSort {
  const key = normalizeAnswer(text);
  if (/^(?:true|false|yes|no)$/.test(key)) return 'boolean';
  if (BARE_YEAR.test(key) || /^(?:1\d{3}|20\d{2})s$/.test(key)) return 'date';
  if (/^\d+(?:\.\d+)?(?: \p{L}+)?$/u.test(key) && !MONTHS.test(key)) return 'number';
  if (/\b(?:1\d{3}|20\d{2})s?\b/.test(key) || (MONTHS.test(key) && /\d/.test(key))) return 'date';
  const words = text.trim().split(/\s+/);
  if (words.length > 8 || /\.$/.test(text.trim())) return 'sentence';
  const capitalised = (w: string) => /^\P{L}*\p{Lu}/u.test(w);
  if (words.length <= 5 && capitalised(words[0]) && words.every((w) => capitalised(w) || JOINING_WORDS.has(w)))
    return 'name';
  return 'phrase';
}

/** The same answer in other words: equal when normalized, one inside the other, or a typo apart. */
export function isNearDuplicate(a: string, b: string): boolean {
  const ka = normalizeAnswer(a);
  const kb = normalizeAnswer(b);
  if (!ka || !kb) return a.trim().toLowerCase() === b.trim().toLowerCase();
  if (ka === kb || containsWords(ka, kb) || containsWords(kb, ka)) return true;
  return checkAnswer(a, b) !== 'wrong' || checkAnswer(b, a) !== 'wrong';
}

/** Every distinct answer, as candidates; true/false answers are left out. */
export function answerPool(answers: readonly { cardId: string; answer: string }[]): Candidate[] {
  const seen = new Set<string>();
  const pool: Candidate[] = [];
  for (const { cardId, answer } of answers) {
    const key = normalizeAnswer(answer);
    const sort = answerSort(answer);
    if (!key || seen.has(key) || sort === 'boolean') continue;
    seen.add(key);
    pool.push({ text: answer, key, cardId, sort });
  }
  return pool;
}

/** True when `pickDistractors` would find at least one wrong answer. */
export function hasDistractor(
  target: DistractorTarget,
  pool: readonly Candidate[],
  authored: readonly string[] = []
): boolean {
  if (authored.some((a) => normalizeAnswer(a) !== normalizeAnswer(target.answer))) return true;
  return (
    made(target.answer).some((text) => fits(text, '', target, [])) ||
    pool.some((c) => fits(c.text, c.cardId, target, []))
  );
}

/**
 * Up to `count` distinct wrong answers, best first: `authored` ones (only checked for being equal
 * to the answer or each other: authors choose them on purpose), then other cards' answers of the
 * same sort, then made-up neighbours of a bare number, year or yes/no ("4" gives "5", "3"...),
 * then answers of a neighbouring sort, then any other answer. Within a group, similar length
 * first, with a little seeded jitter for variety. Never the answer, an accepted alternative or
 * anything near them (`isNearDuplicate`), never two near-duplicates, never another side of the
 * same card, never words the prompt already shows.
 */
export function pickDistractors(
  target: DistractorTarget,
  pool: readonly Candidate[],
  count: number,
  rng: Random,
  authored: readonly string[] = []
): string[] {
  const chosen: string[] = [];
  const answerKey = normalizeAnswer(target.answer);
  for (const a of authored) {
    if (chosen.length >= count) return chosen;
    const key = normalizeAnswer(a);
    if (key !== answerKey && !chosen.some((c) => normalizeAnswer(c) === key)) chosen.push(a);
  }
  const sort = answerSort(target.answer);
  const length = target.answer.length;
  const ranked = pool
    .map((c) => {
      const tier = c.sort === sort ? 0 : NEIGHBOURS[sort].includes(c.sort) ? 2 : 3;
      return { text: c.text, cardId: c.cardId, score: tier * 10 + lengthGap(c.text.length, length) + rng.next() * 0.7 };
    })
    .concat(made(target.answer).map((text, i) => ({ text, cardId: '', score: 10 + i * 0.01 })))
    .sort((a, b) => a.score - b.score);
  for (const c of ranked) {
    if (chosen.length >= count) break;
    if (fits(c.text, c.cardId, target, chosen)) chosen.push(c.text);
  }
  return chosen;
}

function fits(text: string, cardId: string, target: DistractorTarget, chosen: readonly string[]): boolean {
  if (cardId === target.cardId) return false;
  const key = normalizeAnswer(text);
  if (containsWords(normalizeAnswer(target.prompt), key)) return false;
  return ![target.answer, ...target.accept, ...chosen].some((other) => isNearDuplicate(text, other));
}

/** Made-up neighbours of a bare number or year, written the way the answer is. */
function made(answer: string): string[] {
  const text = answer.trim();
  const key = normalizeAnswer(text);
  if (/^(?:true|yes)$/.test(key)) return [flip(text, key === 'true' ? 'false' : 'no')];
  if (/^(?:false|no)$/.test(key)) return [flip(text, key === 'false' ? 'true' : 'yes')];
  if (!/^\d+$/.test(key)) return [];
  const n = Number(key);
  const steps = BARE_YEAR.test(key) ? [1, -1, 2, -2, 5, -5] : [1, -1, 2, -2, n, 3, 5, 10];
  const values = [...new Set(steps.map((s) => n + s))].filter((v) => v >= 0 && v !== n);
  if (/^\d+$/.test(text)) return values.map(String);
  if (/\d/.test(text)) return [];
  return values.map((v) => flip(text, numberToWords(v)));
}

/** `word` capitalised like `like`. */
function flip(like: string, word: string): string {
  return /^\p{Lu}/u.test(like) ? word[0].toUpperCase() + word.slice(1) : word;
}

function containsWords(haystack: string, needle: string): boolean {
  return needle !== '' && ` ${haystack} `.includes(` ${needle} `);
}

function lengthGap(a: number, b: number): number {
  return Math.abs(Math.log((a + 1) / (b + 1)));
}
