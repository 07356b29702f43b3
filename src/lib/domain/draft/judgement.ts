/**
 * The words in a sentence that carry the writer's own judgement: hedges ("may", "likely"),
 * evaluative and loaded words ("premature", "a real affront"), what ought to be ("should"),
 * forecasts ("will surely"), the writer's voice ("in my view"). Words inside quotation marks are
 * someone else's and are not counted.
 */
import { disputes } from './attribution';
import {
  EVALUATIVE,
  FORECAST_ADVERBS,
  HEDGES,
  HEDGING_LINKS,
  NORMATIVE,
  SPEECH_VERBS,
  STANCE_ADVERBS,
  VIEW_PHRASES
} from './lexicon';
import type { Sentence, Token } from './nlp';

export type SignalRole = 'view' | 'judgement' | 'hedge' | 'ought' | 'forecast' | 'dispute';

export interface Signal {
  role: SignalRole;
  /** Tokens of the signal, `last` included. */
  first: number;
  last: number;
  /** The words as written. */
  text: string;
}

const FIRST_PERSON = new Set(['i', 'my', 'me', 'we', 'our', 'us']);

export function judgementSignals(sentence: Sentence, paragraph: string, quoted: boolean[]): Signal[] {
  const { tokens } = sentence;
  const signals: Signal[] = [];
  const used = new Array<boolean>(tokens.length).fill(false);
  const add = (role: SignalRole, first: number, last: number) => {
    for (let i = first; i <= last; i++) if (used[i] || quoted[i]) return;
    for (let i = first; i <= last; i++) used[i] = true;
    signals.push({ role, first, last, text: paragraph.slice(tokens[first].start, tokens[last].end) });
  };

  const words = tokens.map((t) => t.lower);
  for (const [phrase, role] of Object.entries(VIEW_PHRASES)) {
    const parts = phrase.split(' ');
    for (let i = 0; i + parts.length <= tokens.length; i++)
      if (parts.every((p, j) => words[i + j] === p) && noBreakInside(tokens, i, i + parts.length - 1))
        add(role, i, i + parts.length - 1);
  }

  // "If the missiles are bought, this will be…": the writer forecasting what follows.
  const conditional = words[0] === 'if' || words[0] === 'unless';
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const w = words[i];
    if (conditional && (w === 'will' || w === "won't") && !quoted[i] && !used[i]) {
      add('forecast', i, i);
      continue;
    }
    if (quoted[i] || used[i] || isName(t, i)) continue;
    // "short-sighted", "ill-judged": a judgement written as one hyphenated word of two tokens.
    if (t.post === '-' && i + 1 < tokens.length && EVALUATIVE.has(`${w}-${words[i + 1]}`)) {
      add('judgement', i, i + 1);
      continue;
    }
    // "leave for good" means for ever: no judgement.
    if (w === 'good' && words[i - 1] === 'for' && /^[\s.,;:!?]*$/.test(t.post)) continue;
    if (w === 'will' && FORECAST_ADVERBS.has(words[i + 1] ?? '')) add('forecast', i, i + 1);
    else if (HEDGES.has(w) && !t.tags.has('Month')) {
      // "may well", "could well": the hedge and its softener.
      add('hedge', i, words[i + 1] === 'well' ? i + 1 : i);
    } else if (HEDGING_LINKS.has(w) && tokens[i + 1]?.tags.has('Adjective')) add('judgement', i, i + 1);
    else if (NORMATIVE.has(w)) add('ought', i, w === 'ought' && words[i + 1] === 'to' ? i + 1 : i);
    else if (STANCE_ADVERBS.has(w)) add('judgement', i, i);
    else if (EVALUATIVE.has(w) && (t.tags.has('Adjective') || t.tags.has('Noun') || t.tags.has('Adverb')))
      add('judgement', i, i);
    else if ((FIRST_PERSON.has(w) && t.tags.has('Pronoun')) || w === 'my' || w === 'our') add('view', i, i);
    else if (SPEECH_VERBS.has(w) && t.tags.has('Verb') && disputes(tokens, i)) {
      let a = i;
      while (a > 0 && words[a] !== 'as') a--;
      add('dispute', a, i);
    }
  }
  return signals.sort((a, b) => a.first - b.first);
}

function noBreakInside(tokens: Token[], first: number, last: number): boolean {
  for (let i = first; i < last; i++) if (/[,;:.!?]/.test(tokens[i].post)) return false;
  return true;
}

/** A capitalised word in mid-sentence is part of a name ("Great Britain"), not a judgement. */
function isName(t: Token, i: number): boolean {
  return i > 0 && /^\p{Lu}/u.test(t.text) && t.text !== 'I';
}
