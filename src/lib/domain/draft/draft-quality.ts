/**
 * How well a draft matches hand labels: the share of labelled key facts (dates, numbers, people)
 * some card asks about in the right paragraph, and the share of labelled statements whose cards
 * have the right kind (and, for claims, name the right speaker). Used by the quality tests.
 */
import type { Card, CardKind } from '../deck.schema';
import { parseCloze } from '../cloze';
import type { DraftCard } from './draft-types';

export interface KeyFactLabel {
  sort: 'date' | 'number' | 'person';
  /** Words any one of which in a card's answer covers the item. */
  match: string[];
  paragraph: number;
}

export interface StatementLabel {
  /** A distinctive piece of the sentence. */
  text: string;
  paragraph: number;
  kind: CardKind;
  /** For claims: a word any right `claimBy` contains. */
  by?: string;
}

export interface Quality {
  coverage: number;
  covered: number;
  keyFacts: number;
  missed: KeyFactLabel[];
  labelling: number;
  rightKind: number;
  statements: number;
  wrong: { label: StatementLabel; got: string }[];
}

export function draftQuality(cards: DraftCard[], keyFacts: KeyFactLabel[], statements: StatementLabel[]): Quality {
  const missed = keyFacts.filter(
    (label) =>
      !cards.some(
        (c) =>
          c.card.cite?.paragraphs?.includes(label.paragraph) &&
          answersOf(c.card).some((answer) => label.match.some((m) => hasWords(answer, m)))
      )
  );
  const wrong: Quality['wrong'] = [];
  for (const label of statements) {
    const mine = cards.filter(
      (c) => c.about === 'statement' && c.paragraph === label.paragraph && norm(c.sentence).includes(norm(label.text))
    );
    const right = (c: DraftCard) =>
      c.card.kind === label.kind && (label.kind !== 'claim' || hasWords(c.card.claimBy ?? '', label.by ?? ''));
    if (mine.length === 0) wrong.push({ label, got: 'no card' });
    else if (!mine.every(right))
      wrong.push({
        label,
        got: mine.map((c) => `${c.card.kind}${c.card.claimBy ? ` by ${c.card.claimBy}` : ''}`).join(', ')
      });
  }
  return {
    coverage: (keyFacts.length - missed.length) / keyFacts.length,
    covered: keyFacts.length - missed.length,
    keyFacts: keyFacts.length,
    missed,
    labelling: (statements.length - wrong.length) / statements.length,
    rightKind: statements.length - wrong.length,
    statements: statements.length,
    wrong
  };
}

/** What a card asks the learner to recall. */
export function answersOf(card: Card): string[] {
  switch (card.type) {
    case 'cloze': {
      const parsed = parseCloze(card.text);
      return parsed.ok ? parsed.parts.flatMap((p) => (typeof p === 'string' ? [] : [p.answer])) : [];
    }
    case 'basic':
    case 'reverse':
      return [card.back];
    case 'typed':
      return [card.answer, ...(card.accept ?? [])];
    case 'choice':
      return [card.answer];
    case 'truefalse':
      return [];
  }
}

function norm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

function hasWords(text: string, words: string): boolean {
  const w = norm(words)
    .replace(/[^\p{L}\p{N},.]+/gu, ' ')
    .trim();
  const t = ` ${norm(text).replace(/[^\p{L}\p{N},.]+/gu, ' ')} `;
  if (!w) return false;
  // Found as whole words: no letter or digit just before or after.
  const wordChar = /[\p{L}\p{N}]/u;
  for (let at = t.indexOf(w); at !== -1; at = t.indexOf(w, at + 1))
    if (!wordChar.test(t[at - 1] ?? '') && !wordChar.test(t[at + w.length] ?? '')) return true;
  return false;
}
