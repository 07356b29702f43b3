/**
 * Quiz questions from any deck: multiple choice, true/false, typed answers (cloze deletions
 * included) and matching rounds. The same deck and settings always give the same quiz.
 */
import { normalizeAnswer } from './answer-check';
import type { ClozePart } from './cloze';
import type { Card, Deck } from './deck.schema';
import { answerSort, type AnswerSort } from './answer-sort';
import {
  answerPool,
  distractorCount,
  isNearDuplicate,
  pickDistractors,
  type AnswerPool,
  type DistractorTarget
} from './distractors';
import { createRandom, type Random } from './random';
import { studyItems, type StudyItem } from './study-items';

export type QuestionType = 'choice' | 'truefalse' | 'typed' | 'match';
export const QUESTION_TYPES: readonly QuestionType[] = ['choice', 'truefalse', 'typed', 'match'];

export interface QuizSettings {
  seed: number;
  /** Most questions to ask; a matching round counts as one. */
  count: number | 'all';
  types: readonly QuestionType[];
  /** Restrict to these study item ids (e.g. missed last time). */
  onlyItemIds?: readonly string[];
}

export interface QuestionBase {
  /** Unique in the quiz: `<type>:<item id>`. */
  id: string;
  /** The study item the question tests. */
  itemId: string;
  card: Card;
  prompt: string;
}

export interface MatchPair {
  itemId: string;
  card: Card;
  prompt: string;
  answer: string;
}

export type Question =
  | (QuestionBase & { type: 'choice'; options: string[]; answer: string })
  /**
   * Is `shownAnswer` the answer to `prompt`? `rightAnswer` is the answer that is. Native true/false
   * cards have both empty: the prompt is the statement.
   */
  | (QuestionBase & { type: 'truefalse'; shownAnswer: string; answer: boolean; rightAnswer: string })
  | (QuestionBase & {
      type: 'typed';
      answer: string;
      accept: string[];
      cloze?: { parts: ClozePart[]; deletion: number };
    })
  /**
   * `itemId` is the first pair's item id; `answers` holds the pairs' answers in a seeded shuffled
   * order (never the pairs' own order), for the column the learner matches against.
   */
  | { type: 'match'; id: string; pairs: MatchPair[]; answers: string[]; itemId: string };

/** Options in a multiple-choice question, when the deck has enough different answers of its sort. */
export const CHOICE_OPTIONS = 4;
/**
 * Fewest options in a generated multiple-choice question: with one wrong answer it would be a coin
 * toss, so such an item is asked as true/false instead. Authored options are shown as written.
 */
export const MIN_CHOICE_OPTIONS = 3;
/** Pairs in a matching round; a round needs at least `MIN_MATCH_PAIRS`. */
export const MATCH_PAIRS = 5;
export const MIN_MATCH_PAIRS = 3;
/** Longer answers are only asked as typed when the card is a typed card. */
const TYPED_ANSWER_MAX = 40;
const MATCH_PROMPT_MAX = 80;
const MATCH_ANSWER_MAX = 40;

/** What a study item asks and its answer as text; a cloze prompt shows its asked deletion as `[…]` or `[hint]`. */
export function promptAndAnswer(item: StudyItem): { prompt: string; answer: string; accept: string[] } {
  if (item.side === 'cloze') {
    let n = 0;
    let answer = '';
    const prompt = item.parts
      .map((part) => {
        if (typeof part === 'string') return part;
        if (++n !== item.deletion) return part.answer;
        answer = part.answer;
        return `[${part.hint ?? '…'}]`;
      })
      .join('');
    return { prompt, answer, accept: [] };
  }
  if (item.side === 'back') return { prompt: item.card.back, answer: item.card.front, accept: [] };
  const card = item.card;
  switch (card.type) {
    case 'basic':
    case 'reverse':
      return { prompt: card.front, answer: card.back, accept: [] };
    case 'typed':
      return { prompt: card.front, answer: card.answer, accept: [...(card.accept ?? [])] };
    case 'choice':
      return { prompt: card.front, answer: card.answer, accept: [] };
    case 'truefalse':
      // The deck formats' own tokens for a true/false answer (the CSV export writes them too), not the
      // app's words: pages show `t.answers`.
      return { prompt: card.front, answer: card.answer ? 'True' : 'False', accept: [] };
    case 'cloze':
      return { prompt: card.text, answer: '', accept: [] }; // studyItems gives cloze cards side 'cloze'
  }
}

/** A study item with what it asks. */
interface Entry extends DistractorTarget {
  item: StudyItem;
  /** A choice card's authored options other than the answer. */
  decoys?: string[];
}

type Plan = { type: 'choice' | 'truefalse' | 'typed'; entry: Entry } | { type: 'match'; entries: Entry[] };

/**
 * A quiz from `deck`. Each study item is asked at most once. Types are spread evenly over the
 * items that suit them: native true/false cards only as true/false; choice cards with authored
 * options only as choice or true/false; typed answers only when short (or a typed card); matching
 * only for short prompts and answers. Items that suit none of `settings.types` are left out.
 * Wrong answers are of the answer's sort (`answer-sort.ts`). Multiple choice has `CHOICE_OPTIONS`
 * options, fewer (at least `MIN_CHOICE_OPTIONS`) when the deck has few answers of that sort; an
 * item with too few is not asked as choice, and one with none neither as true/false.
 * About half of the true/false answers are true (within one when the deck allows).
 */
export function generateQuiz(deck: Pick<Deck, 'cards'>, settings: QuizSettings): Question[] {
  const rng = createRandom(settings.seed);
  const items = studyItems(deck);
  const entries = items.map(toEntry);
  const pool = answerPool(entries.filter((e) => e.item.card.type !== 'truefalse'));
  const only = settings.onlyItemIds && new Set(settings.onlyItemIds);
  const asked = only ? entries.filter((e) => only.has(e.item.id)) : entries;
  const types = QUESTION_TYPES.filter((t) => settings.types.includes(t));
  const limit = settings.count === 'all' ? Infinity : Math.max(0, Math.floor(settings.count) || 0);

  const wrongCounts = new Map<Entry, number>();
  const wrongCount = (e: Entry) => {
    if (!wrongCounts.has(e)) wrongCounts.set(e, distractorCount(e, pool, CHOICE_OPTIONS - 1, e.decoys));
    return wrongCounts.get(e)!;
  };
  const suits = (e: Entry, type: QuestionType): boolean => {
    const card = e.item.card;
    if (card.type === 'truefalse') return type === 'truefalse';
    if (type === 'choice') return wrongCount(e) >= (e.decoys?.length ? 1 : MIN_CHOICE_OPTIONS - 1);
    if (type === 'truefalse') return wrongCount(e) >= 1;
    if (e.decoys || !e.answer) return false;
    if (type === 'typed') return card.type === 'typed' || e.answer.length <= TYPED_ANSWER_MAX;
    return e.prompt.length <= MATCH_PROMPT_MAX && e.answer.length <= MATCH_ANSWER_MAX;
  };

  const order = rng.shuffle(asked);
  const used = new Set<Entry>();
  const perType = new Map<QuestionType, number>(types.map((t) => [t, 0]));
  const plans: Plan[] = [];
  for (const entry of order) {
    if (plans.length >= limit) break;
    if (used.has(entry)) continue;
    const fitting = rng.shuffle(types.filter((t) => suits(entry, t)));
    fitting.sort((a, b) => perType.get(a)! - perType.get(b)!); // stable: ties stay in shuffled order
    for (const type of fitting) {
      const plan: Plan | undefined =
        type === 'match' ? matchPlan(entry, order, used, (e) => suits(e, 'match')) : { type, entry };
      if (!plan) continue;
      plans.push(plan);
      for (const e of plan.type === 'match' ? plan.entries : [plan.entry]) used.add(e);
      perType.set(type, perType.get(type)! + 1);
      break;
    }
  }

  const truths = trueFalseAnswers(plans, rng);
  const questions = plans.map((plan, i) => build(plan, truths.get(i), pool, rng));
  return rng.shuffle(questions);
}

/** What sort of thing a study item's answer is (`answer-sort.ts`): a person, a job title, a city…; null when unknown. */
export function itemSort(item: StudyItem): AnswerSort | null {
  const { prompt, answer } = promptAndAnswer(item);
  return sortOf(item, prompt, answer);
}

function sortOf(item: StudyItem, prompt: string, answer: string): AnswerSort | null {
  return answerSort({
    prompt,
    answer,
    position: item.side === 'front' ? 'back' : item.side === 'back' ? 'front' : 'cloze',
    hint: item.side === 'cloze' ? clozeHint(item.parts, item.deletion) : undefined,
    authored: item.side === 'back' ? item.card.frontSort : item.card.sort
  });
}

function toEntry(item: StudyItem): Entry {
  const { prompt, answer, accept } = promptAndAnswer(item);
  const card = item.card;
  const entry: Entry = { item, cardId: card.id, prompt, answer, accept, sort: sortOf(item, prompt, answer) };
  if (card.type === 'choice' && card.options) {
    const key = normalizeAnswer(card.answer);
    entry.answer = card.options.find((o) => normalizeAnswer(o) === key) ?? card.answer;
    entry.decoys = card.options.filter((o) => normalizeAnswer(o) !== key);
  }
  return entry;
}

function clozeHint(parts: readonly ClozePart[], deletion: number): string | undefined {
  const part = parts.filter((p) => typeof p !== 'string')[deletion - 1];
  return typeof part === 'string' ? undefined : part?.hint;
}

/** A matching round led by `first`, with partners in quiz order; none if too few fit together. */
function matchPlan(
  first: Entry,
  order: readonly Entry[],
  used: ReadonlySet<Entry>,
  suits: (e: Entry) => boolean
): Plan | undefined {
  const entries = [first];
  for (const e of order) {
    if (entries.length >= MATCH_PAIRS) break;
    if (used.has(e) || entries.includes(e) || !suits(e)) continue;
    const clash = entries.some(
      (o) =>
        o.cardId === e.cardId ||
        normalizeAnswer(o.prompt) === normalizeAnswer(e.prompt) ||
        isNearDuplicate(o.answer, e.answer)
    );
    if (!clash) entries.push(e);
  }
  return entries.length >= MIN_MATCH_PAIRS ? { type: 'match', entries } : undefined;
}

/**
 * The answer of each generated true/false question, by plan index: native cards keep theirs, and
 * the generated ones are split so that the whole quiz is about half true.
 */
function trueFalseAnswers(plans: readonly Plan[], rng: Random): Map<number, boolean> {
  const generated: number[] = [];
  let nativeTrue = 0;
  let natives = 0;
  plans.forEach((plan, i) => {
    if (plan.type !== 'truefalse') return;
    const card = plan.entry.item.card;
    if (card.type !== 'truefalse') generated.push(i);
    else {
      natives++;
      if (card.answer) nativeTrue++;
    }
  });
  const total = natives + generated.length;
  const wantTrue = Math.floor(total / 2) + (total % 2 ? rng.int(2) : 0);
  const trueCount = Math.min(generated.length, Math.max(0, wantTrue - nativeTrue));
  return new Map(rng.shuffle(generated).map((index, k) => [index, k < trueCount]));
}

function build(plan: Plan, truth: boolean | undefined, pool: AnswerPool, rng: Random): Question {
  if (plan.type === 'match') {
    const pairs = plan.entries.map((e) => ({
      itemId: e.item.id,
      card: e.item.card,
      prompt: e.prompt,
      answer: e.answer
    }));
    const answers = rng.shuffle(pairs.map((p) => p.answer));
    if (answers.every((a, i) => a === pairs[i].answer)) answers.push(answers.shift()!);
    return { type: 'match', id: `match:${pairs[0].itemId}`, pairs, answers, itemId: pairs[0].itemId };
  }
  const { entry } = plan;
  const { item } = entry;
  const base: QuestionBase = { id: `${plan.type}:${item.id}`, itemId: item.id, card: item.card, prompt: entry.prompt };
  switch (plan.type) {
    case 'choice': {
      const wanted = Math.max(CHOICE_OPTIONS - 1, entry.decoys?.length ?? 0);
      const wrong = pickDistractors(entry, pool, wanted, rng, entry.decoys);
      return { ...base, type: 'choice', options: rng.shuffle([entry.answer, ...wrong]), answer: entry.answer };
    }
    case 'truefalse': {
      if (item.card.type === 'truefalse') {
        return { ...base, type: 'truefalse', shownAnswer: '', answer: item.card.answer, rightAnswer: '' };
      }
      const [wrong] = truth ? [] : pickDistractors(entry, pool, 1, rng, entry.decoys);
      const answer = wrong === undefined;
      return { ...base, type: 'truefalse', shownAnswer: wrong ?? entry.answer, answer, rightAnswer: entry.answer };
    }
    case 'typed': {
      const cloze = item.side === 'cloze' ? { parts: item.parts, deletion: item.deletion } : undefined;
      return { ...base, type: 'typed', answer: entry.answer, accept: [...entry.accept], ...(cloze && { cloze }) };
    }
  }
}
