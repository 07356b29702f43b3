/**
 * Content checks over every compiled deck in content/: what the schema cannot say about a good,
 * honestly labelled deck (cites that exist, balanced true/false, distinct options, coverage of every
 * paragraph of a source), plus the minimums the Venezuela-Iran article decks were written to meet.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileContentDir } from '../scripts/compile-decks';
import { parseCloze } from '../src/lib/domain/cloze';
import type { Card, Deck, Source } from '../src/lib/domain/deck.schema';

const CONTENT_DIR = fileURLToPath(new URL('.', import.meta.url));

const ARTICLE_SOURCE = 'leiroz-2020-venezuela-iran';
const KEY_FACTS = 'venezuela-iran-key-facts';
const SELF_TEST = 'venezuela-iran-self-test';
const CRITICAL = 'venezuela-iran-critical-reading';

/** Case- and accent-insensitive form, so "Nicolás" and "nicolas " count as the same answer. */
function normalize(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
}

const countBy = <T>(items: readonly T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => {
    acc[key(item)] = (acc[key(item)] ?? 0) + 1;
    return acc;
  }, {});

let decks: Deck[] = [];
let sources: Source[] = [];
let problems: unknown[] = [];

beforeAll(async () => {
  ({ decks, sources, problems } = await compileContentDir(CONTENT_DIR));
});

const deckById = (id: string): Deck => {
  const deck = decks.find((d) => d.id === id);
  expect(deck, `deck "${id}" should be compiled from content/`).toBeDefined();
  return deck!;
};

/** Every card of every deck, labelled for failure messages. */
const allCards = () => decks.flatMap((deck) => deck.cards.map((card) => ({ deck, card, at: `${deck.id}/${card.id}` })));
const citedCards = () => allCards().filter(({ deck }) => (deck.sources?.length ?? 0) > 0);

describe('content/ compiles', () => {
  it('has no problems', () => {
    expect(problems).toEqual([]);
  });

  it('finds the article decks and their source', () => {
    expect(decks.map((d) => d.id)).toEqual(expect.arrayContaining([KEY_FACTS, SELF_TEST, CRITICAL]));
    expect(sources.map((s) => s.id)).toContain(ARTICLE_SOURCE);
  });
});

describe('every deck', () => {
  it('uses each card id once', () => {
    for (const deck of decks) {
      const ids = deck.cards.map((c) => c.id);
      expect(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        deck.id
      ).toEqual([]);
    }
  });

  it('has well-formed cloze cards, each with at least one deletion', () => {
    for (const { card, at } of allCards()) {
      if (card.type !== 'cloze') continue;
      const cloze = parseCloze(card.text);
      expect(cloze.ok, `${at}: ${cloze.ok ? '' : cloze.error}`).toBe(true);
      if (cloze.ok) expect(cloze.deletions, at).toBeGreaterThanOrEqual(1);
    }
  });

  it('has choice options that differ from each other, with the answer among them exactly once', () => {
    for (const { card, at } of allCards()) {
      if (card.type !== 'choice' || !card.options) continue;
      const options = card.options.map(normalize);
      expect(new Set(options).size, `${at}: options repeat after ignoring case and accents`).toBe(options.length);
      expect(options.filter((o) => o === normalize(card.answer)).length, `${at}: answer among options`).toBe(1);
    }
  });

  it('has typed alternatives that differ from the answer and from each other', () => {
    for (const { card, at } of allCards()) {
      if (card.type !== 'typed' || !card.accept) continue;
      const accept = card.accept.map(normalize);
      expect(accept, `${at}: an alternative repeats the answer`).not.toContain(normalize(card.answer));
      expect(new Set(accept).size, `${at}: alternatives repeat`).toBe(accept.length);
    }
  });
});

describe('every deck that declares sources', () => {
  it('gives every card a kind, a cite and an explanation', () => {
    for (const { card, at } of citedCards()) {
      expect(card.kind, at).toMatch(/^(fact|claim|opinion)$/);
      expect(card.cite, at).toBeDefined();
      expect(card.explanation?.trim().length ?? 0, `${at}: explanation`).toBeGreaterThan(0);
    }
  });

  it('says who makes each claim', () => {
    for (const { card, at } of citedCards()) {
      if (card.kind === 'claim') expect(card.claimBy?.trim().length ?? 0, `${at}: claimBy`).toBeGreaterThan(0);
    }
  });

  it('cites only paragraphs that exist in a declared source', () => {
    for (const { deck, card, at } of citedCards()) {
      const source = deck.sources!.find((s) => s.id === card.cite!.source);
      expect(source, `${at}: cites undeclared source "${card.cite!.source}"`).toBeDefined();
      for (const p of card.cite!.paragraphs) {
        expect(p, at).toBeGreaterThanOrEqual(1);
        expect(p, at).toBeLessThanOrEqual(source!.paragraphs);
      }
    }
  });
});

describe('the Venezuela-Iran article decks', () => {
  const articleDecks = () => [KEY_FACTS, SELF_TEST, CRITICAL].map(deckById);
  const types = (deck: Deck) => countBy(deck.cards, (c: Card) => c.type);

  it('have a complete source record', () => {
    const source = sources.find((s) => s.id === ARTICLE_SOURCE);
    expect(source).toMatchObject({
      title: 'Alliance Between Venezuela and Iran Evolves into the Military Sphere',
      author: 'Lucas Leiroz de Almeida',
      authorAffiliation: expect.stringMatching(/Federal University of Rio de Janeiro/),
      publisher: expect.stringMatching(/Global Research/),
      originalPublisher: 'InfoBrics',
      date: '2020-08-25',
      paragraphs: 8,
      summary: expect.stringMatching(/\S/),
      genre: expect.stringMatching(/opinion/i),
      note: expect.stringMatching(/not reproduced/i)
    });
    expect(source?.url).toBeUndefined();
  });

  it('are in English and cite only the article', () => {
    for (const deck of articleDecks()) {
      expect(deck.language, deck.id).toBe('en');
      expect(
        deck.sources?.map((s) => s.id),
        deck.id
      ).toEqual([ARTICLE_SOURCE]);
      for (const card of deck.cards) expect(card.cite?.source, `${deck.id}/${card.id}`).toBe(ARTICLE_SOURCE);
    }
  });

  it('cite every paragraph of the article at least twice', () => {
    const source = sources.find((s) => s.id === ARTICLE_SOURCE)!;
    const counts = new Map<number, number>();
    for (const deck of articleDecks())
      for (const card of deck.cards) for (const p of card.cite!.paragraphs) counts.set(p, (counts.get(p) ?? 0) + 1);
    for (let p = 1; p <= source.paragraphs; p++) expect(counts.get(p) ?? 0, `paragraph ${p}`).toBeGreaterThanOrEqual(2);
  });

  it('key facts: at least 30 cards mixing basic, reverse, cloze and typed', () => {
    const deck = deckById(KEY_FACTS);
    expect(deck.cards.length).toBeGreaterThanOrEqual(30);
    for (const type of ['basic', 'reverse', 'cloze', 'typed']) expect(types(deck)[type] ?? 0, type).toBeGreaterThan(0);
  });

  it('self-test: at least 25 questions of choice, true/false and typed answers', () => {
    const deck = deckById(SELF_TEST);
    expect(deck.cards.length).toBeGreaterThanOrEqual(25);
    for (const type of ['choice', 'truefalse', 'typed']) expect(types(deck)[type] ?? 0, type).toBeGreaterThan(0);
  });

  it('self-test: every choice question shows four options', () => {
    for (const card of deckById(SELF_TEST).cards)
      if (card.type === 'choice') expect(card.options?.length, card.id).toBe(4);
  });

  it('self-test: between 40% and 60% of true/false answers are true', () => {
    const answers = deckById(SELF_TEST).cards.flatMap((c) => (c.type === 'truefalse' ? [c.answer] : []));
    const share = answers.filter(Boolean).length / answers.length;
    expect(share).toBeGreaterThanOrEqual(0.4);
    expect(share).toBeLessThanOrEqual(0.6);
  });

  it('critical reading: at least 20 cards', () => {
    expect(deckById(CRITICAL).cards.length).toBeGreaterThanOrEqual(20);
  });
});
