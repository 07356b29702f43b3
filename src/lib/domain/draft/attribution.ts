/**
 * Who a sentence attributes its statement to: "X said…", "…, he said", "according to X", or a
 * quotation whose speaker is named nearby. A sentence the writer states in their own voice has none.
 */
import type { Cast, Context } from './cast';
import {
  DOCUMENTS,
  FINDING_VERBS,
  GROUP_SPEAKERS,
  NAMING_VERBS,
  ORG_STAND_INS,
  ROLE_NOUNS,
  SPEECH_VERBS,
  SPEECH_VERBS_WITH_CLAUSE
} from './lexicon';
import type { Mention } from './mentions';
import type { Sentence, Token } from './nlp';

export interface Speaker {
  /** As a card names them: a person's full name, an organisation, or the article's words ("officials"). */
  name: string;
  /** group: people the article does not name ("officials"); source: a document or survey. */
  sort: 'person' | 'org' | 'group' | 'source';
  /** Other answers that name them (a person's surname). */
  accept?: string[];
}

export interface Attribution {
  speaker: Speaker;
  /**
   * subject: "X said (that) …"; trailing: "…, X said" or "…, said X"; according: "according to X";
   * quote: a quotation credited to someone named in or before the sentence.
   */
  form: 'subject' | 'trailing' | 'according' | 'quote';
  /** The attributing word(s) as written: "said", "told", "according to". */
  verb: string;
  /** Token index of the attributing verb (subject form: the question starts there). */
  verbAt: number;
  /** Tokens of what is attributed, `last` included. */
  content: { first: number; last: number };
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', "'s"]);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we']);

export interface SentenceFacts {
  sentence: Sentence;
  mentions: Mention[];
  quoted: boolean[];
}

/** The attribution of a sentence, or null when the writer states it in their own voice. */
export function attribute(s: SentenceFacts, cast: Cast, ctx: Context): Attribution | null {
  return according(s, cast, ctx) ?? bySpeechVerb(s, cast, ctx) ?? byFinding(s, ctx) ?? byQuotation(s, cast, ctx);
}

/** "A study published on Monday blames…", "It found…": what a study, survey or report concluded. */
function byFinding(s: SentenceFacts, ctx: Context): Attribution | null {
  const { tokens } = s.sentence;
  for (let v = 1; v < tokens.length; v++) {
    const t = tokens[v];
    if (s.quoted[v] || !t.tags.has('Verb') || !FINDING_VERBS.has(t.lower) || tokens[v - 1].lower === 'to') continue;
    let name: string | undefined;
    if (/^(it|they)$/.test(tokens[v - 1].lower)) name = ctx.document;
    else {
      const doc = documentBefore(s, v);
      if (doc) name = doc;
    }
    if (!name) continue;
    return {
      speaker: { name, sort: 'source' },
      form: 'subject',
      verb: t.text,
      verbAt: v,
      content: { first: v + 1, last: tokens.length - 1 }
    };
  }
  return null;
}

/** The document a finding verb at `v` has as its subject ("a 2024 review", "the district's own survey"). */
function documentBefore(s: SentenceFacts, v: number): string | undefined {
  const { tokens } = s.sentence;
  for (let j = v - 1; j >= Math.max(0, v - 8); j--) {
    if (s.quoted[j]) return undefined;
    if (DOCUMENTS.has(tokens[j].lower)) return documentPhrase(tokens, j);
  }
  return undefined;
}

/** The first document a sentence names, for "it" in the sentences that follow. */
export function documentIn(s: SentenceFacts): string | undefined {
  const j = s.sentence.tokens.findIndex((t, i) => DOCUMENTS.has(t.lower) && !s.quoted[i] && t.tags.has('Noun'));
  return j >= 0 ? documentPhrase(s.sentence.tokens, j) : undefined;
}

function documentPhrase(tokens: Token[], j: number): string {
  let k = j;
  while (
    k > 0 &&
    j - k < 4 &&
    !/[,;:]/.test(tokens[k - 1].post) &&
    !tokens[k - 1].tags.has('Verb') &&
    !tokens[k - 1].tags.has('Preposition')
  )
    k--;
  const words = tokens.slice(k, j + 1).map((t) => t.text);
  if (/^(a|an|the|this|that)$/i.test(words[0])) words[0] = 'the';
  else if (!/['’]s?$/.test(words[0]) && !/^(its|their|his|her)$/i.test(words[0])) words.unshift('the');
  return words.join(' ');
}

/** "According to X, …" and "…, according to X." */
function according(s: SentenceFacts, cast: Cast, ctx: Context): Attribution | null {
  const { tokens } = s.sentence;
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (s.quoted[i] || tokens[i].lower !== 'according' || tokens[i + 1].lower !== 'to') continue;
    let end = i + 2;
    while (end < tokens.length - 1 && !/[,;:]/.test(tokens[end].post)) end++;
    const found = speakerIn(s, i + 2, end, cast, ctx);
    if (found === 'writer') return null;
    // "according to budget papers": a source that is no one in particular is still named as the article names it.
    const speaker = found ?? { name: stripDeterminer(tokens, i + 2, end), sort: 'source' as const };
    if (!speaker.name) return null;
    const content = i === 0 ? { first: end + 1, last: tokens.length - 1 } : { first: 0, last: i - 1 };
    if (content.first > content.last) return null;
    return { speaker, form: 'according', verb: 'according to', verbAt: i, content };
  }
  return null;
}

function bySpeechVerb(s: SentenceFacts, cast: Cast, ctx: Context): Attribution | null {
  const { tokens } = s.sentence;
  for (let v = 0; v < tokens.length; v++) {
    const t = tokens[v];
    // "for boards to admit": an infinitive reports no one's statement.
    if (s.quoted[v] || !t.tags.has('Verb') || tokens[v - 1]?.lower === 'to') continue;
    const plain = SPEECH_VERBS.has(t.lower);
    const withClause = SPEECH_VERBS_WITH_CLAUSE.has(t.lower);
    if (!plain && !withClause) continue;
    const quoteAfter = tokens.slice(v + 1).some((x, j) => s.quoted[v + 1 + j]);
    if (NAMING_VERBS.has(t.lower) && !quoteAfter && tokens[v + 1]?.lower !== 'as') continue;
    // "as the council suggests": the writer sets their view against someone else's.
    if (disputes(tokens, v)) continue;

    // Passive: "was estimated by the insurers at…"; without "by", no one is credited.
    if (v > 0 && BE.has(tokens[v - 1].lower)) {
      const by = tokens.findIndex((x, j) => j > v && j <= v + 4 && x.lower === 'by');
      if (by < 0) continue;
      let end = by + 1;
      while (end < tokens.length - 1 && !/[,;:]/.test(tokens[end].post)) end++;
      const speaker = speakerIn(s, by + 1, end, cast, ctx);
      if (!speaker || speaker === 'writer') continue;
      return { speaker, form: 'subject', verb: t.text, verbAt: v, content: { first: 0, last: tokens.length - 1 } };
    }

    // "…, he said." / "…," said Maria Lopez, the director.
    const boundary = lastBoundaryBefore(s, v);
    if (boundary >= 0 && v - boundary - 1 <= 5) {
      const between = speakerIn(s, boundary + 1, v - 1, cast, ctx);
      const rest = tokens.length - 1 - v;
      if (between && between !== 'writer' && boundary >= 3 && rest <= 6 && tokens[v + 1]?.lower !== 'that')
        return trailing(between, t, v, boundary);
      const speakerEnd = v === boundary + 1 ? speakerAt(s, v + 1) : -1;
      if (speakerEnd >= 0) {
        const after = speakerIn(s, v + 1, speakerEnd, cast, ctx);
        if (after && after !== 'writer') return trailing(after, t, v, boundary);
      }
    }

    if (withClause && tokens[v + 1]?.lower !== 'that' && !quoteAfter) continue;
    const speaker = speakerIn(s, 0, v - 1, cast, ctx);
    if (!speaker || speaker === 'writer') continue;
    return { speaker, form: 'subject', verb: t.text, verbAt: v, content: { first: v + 1, last: tokens.length - 1 } };
  }
  return null;
}

function trailing(speaker: Speaker, verb: Token, v: number, boundary: number): Attribution {
  return { speaker, form: 'trailing', verb: verb.text, verbAt: v, content: { first: 0, last: boundary } };
}

/** "as <someone> suggests/claims/says": the sentence disputes someone's view rather than reporting it. */
export function disputes(tokens: Token[], v: number): boolean {
  if (tokens[v].tags.has('Infinitive')) return false;
  for (let j = v - 1; j >= Math.max(0, v - 4); j--) {
    if (/[,;:]/.test(tokens[j].post) || tokens[j].lower === 'to' || tokens[j].tags.has('Verb')) return false;
    if (tokens[j].lower === 'as') return j < v - 1;
  }
  return false;
}

/** The last token before `v` followed by a comma or a closing quotation mark, outside any quotation. */
function lastBoundaryBefore(s: SentenceFacts, v: number): number {
  for (let j = v - 1; j >= 0; j--) if (/[,”"]/.test(s.sentence.tokens[j].post)) return j;
  return -1;
}

/** A quotation of four words or more, credited to a person named in this sentence or the one before. */
function byQuotation(s: SentenceFacts, cast: Cast, ctx: Context): Attribution | null {
  const { tokens } = s.sentence;
  const first = s.quoted.indexOf(true);
  if (first < 0) return null;
  let last = first;
  while (last + 1 < tokens.length && s.quoted[last + 1]) last++;
  if (last - first + 1 < 4) return null;
  const person = s.mentions.filter((m) => m.sort === 'person' && !s.quoted[m.first]).pop();
  const named = person ? cast.person(person.text) : undefined;
  const speaker: Speaker | undefined = named
    ? personSpeaker(named.name, named.surname)
    : ctx.speaker && first === 0
      ? ctx.speaker
      : undefined;
  if (!speaker) return null;
  return { speaker, form: 'quote', verb: '', verbAt: first, content: { first, last } };
}

/** "said Maria Lopez", "said the agency", "said officials": where a speaker right after the verb ends, or -1. */
function speakerAt(s: SentenceFacts, i: number): number {
  const { tokens } = s.sentence;
  const t = tokens[i];
  if (!t) return -1;
  const named = s.mentions.find((m) => m.first === i && (m.sort === 'person' || m.sort === 'org'));
  if (named) return named.last;
  // "…," said he: only at the very end, or "said she would…" would read as inverted.
  if (PRONOUNS.has(t.lower)) return i === tokens.length - 1 ? i : -1;
  if (GROUP_SPEAKERS.has(t.lower)) return i;
  const next = tokens[i + 1];
  const standIn = next && (GROUP_SPEAKERS.has(next.lower) || ORG_STAND_INS.has(next.lower));
  return /^(the|its|their)$/.test(t.lower) && standIn ? i + 1 : -1;
}

/** The person "he" or "she" most likely means: the last one named, unless their gender says otherwise. */
function pronounFor(ctx: Context, gender: 'female' | 'male') {
  const last = ctx.person;
  if (last && last.gender !== (gender === 'female' ? 'male' : 'female')) return last;
  return gender === 'female' ? ctx.female : ctx.male;
}

function personSpeaker(name: string, surname: string): Speaker {
  return { name, sort: 'person', accept: name.includes(' ') ? [surname] : undefined };
}

/**
 * Who tokens from..to (inclusive) name as a speaker: a person, an organisation, a group
 * ("officials"), "he"/"she"/"they", or the writer ("I", "we"). The nearest to the verb wins.
 */
function speakerIn(s: SentenceFacts, from: number, to: number, cast: Cast, ctx: Context): Speaker | 'writer' | null {
  const { tokens } = s.sentence;
  const inRange = (m: Mention) => m.first >= from && m.last <= to && !s.quoted[m.first];
  const person = s.mentions.filter((m) => m.sort === 'person' && inRange(m)).pop();
  if (person) {
    const p = cast.person(person.text);
    return p ? personSpeaker(p.name, p.surname) : personSpeaker(person.text, person.text.split(' ').pop()!);
  }
  const org = s.mentions.filter((m) => m.sort === 'org' && inRange(m)).pop();
  if (org) return { name: org.text, sort: 'org' };
  // "Washington said", "the United States claimed": a country or capital speaking for its government.
  const place = s.mentions.find((m) => m.sort === 'place' && m.last === to && inRange(m));
  if (place && tokens[to + 1]?.tags.has('Verb')) return { name: place.text, sort: 'org' };
  for (let j = to; j >= from; j--) {
    const t = tokens[j];
    if (s.quoted[j]) continue;
    const word = t.lower.replace(/['’]s$/, '');
    // A pronoun speaks only as the verb's subject, right before it ("he said", "she later told").
    if (PRONOUNS.has(word) && t.tags.has('Pronoun') && (to - j > 1 || word === 'it')) continue;
    if (PRONOUNS.has(word) && t.tags.has('Pronoun')) {
      if (word === 'i' || word === 'we') return 'writer';
      const p = word === 'she' ? pronounFor(ctx, 'female') : word === 'he' ? pronounFor(ctx, 'male') : undefined;
      if (p) return personSpeaker(p.name, p.surname);
      if (word === 'they' && ctx.speaker && ctx.speaker.sort !== 'person') return ctx.speaker;
      if ((word === 'it' || word === 'they') && ctx.orgs[0]) return { name: ctx.orgs[0], sort: 'org' };
      return null;
    }
    if (ORG_STAND_INS.has(word) && !t.tags.has('Verb')) {
      // "the council", "its board", "their principals' association".
      let k = j;
      while (
        k > from &&
        j - k < 3 &&
        !/[,;:]/.test(tokens[k - 1].post) &&
        !tokens[k - 1].tags.has('Verb') &&
        !tokens[k - 1].tags.has('Preposition')
      )
        k--;
      const determined = tokens
        .slice(k, j)
        .some((x) => /^(the|its|their|his|her|a|an)$/.test(x.lower) || /['’]s?$/.test(x.text));
      if (!determined) continue;
      const org = cast.orgFor(word, ctx.orgs);
      if (org) return { name: org, sort: 'org' };
      // "the health ministry" named by what it is, not by a name: it keeps its "the" in a sentence.
      const name = stripDeterminer(tokens, k, j);
      return /^\p{Ll}/u.test(name) ? { name: `the ${name}`, sort: 'org', accept: [name] } : { name, sort: 'org' };
    }
    // "the Venezuelan president": someone the article gave that role.
    const described = tokens.slice(Math.max(from, j - 3), j);
    if (ROLE_NOUNS.has(word) && described.some((x) => x.lower === 'the')) {
      const p = cast.byRole(
        word,
        described.map((x) => x.lower)
      );
      if (p) return personSpeaker(p.name, p.surname);
    }
    if (GROUP_SPEAKERS.has(word)) {
      let k = j;
      while (
        k > from &&
        (tokens[k - 1].tags.has('Adjective') || tokens[k - 1].tags.has('Noun')) &&
        !/[,;:]/.test(tokens[k - 1].post)
      )
        k--;
      return {
        name: tokens
          .slice(k, j + 1)
          .map((x) => x.text)
          .join(' '),
        sort: 'group'
      };
    }
  }
  return null;
}

/** The words of tokens first..last without a leading "the", "its" or "their", as they read in the sentence. */
function stripDeterminer(tokens: Token[], first: number, last: number): string {
  while (first < last && (tokens[first].tags.has('Conjunction') || tokens[first].tags.has('Preposition'))) first++;
  const words = tokens.slice(first, last + 1).map((t) => t.text + (t === tokens[last] ? '' : t.post.split(/[,;:]/)[0]));
  const joined = words.join('').trim();
  return joined.replace(/^(the|its|their|his|her)\s+/i, '');
}
