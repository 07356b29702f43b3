/**
 * Wrong answers for multiple choice and true/false: authored ones first, then answers of other
 * cards of the same sort (`answer-sort.ts`) and, for numbers and dates, made-up neighbours written
 * the way the answer is. Never an answer of another sort: a question with too few of its own sort
 * is not asked as multiple choice rather than padded.
 */
import { checkAnswer, normalizeAnswer } from './answer-check';
import { SORTS, type AnswerSort } from './answer-sort';
import { numberToWords } from './number-words';
import type { Random } from './random';

/** A possible wrong answer: some other study item's answer. */
export interface Candidate {
  text: string;
  key: string;
  cardId: string;
  sort: AnswerSort;
  /** How it is written (`shapeOf`), worked out once: every question of a quiz ranks the same pool. */
  shape: string;
}

/** The question a distractor is for. */
export interface DistractorTarget {
  cardId: string;
  prompt: string;
  answer: string;
  accept: readonly string[];
  /** The answer's sort; null when unknown, and then only authored options are offered. */
  sort: AnswerSort | null;
}

/** Candidates by sort. */
export type AnswerPool = ReadonlyMap<AnswerSort, readonly Candidate[]>;

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
const MONTHS = MONTH_NAMES.split('|');
const BARE_YEAR = /^(?:1\d{3}|20\d{2})$/;
const ANY_MONTH = new RegExp(`\\b(?:${MONTH_NAMES})\\b`, 'i');

/** The same answer in other words: equal when normalized, one inside the other, or a typo apart. */
export function isNearDuplicate(a: string, b: string): boolean {
  const ka = normalizeAnswer(a);
  const kb = normalizeAnswer(b);
  if (!ka || !kb) return a.trim().toLowerCase() === b.trim().toLowerCase();
  if (ka === kb || containsWords(ka, kb) || containsWords(kb, ka)) return true;
  return checkAnswer(a, b) !== 'wrong' || checkAnswer(b, a) !== 'wrong';
}

/** Every distinct answer of a known sort, grouped by sort; true/false answers are left out. */
export function answerPool(
  answers: readonly { cardId: string; answer: string; sort: AnswerSort | null }[]
): AnswerPool {
  const seen = new Set<string>();
  const pool = new Map<AnswerSort, Candidate[]>();
  for (const { cardId, answer, sort } of answers) {
    const key = normalizeAnswer(answer);
    if (!key || sort === null || sort === SORTS.boolean || seen.has(`${sort}\n${key}`)) continue;
    seen.add(`${sort}\n${key}`);
    const list = pool.get(sort) ?? [];
    list.push({ text: answer, key, cardId, sort, shape: shapeOf(answer) });
    pool.set(sort, list);
  }
  return pool;
}

/** How many different wrong answers `pickDistractors` can find, counting up to `max`. */
export function distractorCount(
  target: DistractorTarget,
  pool: AnswerPool,
  max: number,
  authored: readonly string[] = []
): number {
  const chosen = authoredDistractors(target, authored, max);
  const same = target.sort === null ? [] : (pool.get(target.sort) ?? []);
  for (const text of [...same.filter((c) => c.cardId !== target.cardId).map((c) => c.text), ...made(target)]) {
    if (chosen.length >= max) break;
    if (fits(text, target, chosen)) chosen.push(text);
  }
  return chosen.length;
}

/**
 * Up to `count` distinct wrong answers, best first: `authored` ones (only checked for being equal
 * to the answer or each other: authors choose them on purpose), then other cards' answers of the
 * same sort written alike (a name for a name, a description for a description, a full date for a
 * full date), then made-up neighbours of a number or date ("4" gives "5", "3"...; "25 August 2020"
 * gives "26 August 2020"...), then the rest of the same sort. Within a group, similar length first,
 * with a little seeded jitter for variety. Never the answer, an accepted alternative or anything
 * near them (`isNearDuplicate`), never two near-duplicates, never another side of the same card,
 * never words the prompt already shows.
 */
export function pickDistractors(
  target: DistractorTarget,
  pool: AnswerPool,
  count: number,
  rng: Random,
  authored: readonly string[] = []
): string[] {
  const chosen = authoredDistractors(target, authored, count);
  if (chosen.length >= count || target.sort === null) return chosen;
  const length = target.answer.length;
  const shape = shapeOf(target.answer);
  const ranked = (pool.get(target.sort) ?? [])
    .filter((c) => c.cardId !== target.cardId)
    .map((c) => ({
      text: c.text,
      score: (c.shape === shape ? 0 : 2) + lengthGap(c.text.length, length) + rng.next() * 0.7
    }))
    .concat(made(target).map((text, i) => ({ text, score: 1 + i * 0.01 })))
    .sort((a, b) => a.score - b.score);
  for (const c of ranked) {
    if (chosen.length >= count) break;
    if (fits(c.text, target, chosen)) chosen.push(c.text);
  }
  return chosen;
}

function authoredDistractors(target: DistractorTarget, authored: readonly string[], count: number): string[] {
  const chosen: string[] = [];
  const answerKey = normalizeAnswer(target.answer);
  for (const a of authored) {
    if (chosen.length >= count) break;
    const key = normalizeAnswer(a);
    if (key !== answerKey && !chosen.some((c) => normalizeAnswer(c) === key)) chosen.push(a);
  }
  return chosen;
}

function fits(text: string, target: DistractorTarget, chosen: readonly string[]): boolean {
  const key = normalizeAnswer(text);
  if (containsWords(normalizeAnswer(target.prompt), key)) return false;
  return ![target.answer, ...target.accept, ...chosen].some((other) => isNearDuplicate(text, other));
}

/**
 * How an answer is written, so that like stands with like: a name ("Nicolás Maduro") or a
 * description ("Venezuela's state oil company"), a full date or a year or "last week".
 */
function shapeOf(text: string): string {
  const t = text.trim();
  if (/^\d/.test(t) && ANY_MONTH.test(t)) return 'full-date';
  if (/^\d+s?$/.test(t)) return 'digits';
  const ws = t.split(/\s+/);
  const caps = ws.filter((w) => /^\P{L}*\p{Lu}/u.test(w)).length;
  if (caps === ws.length || (caps >= 2 && caps >= ws.length - 2 && ws.length <= 6)) return 'name';
  return /^\P{L}*\p{Lu}/u.test(t) ? 'capitalised' : 'lowercase';
}

/** Made-up numbers and dates near the answer, written the way it is. */
function made(target: DistractorTarget): string[] {
  const text = target.answer.trim();
  const key = normalizeAnswer(text);
  if (target.sort === SORTS.boolean) {
    const other = { true: 'false', false: 'true', yes: 'no', no: 'yes' }[key];
    return other ? [flip(text, other)] : [];
  }
  if (target.sort === SORTS.number) {
    // "4", "four", "4 ships", "four ships"
    const m = /^(\d+|\p{L}+(?:-\p{L}+)?)(\s+\p{L}+)?$/u.exec(text);
    const n = Number(normalizeAnswer(m?.[1] ?? ''));
    if (!m || !Number.isInteger(n)) return [];
    const unit = m[2] ?? '';
    const values = [...new Set([1, -1, 2, -2, n, 3, 5, 10].map((s) => n + s))].filter((v) => v >= 0 && v !== n);
    if (/^\d+$/.test(m[1])) return values.map((v) => `${v}${unit}`);
    return values.filter((v) => v < 100).map((v) => flip(m[1], numberToWords(v)) + unit);
  }
  if (target.sort !== SORTS.date) return [];
  if (BARE_YEAR.test(key)) return [1, -1, 2, -2, 5, -5].map((s) => String(Number(key) + s));
  const decade = /^(\d{3})0s$/.exec(text);
  if (decade) return [1, -1, 2, -2].map((s) => `${(Number(decade[1]) + s) * 10}s`);
  const out: string[] = [];
  const isMonth = (word: string, n: number) => word.toLowerCase() === MONTHS[n].toLowerCase();
  const words = text.match(/\p{L}+/gu) ?? [];
  const month = MONTHS.findIndex((_, n) => words.some((w) => isMonth(w, n)));
  const day = /^(\d{1,2})\s/.exec(text) ?? /\s(\d{1,2}),/.exec(text);
  const year = /\b(1\d{3}|20\d{2})\b/.exec(text);
  const withYear = (s: string, dy: number) => s.replace(/\b(1\d{3}|20\d{2})\b/, (y) => String(Number(y) + dy));
  if (day && month !== -1) {
    const d = Number(day[1]);
    for (const dd of [1, -1, 3]) {
      const nd = d + dd;
      if (nd >= 1 && nd <= 28) out.push(replaceFirst(text, /\b\d+\b/g, (n) => Number(n) === d, String(nd)));
    }
  }
  if (month !== -1)
    for (const dm of [1, -1])
      out.push(replaceFirst(text, /\p{L}+/gu, (w) => isMonth(w, month), MONTHS[(month + dm + 12) % 12]));
  if (/\bfirst half\b/i.test(text)) out.push(text.replace(/\bfirst half\b/i, 'second half'));
  if (/\bsecond half\b/i.test(text)) out.push(text.replace(/\bsecond half\b/i, 'first half'));
  if (year) for (const dy of [1, -1, 2]) out.push(withYear(text, dy));
  const relative = /^(last|next|this) (week|month|year)$/i.exec(text);
  if (relative)
    for (const unit of ['week', 'month', 'year', 'spring'].filter((u) => u !== relative[2].toLowerCase()))
      out.push(`${relative[1]} ${unit}`);
  return out.filter((s) => s !== text);
}

/** `text` with the first match of `pattern` (global) that passes `which` replaced by `by`. */
function replaceFirst(text: string, pattern: RegExp, which: (match: string) => boolean, by: string): string {
  let done = false;
  return text.replace(pattern, (m) => (!done && which(m) ? ((done = true), by) : m));
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
