/**
 * Drafting a deck from an article: read every sentence (compromise tags the words), gather the
 * people and organisations it names, decide for each sentence whether the writer states it
 * (fact), credits it to someone (claim) or judges (opinion), and propose cards. Pure and offline;
 * run in a Web Worker, as reading a long article takes a moment.
 */
import { clozeRevealed } from '../cloze';
import type { Card } from '../deck.schema';
import { cardIdMaker } from '../import/card-ids';
import { plainParagraphs } from './paragraphs';
import { attribute, documentIn } from './attribution';
import { Cast, updateContext, type Context } from './cast';
import { DRAFT_LIMITS, type DraftCard, type DraftInput, type DraftResult, type UnnumberedCard } from './draft-types';
import { judgementSignals } from './judgement';
import { findMentions, quotedTokens, type Mention } from './mentions';
import { readSentences, type Sentence } from './nlp';
import { Proposer, type ReadSentence } from './propose';
import { roleOf } from './roles';
import { draftSource } from './draft-deck';

export function draftArticle(input: DraftInput, onProgress?: (fraction: number) => void): DraftResult {
  const paragraphs = plainParagraphs(input.text);
  const source = draftSource(input.source, paragraphs.length);
  const empty = (problems: DraftResult['problems']): DraftResult => ({ paragraphs, source, cards: [], problems });
  if (paragraphs.length === 0) return empty([{ code: 'empty' }]);
  const words = paragraphs.reduce((n, p) => n + p.split(/\s+/).length, 0);
  if (words > DRAFT_LIMITS.maxWords) return empty([{ code: 'too-long', words, limit: DRAFT_LIMITS.maxWords }]);

  // Reading: every sentence of every paragraph, and everyone the article names.
  const cast = new Cast();
  const read: { paragraph: number; text: string; sentence: Sentence; mentions: Mention[] }[] = [];
  paragraphs.forEach((text, i) => {
    for (const sentence of readSentences(text)) {
      const mentions = findMentions(sentence, text);
      cast.gather(sentence, mentions);
      read.push({ paragraph: i + 1, text, sentence, mentions });
    }
    onProgress?.(((i + 1) / paragraphs.length) * 0.9);
  });

  // Deciding: who says each sentence, and whether the writer judges in it.
  const ctx: Context = { orgs: [] };
  const sentences: ReadSentence[] = [];
  let paragraph = 0;
  for (const r of read) {
    if (r.paragraph !== paragraph) {
      paragraph = r.paragraph;
      ctx.speaker = undefined;
      ctx.document = undefined;
    }
    const mentions = cast.resolve(r.mentions);
    const quoted = quotedTokens(r.sentence);
    const facts = { sentence: r.sentence, mentions, quoted };
    const roles: ReadSentence['roles'] = new Map();
    for (const m of mentions) {
      if (m.sort !== 'person' || quoted[m.first]) continue;
      const person = cast.person(m.text);
      const role = person && roleOf(r.sentence, r.text, m, cast, ctx);
      if (!person || !role) continue;
      roles.set(m, { person: person.name, surname: person.surname, role });
      if ('noun' in role) cast.noteRole(person, role.noun);
    }
    const attribution = attribute(facts, cast, ctx);
    const signals = judgementSignals(r.sentence, r.text, quoted);
    const kind = attribution ? 'claim' : signals.length > 0 ? 'opinion' : 'fact';
    sentences.push({
      paragraph: r.paragraph,
      paragraphText: r.text,
      sentence: r.sentence,
      mentions,
      quoted,
      attribution,
      signals,
      kind,
      roles
    });
    updateContext(ctx, cast, mentions);
    ctx.speaker = attribution?.speaker;
    ctx.document = documentIn(facts) ?? ctx.document;
  }

  // Proposing: cards, then ids from their prompts.
  const proposer = new Proposer(source.id, topSpeakers(sentences));
  for (const s of sentences) proposer.propose(s);
  const idFor = cardIdMaker();
  const cards: DraftCard[] = proposer.result().map((c) => ({
    ...c,
    card: { id: idFor(promptOf(c.card)), ...c.card } as Card
  }));
  onProgress?.(1);
  return {
    paragraphs,
    source,
    cards,
    problems: cards.length ? [] : [{ code: 'nothing-found', paragraphs: paragraphs.length }]
  };
}

function promptOf(card: UnnumberedCard): string {
  return card.type === 'cloze' ? clozeRevealed(card.text) : card.front;
}

/** Named people and organisations with the most attributed statements, most first. */
function topSpeakers(sentences: ReadSentence[]): string[] {
  const counts = new Map<string, number>();
  for (const s of sentences)
    if (s.attribution && s.attribution.speaker.sort !== 'group')
      counts.set(s.attribution.speaker.name, (counts.get(s.attribution.speaker.name) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
}
