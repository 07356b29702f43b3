/**
 * A person's role as the article gives it: before the name ("Council leader Priya Raman", "the
 * firm's lead engineer, Lars Verhoeven") or after it (", a retired teacher whose…", ", who leads…").
 */
import type { Cast, Context } from './cast';
import { ORG_STAND_INS, ROLE_NOUNS } from './lexicon';
import type { Mention } from './mentions';
import type { Sentence, Token } from './nlp';
import { trimChars } from './paragraphs';

export type Role = { noun: string } | { clause: string };

const STOPS = /[,;:.!?()“”"—–]/;
const ROLE_WORD_TAGS = ['Adjective', 'Noun', 'Possessive', 'ProperNoun', 'Determiner', 'Value'];

export function roleOf(sentence: Sentence, paragraph: string, m: Mention, cast: Cast, ctx: Context): Role | null {
  return roleBefore(sentence, m, cast, ctx) ?? roleAfter(sentence, paragraph, m);
}

function roleBefore(sentence: Sentence, m: Mention, cast: Cast, ctx: Context): Role | null {
  const { tokens } = sentence;
  let j = m.first - 1;
  if (j < 0) return null;
  // "Its author, Professor Miriam Stahl": the title is part of how she is named; the role is before it.
  if (j > 0 && /^\p{Lu}/u.test(tokens[j].text) && ROLE_NOUNS.has(tokens[j].lower) && tokens[j - 1].post.includes(','))
    j--;
  const noun = tokens[j];
  if (!ROLE_NOUNS.has(noun.lower) || (noun.post.trim() !== '' && noun.post.trim() !== ',')) return null;
  let k = j;
  while (k > 0 && j - k < 4) {
    const prev = tokens[k - 1];
    if (STOPS.test(prev.post) || !ROLE_WORD_TAGS.some((tag) => prev.tags.has(tag)) || prev.tags.has('Verb')) break;
    if (prev.tags.has('Person')) break;
    k--;
    if (prev.tags.has('Determiner') || /^(its|their|his|her)$/.test(prev.lower) || /['’]s$/.test(prev.lower)) {
      // "the firm's lead engineer": take the determiner before the possessive too.
      if (/['’]s$/.test(prev.lower) && k > 0 && tokens[k - 1].tags.has('Determiner') && !STOPS.test(tokens[k - 1].post))
        k--;
      break;
    }
  }
  // A bare title ("Professor") says too little to ask about.
  if (k === j && k > 0 && /^\p{Lu}/u.test(tokens[j].text)) return null;
  // At the start of a sentence a title is capitalised as a whole ("Health Minister Petra Lund"): asked
  // about mid-sentence, it reads in lower case ("who is the health minister?"), not half of it.
  const sentenceStart = k === 0 && !tokens[0].tags.has('ProperNoun');
  let words = tokens
    .slice(k, j + 1)
    .map((t, i) => ((i === 0 && sentenceStart) || (sentenceStart && ROLE_NOUNS.has(t.lower)) ? t.lower : t.text));
  const first = words[0].toLowerCase();
  if (first === 'his' || first === 'her') return null;
  if (first === 'its' || first === 'their') {
    // Only when the sentence before starts with the organisation ("The Environment Agency has… Its manager").
    const org = ctx.subject;
    if (!org) return null;
    words = [possessive(cast.orgInText(org)), ...words.slice(1)];
  } else if (first === 'the' && words[1] && /['’]s$/.test(words[1])) {
    const stand = words[1].replace(/['’]s$/, '').toLowerCase();
    const org = ORG_STAND_INS.has(stand) ? (cast.orgFor(stand, ctx.orgs) ?? ctx.orgs[0]) : undefined;
    if (org) words = [possessive(cast.orgInText(org)), ...words.slice(2)];
  } else if (!/^(the|a|an)$/.test(first) && !/['’]s$/.test(first)) words = ['the', ...words];
  const text = words.join(' ');
  return { noun: text.replace(/^(a|an) /i, 'the ') };
}

function roleAfter(sentence: Sentence, paragraph: string, m: Mention): Role | null {
  const { tokens } = sentence;
  if (!tokens[m.last].post.includes(',')) return null;
  const start = m.last + 1;
  if (start >= tokens.length) return null;
  let end = start;
  while (end < tokens.length - 1 && !/[,;:]/.test(tokens[end].post)) end++;
  // An apposition closes with a comma (or ends the sentence); otherwise it is the rest of the sentence.
  if (end < tokens.length - 1 && !tokens[end].post.includes(',')) return null;
  const text = trimChars(slice(paragraph, tokens, start, end), '.!?');
  const lead = tokens[start].lower;
  if (lead === 'who') {
    if (end - start < 2) return null;
    return { clause: trimChars(slice(paragraph, tokens, start + 1, end), '.!?') };
  }
  if (lead === 'a' || lead === 'an' || lead === 'the') {
    const head = tokens.slice(start, Math.min(end + 1, start + 5));
    if (!head.some((t) => ROLE_NOUNS.has(t.lower))) return null;
    return { noun: text.replace(/^(a|an) /i, 'the ') };
  }
  return null;
}

function slice(paragraph: string, tokens: Token[], first: number, last: number): string {
  return paragraph.slice(tokens[first].start, tokens[last].end);
}

function possessive(name: string): string {
  return /s$/.test(name) ? `${name}’` : `${name}’s`;
}
