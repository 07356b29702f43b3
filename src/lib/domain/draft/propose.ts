/**
 * Cards from read sentences: cloze cards on the key facts the writer states, "who said…" cards on
 * attributed statements, and cards on the words that carry the writer's judgement. Every card has
 * its kind, its cite and a one-line explanation; no card gives its answer away in its question, and
 * no two ask the same thing.
 */
import type { Card, CardKind } from '../deck.schema';
import type { Attribution, Speaker } from './attribution';
import type { DraftCard, UnnumberedCard } from './draft-types';
import type { Signal, SignalRole } from './judgement';
import type { Mention, MentionSort } from './mentions';
import type { Sentence } from './nlp';
import { trimChars } from './paragraphs';
import type { Role } from './roles';
import { explanations, HINTS, options, prompts, SIGNAL_HINTS, TAGS } from './templates';

/** A sentence as the engine has read it. */
export interface ReadSentence {
  paragraph: number;
  paragraphText: string;
  sentence: Sentence;
  mentions: Mention[];
  quoted: boolean[];
  attribution: Attribution | null;
  signals: Signal[];
  kind: CardKind;
  /** Roles of the people named, by mention index. */
  roles: Map<Mention, { person: string; surname: string; role: Role }>;
}

type CardBody = Omit<Card, 'id' | 'kind' | 'cite' | 'explanation' | 'tags' | 'claimBy'> & Partial<Card>;

const MENTION_PRIORITY: Record<MentionSort, number> = { date: 0, number: 1, person: 2, org: 3, place: 4, name: 5 };
const SIGNAL_PRIORITY: Record<SignalRole, number> = {
  view: 0,
  judgement: 1,
  forecast: 2,
  ought: 3,
  hedge: 4,
  dispute: 5
};
const MAX_DELETIONS = 3;
const MAX_SIGNALS = 2;

export class Proposer {
  private readonly cards: (Omit<DraftCard, 'card'> & { card: UnnumberedCard })[] = [];
  /** Answers already asked by a cloze, so the deck asks each once. */
  private readonly asked = new Set<string>();
  private readonly prompts = new Set<string>();
  private readonly roled = new Set<string>();

  constructor(
    private readonly sourceId: string,
    /** The most quoted speakers, for "whose view" options. */
    private readonly speakers: string[]
  ) {}

  propose(s: ReadSentence): void {
    if (/\{\{|\}\}/.test(s.sentence.text)) return;
    for (const [, r] of s.roles) this.roleCard(s, r);
    if (s.kind === 'claim' && s.attribution) this.claimCards(s, s.attribution);
    else if (s.kind === 'opinion') this.opinionCard(s);
    else this.factCard(s);
  }

  /** The proposed cards, without ids. */
  result(): (Omit<DraftCard, 'card'> & { card: UnnumberedCard })[] {
    return this.cards;
  }

  private factCard(s: ReadSentence): void {
    const chosen = this.pickMentions(s, MAX_DELETIONS, () => true);
    if (chosen.length === 0) return;
    const text = cloze(
      s,
      chosen.map((m) => ({ ...m, hint: HINTS[m.sort] }))
    );
    this.add(s, 'fact', { type: 'cloze', text }, explanations.fact);
    for (const m of chosen) this.asked.add(key(m.text));
  }

  private claimCards(s: ReadSentence, a: Attribution): void {
    const by = a.speaker.name;
    const explanation = explanations.claim(by, a.verb);
    const question = whoQuestion(s, a);
    const named = a.speaker.sort === 'person' || a.speaker.sort === 'org';
    const answers = [by, ...(a.speaker.accept ?? [])];
    if (question && !answers.some((x) => contains(question, x))) {
      const body: CardBody = named
        ? { type: 'typed', front: question, answer: by, ...(a.speaker.accept ? { accept: a.speaker.accept } : {}) }
        : { type: 'basic', front: question, back: a.speaker.sort === 'group' ? prompts.unnamed(by) : capitalise(by) };
      this.add(s, 'claim', body, explanation, a.speaker);
    } else {
      const front = prompts.whatKind(s.sentence.text);
      const body: CardBody = {
        type: 'choice',
        front,
        answer: options.claim,
        options: [options.fact, options.claim, options.writersView]
      };
      this.add(s, 'claim', body, explanation, a.speaker);
    }
    // A figure or date from what was said (else from how the article frames it), as a cloze.
    const figureLike = (m: Mention) => m.sort === 'number' || m.sort === 'date';
    const inContent = (m: Mention) => figureLike(m) && m.first >= a.content.first && m.last <= a.content.last;
    const [figure] = [...this.pickMentions(s, 1, inContent), ...this.pickMentions(s, 1, figureLike)];
    if (figure) {
      const text = cloze(s, [{ ...figure, hint: HINTS[figure.sort] }]);
      this.add(s, 'claim', { type: 'cloze', text }, explanation, a.speaker);
      this.asked.add(key(figure.text));
    }
  }

  private opinionCard(s: ReadSentence): void {
    const sentenceText = s.sentence.text.toLowerCase();
    const usable = s.signals
      .filter((g) => g.role !== 'dispute' && occurrences(sentenceText, g.text.toLowerCase()) === 1)
      .sort((a, b) => SIGNAL_PRIORITY[a.role] - SIGNAL_PRIORITY[b.role])
      .slice(0, MAX_SIGNALS)
      .sort((a, b) => a.first - b.first);
    const explanation = explanations.opinion(s.signals.slice(0, 3));
    if (usable.length > 0) {
      const text = cloze(
        s,
        usable.map((g) => ({ first: g.first, last: g.last, hint: SIGNAL_HINTS[g.role] }))
      );
      this.add(s, 'opinion', { type: 'cloze', text }, explanations.opinion(usable));
      return;
    }
    const claimOption = this.speakers[0] ? options.claimBy(this.speakers[0]) : options.claimBySomeone;
    this.add(
      s,
      'opinion',
      {
        type: 'choice',
        front: prompts.whoseView(s.sentence.text),
        answer: options.writersView,
        options: [options.fact, claimOption, options.writersView]
      },
      explanation
    );
  }

  private roleCard(s: ReadSentence, r: { person: string; surname: string; role: Role }): void {
    if (this.roled.has(r.person)) return;
    const front = 'noun' in r.role ? prompts.role(r.role.noun) : prompts.roleClause(r.role.clause);
    if (contains(front, r.person) || contains(front, r.surname)) return;
    const accept = r.surname !== r.person ? [r.surname] : undefined;
    const body: CardBody = { type: 'typed', front, answer: r.person, ...(accept ? { accept } : {}) };
    if (this.add(s, 'fact', body, explanations.role(r.person), undefined, 'role')) this.roled.add(r.person);
  }

  /** Mentions worth asking, best first, none asked before and none whose words recur in the sentence. */
  private pickMentions(s: ReadSentence, max: number, keep: (m: Mention) => boolean): Mention[] {
    const lower = s.sentence.text.toLowerCase();
    return s.mentions
      .filter((m) => keep(m) && !s.quoted[m.first] && !this.asked.has(key(m.text)) && !m.text.includes('::'))
      .filter((m) => occurrences(lower, m.text.toLowerCase()) === 1)
      .sort((a, b) => priority(a) - priority(b))
      .slice(0, max)
      .sort((a, b) => a.first - b.first);
  }

  private add(
    s: ReadSentence,
    kind: CardKind,
    body: CardBody,
    explanation: string,
    speaker?: Speaker,
    about: DraftCard['about'] = 'statement'
  ): boolean {
    const prompt = key('front' in body && body.front ? body.front : 'text' in body ? (body.text ?? '') : '');
    if (!prompt || this.prompts.has(prompt)) return false;
    this.prompts.add(prompt);
    const tag = about === 'role' ? TAGS.fact : TAGS[kind];
    const card = {
      ...body,
      kind,
      ...(kind === 'claim' && speaker ? { claimBy: speaker.name } : {}),
      cite: { source: this.sourceId, paragraphs: [s.paragraph] },
      explanation,
      tags: [tag]
    } as UnnumberedCard;
    this.cards.push({ card, paragraph: s.paragraph, sentence: s.sentence.text, about });
    return true;
  }
}

function priority(m: Mention): number {
  // A bare number in words ("three") comes after every name; "eight years" is a quantity like "8 years".
  return m.sort === 'number' && !m.figures && !m.text.includes(' ') ? 6 : MENTION_PRIORITY[m.sort];
}

/** The sentence with the given token ranges hidden as cloze deletions. */
function cloze(s: ReadSentence, gaps: { first: number; last: number; hint: string }[]): string {
  const { tokens } = s.sentence;
  const p = s.paragraphText;
  let out = '';
  let at = s.sentence.start;
  for (const g of [...gaps].sort((a, b) => a.first - b.first)) {
    const start = tokens[g.first].start;
    const end = tokens[g.last].end;
    out += p.slice(at, start) + `{{${p.slice(start, end)}::${g.hint}}}`;
    at = end;
  }
  return (out + p.slice(at, s.sentence.end)).trim();
}

/** "Who said…?" for an attributed sentence, in the form the sentence gives the attribution. */
function whoQuestion(s: ReadSentence, a: Attribution): string | null {
  const { tokens } = s.sentence;
  const p = s.paragraphText;
  const span = (first: number, last: number) => p.slice(tokens[first].start, tokens[last].end);
  const end = s.sentence.end;
  switch (a.form) {
    case 'subject': {
      if (a.content.first === 0) return null;
      const predicate = p.slice(tokens[a.verbAt].start, end).trim();
      return prompts.whoPredicate(shorten(trimEnd(predicate)));
    }
    case 'trailing': {
      const content = span(a.content.first, a.content.last);
      const allQuoted = s.quoted.slice(a.content.first, a.content.last + 1).every(Boolean);
      return allQuoted
        ? prompts.whoQuote(a.verb.toLowerCase(), shorten(unquote(content)))
        : prompts.whoThat(a.verb.toLowerCase(), shorten(lowerFirst(s, a.content.first, trimEnd(content))));
    }
    case 'according':
      return prompts.whoAccording(
        shorten(lowerFirst(s, a.content.first, trimEnd(span(a.content.first, a.content.last))))
      );
    case 'quote':
      return prompts.whoQuote('said', shorten(unquote(span(a.content.first, a.content.last))));
  }
}

const LONG = 32;

/** A long quotation or statement cut to its first and last words, so the question stays readable. */
function shorten(text: string): string {
  const words = text.split(' ');
  if (words.length <= LONG) return text;
  return `${words.slice(0, 20).join(' ')} … ${words.slice(-8).join(' ')}`;
}

/** Text without the sentence's closing punctuation or a dangling comma (a closing quotation mark stays). */
function trimEnd(text: string): string {
  return trimChars(text.trim(), '.!?,;:')
    .replace(/([^.!?,;:])[.!?,;:]+(["”’])$/, '$1$2')
    .trim();
}

function unquote(text: string): string {
  return trimEnd(trimChars(trimChars(text, '"“‘', { start: true }), '"”’').replace(/[,.]$/, ''));
}

/** The first letter in lower case, unless the first word is a name or "I". */
function lowerFirst(s: ReadSentence, first: number, text: string): string {
  const t = s.sentence.tokens[first];
  const keep =
    t.text === 'I' ||
    t.tags.has('ProperNoun') ||
    t.tags.has('Person') ||
    t.tags.has('Place') ||
    s.mentions.some((m) => m.first === first);
  return keep ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

function key(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Whether `text` contains `words` as whole words, ignoring case, accents and punctuation. */
export function contains(text: string, words: string): boolean {
  const w = key(words);
  return w.length > 0 && ` ${key(text)} `.includes(` ${w} `);
}

function occurrences(text: string, part: string): number {
  if (!part) return 0;
  let n = 0;
  for (let i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
    const before = text[i - 1];
    const after = text[i + part.length];
    if (!(before && /[\p{L}\p{N}]/u.test(before)) && !(after && /[\p{L}\p{N}]/u.test(after))) n++;
  }
  return n;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
