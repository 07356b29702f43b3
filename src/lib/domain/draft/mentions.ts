/**
 * What a sentence mentions that a key-facts card can ask about: dates, quantities, people,
 * organisations and places, each a run of the sentence's words.
 */
import {
  HONORIFICS,
  NAME_LINKS,
  ORG_HEADS,
  ORG_STARTS,
  PLACE_WORDS,
  ROLE_NOUNS,
  SPEECH_VERBS,
  UNITS,
  WEAK_NUMBERS
} from './lexicon';
import type { Sentence, Token } from './nlp';

export type MentionSort = 'date' | 'number' | 'person' | 'org' | 'place' | 'name';

export interface Mention {
  sort: MentionSort;
  /** The words as written (a person's honorific left out). */
  text: string;
  /** Token range in the sentence, `last` included. */
  first: number;
  last: number;
  /** Written in figures (a number), rather than in words. */
  figures?: boolean;
}

const CAPITAL = /^\p{Lu}/u;
/** Words that make a whole name an organisation's wherever they stand ("Lakeshore Unified School District"). */
const ORG_INSIDE = new Set(['school', 'university', 'college', 'council', 'police', 'ministry', 'institute']);
const ELIDED_CAPITAL = /^[dl]['’]\p{Lu}/u;
/** "American", "Iranian", "Chinese", "British": words for where someone or something is from. */
const DEMONYM = /(an|ese|ish|ic|i)$/;
const YEAR = /^(1[0-9]{3}|20[0-9]{2}|21[0-9]{2})s?$/;
const DAY = /^(0?[1-9]|[12][0-9]|3[01])(st|nd|rd|th)?$/;

const has = (t: Token, ...tags: string[]) => tags.some((tag) => t.tags.has(tag));
const isCapital = (t: Token) => CAPITAL.test(t.text) || ELIDED_CAPITAL.test(t.text);
const isMonth = (t: Token) => has(t, 'Month') || (has(t, 'Date') && CAPITAL.test(t.text) && !has(t, 'Duration'));
const isYear = (t: Token, next?: Token) =>
  YEAR.test(t.text) && !t.text.includes(',') && !(next && UNITS.has(next.lower) && !t.post.includes(','));

/** Which words of the sentence are inside quotation marks. */
export function quotedTokens(sentence: Sentence): boolean[] {
  let inside = false;
  return sentence.tokens.map((t) => {
    if (/[“"‘]/.test(t.pre)) inside = true;
    const here = inside;
    if (/[”"’]/.test(t.post.replace(/^['’]s/, ''))) inside = false;
    return here;
  });
}

/** Every date, number and name the sentence mentions, in reading order, none overlapping. */
export function findMentions(sentence: Sentence, paragraph: string): Mention[] {
  const tokens = sentence.tokens;
  const taken = new Array<boolean>(tokens.length).fill(false);
  const out: Mention[] = [];
  const text = (first: number, last: number) => paragraph.slice(tokens[first].start, tokens[last].end);
  const push = (sort: MentionSort, first: number, last: number, extra: Partial<Mention> = {}) => {
    for (let i = first; i <= last; i++) taken[i] = true;
    // Never a part of a word, except a number before its unit: "a {{90}}-hectare farm".
    const before = paragraph[tokens[first].start - 1] ?? ' ';
    const after = paragraph[tokens[last].end] ?? ' ';
    const unitAfter =
      sort === 'number' && after === '-' && /^-\p{L}/u.test(paragraph.slice(tokens[last].end, tokens[last].end + 2));
    if (/[\p{L}\p{N}-]/u.test(before) || (/[\p{L}\p{N}-]/u.test(after) && !unitAfter)) return;
    out.push({ sort, text: stripPossessive(text(first, last)), first, last, ...extra });
  };

  // Dates: a month with its day and year, a year, a century.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (isMonth(t)) {
      let first = i;
      let last = i;
      if (i > 0 && DAY.test(tokens[i - 1].text) && !breaks(tokens[i - 1])) first = i - 1;
      if (i + 1 < tokens.length && DAY.test(tokens[i + 1].text) && !breaks(t)) last = i + 1;
      if (last + 1 < tokens.length && YEAR.test(tokens[last + 1].text) && !breaks(tokens[last])) last++;
      push('date', first, last);
      i = last;
    } else if (isYear(t, tokens[i + 1])) {
      push('date', i, i);
    } else if (t.lower === 'century' && i > 0 && has(tokens[i - 1], 'Ordinal')) {
      push('date', i - 1, i);
    }
  }

  // Quantities: figures or number words, with a unit after them ("2.4 metres", "31 votes to 9").
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !isValue(tokens[i])) continue;
    let last = i;
    while (last + 1 < tokens.length && !taken[last + 1] && isValue(tokens[last + 1]) && !breaks(tokens[last])) last++;
    const next = tokens[last + 1];
    if (next && !breaks(tokens[last]) && (UNITS.has(next.lower) || next.lower === 'per')) {
      last++;
      if (next.lower === 'per' && tokens[last + 1]?.lower === 'cent') last++;
    }
    // A tally: "31 votes to 9".
    if (
      tokens[last].lower === 'votes' &&
      tokens[last + 1]?.lower === 'to' &&
      tokens[last + 2] &&
      isValue(tokens[last + 2])
    )
      last += 2;
    const words = tokens.slice(i, last + 1);
    const figures = words.some((w) => /\d/.test(w.text));
    const weak = !figures && words.every((w) => WEAK_NUMBERS.has(w.lower) || !isValue(w));
    if (!weak) push('number', i, last, { figures });
    else for (let j = i; j <= last; j++) taken[j] = true;
    i = last;
  }

  // Names: runs of capitalised words, with "of", "de"… inside them.
  for (let i = 0; i < tokens.length; i++) {
    if (taken[i] || !startsName(tokens, i)) continue;
    let last = i;
    while (last + 1 < tokens.length && !taken[last + 1] && !breaks(tokens[last])) {
      const next = tokens[last + 1];
      if (isCapital(next) && !has(next, 'Date', 'Month')) last++;
      else {
        // One or two linking words, then a capitalised word: "Tour de France", "Société d'Exploitation de la Tour".
        let j = last + 1;
        while (j < last + 3 && tokens[j] && NAME_LINKS.has(tokens[j].lower) && !breaks(tokens[j])) j++;
        if (j > last + 1 && tokens[j] && isCapital(tokens[j]) && !taken[j] && !has(tokens[j], 'Date', 'Month'))
          last = j;
        else break;
      }
    }
    let first = i;
    while (first < last && has(tokens[first], 'Determiner')) first++;
    const next = tokens[last + 1];
    // "the Maeslant barrier": a name and the kind of place it is.
    if (first === last && next && !breaks(tokens[last]) && PLACE_WORDS.has(next.lower) && !isCapital(next)) last++;
    // "Green councillor", "Dutch government", "the South American country": capitalised words
    // describing the noun after them, not a name of their own.
    const describes = next && !breaks(tokens[last]) && !isCapital(next) && has(next, 'Noun') && !has(next, 'Pronoun');
    const modifier = describes && (first === last || DEMONYM.test(tokens[last].text));
    let sort = modifier ? null : nameSort(tokens, first, last);
    // "Professor Miriam Stahl", "President Maduro": the title is a role, not part of the name.
    if (sort === 'person')
      for (let r = last - 1; r >= first; r--)
        if (HONORIFICS.has(tokens[r].lower.replace(/\.$/, '')) || ROLE_NOUNS.has(tokens[r].lower)) {
          first = r + 1;
          break;
        } else if (!sort && first === last && HONORIFICS.has(tokens[first].lower)) sort = null;
    if (sort) push(sort, first, last, { text: stripPossessive(text(first, last)) });
    for (let j = i; j <= last; j++) taken[j] = true;
    i = last;
  }
  return out.sort((a, b) => a.first - b.first);
}

/** Punctuation after a word ends a run of words ("Paris, France" is two names). */
function breaks(t: Token): boolean {
  return /[,;:.!?()“”"—–]/.test(t.post);
}

function isValue(t: Token): boolean {
  if (has(t, 'Ordinal') || isMonth(t)) return false;
  return has(t, 'Value', 'Money', 'Percent', 'Cardinal') || /^[£$€¥]?\d[\d,.]*%?$/.test(t.text);
}

function startsName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!isCapital(t) || has(t, 'Date', 'Month', 'Pronoun', 'QuestionWord', 'Conjunction', 'Preposition')) return false;
  if (t.text === 'I') return false;
  // At the start of a sentence any word is capitalised: count it only if the tagger knows it as a name.
  const atStart = i === 0 || /[“"‘(]/.test(t.pre) || /[:—–]\s*$/.test(tokens[i - 1]?.post ?? '');
  if (atStart) return has(t, 'ProperNoun', 'Person', 'Place', 'Organization') && !has(t, 'Determiner');
  return true;
}

function stripPossessive(text: string): string {
  return text.replace(/['’]s?$/, '');
}

/** Organisation, place, person or just a name, from the words and what comes around them. */
function nameSort(tokens: Token[], first: number, last: number): MentionSort | null {
  const words = tokens.slice(first, last + 1);
  const lower = words.map((w) => stripPossessive(w.lower).replace(/\.$/, ''));
  const head = lower[lower.length - 1];
  if (words.length === 1 && has(words[0], 'Adjective') && !has(words[0], 'Person', 'Place', 'Organization'))
    return null;
  const orgStart = ORG_STARTS.has(lower[0]) || (ORG_HEADS.has(lower[0]) && (lower[1] === 'of' || lower[1] === 'for'));
  const orgInside = lower.some((w) => ORG_INSIDE.has(w));
  if (ORG_HEADS.has(head) || orgStart || orgInside || words.some((w) => has(w, 'Organization'))) return 'org';
  if (lower.some((w) => PLACE_WORDS.has(w)) || words.some((w) => has(w, 'Place', 'City', 'Country', 'Region')))
    return 'place';
  if (HONORIFICS.has(lower[0]) || words.some((w) => has(w, 'Person', 'FirstName', 'LastName', 'Honorific')))
    return 'person';
  // A name the tagger does not know is a person's when a role comes before it or speech after it.
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  if (words.length <= 3) {
    if (before && ROLE_NOUNS.has(before.lower)) return 'person';
    if (after && SPEECH_VERBS.has(after.lower) && has(after, 'Verb')) return 'person';
    if (after && /,/.test(tokens[last].post) && (after.lower === 'who' || after.lower === 'whose')) return 'person';
  }
  return 'name';
}
