/**
 * Content checks over every compiled deck in content/: what the schema cannot say about a good,
 * honestly labelled deck (cites that exist, balanced true/false, distinct options, coverage of every
 * paragraph of a source), plus what the Venezuela-Iran article decks were written to meet: nothing
 * copied from the article, no self-test question answered by another, answers not given away by
 * their place or length, and a critical-reading deck that looks beyond the article.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileContentDir } from '../scripts/compile-decks';
import { parseCloze } from '../src/lib/domain/cloze';
import type { Card, Deck, Source } from '../src/lib/domain/deck.schema';
import { articleText, clozeTexts, copiedRuns, RUN, runsOf, words } from './copy-check';

const CONTENT_DIR = fileURLToPath(new URL('.', import.meta.url));

const ARTICLE_SOURCE = 'leiroz-2020-venezuela-iran';
const ARTICLE_FILE = 'venezuela-iran-military-2020.md';
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

/** The article's source record. */
const article = () => sources.find((s) => s.id === ARTICLE_SOURCE)!;

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

  it('cites only paragraphs that exist in a declared source, or a source without paragraphs as a whole', () => {
    for (const { deck, card, at } of citedCards()) {
      const source = deck.sources!.find((s) => s.id === card.cite!.source);
      expect(source, `${at}: cites undeclared source "${card.cite!.source}"`).toBeDefined();
      if (source!.paragraphs === undefined) expect(card.cite!.paragraphs, at).toBeUndefined();
      else expect(card.cite!.paragraphs ?? (card.cite!.byline ? [] : undefined), at).toBeDefined();
      for (const p of card.cite!.paragraphs ?? []) {
        expect(p, at).toBeGreaterThanOrEqual(1);
        expect(p, at).toBeLessThanOrEqual(source!.paragraphs!);
      }
    }
  });
});

describe('the Venezuela-Iran article decks', () => {
  const articleDecks = () => [KEY_FACTS, SELF_TEST, CRITICAL].map(deckById);
  const types = (deck: Deck) => countBy(deck.cards, (c: Card) => c.type);

  it('have a complete source record, with a one-line gist of each paragraph', () => {
    expect(article()).toMatchObject({
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
    expect(article().outline).toHaveLength(8);
    for (const [i, entry] of article().outline!.entries()) {
      expect(entry.gist.includes('\n'), `paragraph ${i + 1}: one line`).toBe(false);
      expect(words(entry.quote ?? '').length, `paragraph ${i + 1}: a short quote`).toBeLessThan(RUN);
    }
  });

  it('say in their description how they label fact, claim and opinion', () => {
    for (const deck of articleDecks())
      for (const word of [/\bfact\b/i, /\bclaim\b/i, /\bopinion\b/i, /sourc/i])
        expect(deck.description, `${deck.id}: ${word}`).toMatch(word);
  });

  it('are in English; key facts and self-test cite only the article, critical reading the article and others', () => {
    for (const deck of articleDecks()) {
      expect(deck.language, deck.id).toBe('en');
      expect(deck.sources?.[0]?.id, deck.id).toBe(ARTICLE_SOURCE);
    }
    for (const deck of [KEY_FACTS, SELF_TEST].map(deckById)) {
      expect(
        deck.sources?.map((s) => s.id),
        deck.id
      ).toEqual([ARTICLE_SOURCE]);
      for (const card of deck.cards) expect(card.cite?.source, `${deck.id}/${card.id}`).toBe(ARTICLE_SOURCE);
    }
  });

  it('cite every paragraph of the article at least twice', () => {
    const counts = new Map<number, number>();
    for (const deck of articleDecks())
      for (const card of deck.cards)
        if (card.cite?.source === ARTICLE_SOURCE)
          for (const p of card.cite.paragraphs ?? []) counts.set(p, (counts.get(p) ?? 0) + 1);
    for (let p = 1; p <= article().paragraphs!; p++)
      expect(counts.get(p) ?? 0, `paragraph ${p}`).toBeGreaterThanOrEqual(2);
  });

  it('cite the byline, not a paragraph, for who wrote and published the article', () => {
    for (const deck of articleDecks())
      for (const card of deck.cards)
        if (card.tags?.includes('about-the-source'))
          expect(card.cite, `${deck.id}/${card.id}`).toEqual({ source: ARTICLE_SOURCE, byline: true });
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

  /**
   * A quiz asks the whole deck in one sitting, so a question is given away when another question's
   * prompt states its answer, when two questions have the same answer (one fact asked twice), or
   * when a true/false statement is built on a choice question's option of two or more words, right
   * or wrong (answering one settles the other; a one-word option such as "Missiles" is only the
   * topic). Texts are compared as whole words after folding case, accents and punctuation; a
   * true/false card has no answer of its own, but its statement is a prompt.
   */
  it('self-test: no question is answered by another', () => {
    const cards = deckById(SELF_TEST).cards;
    const answersOf = (c: Card) =>
      c.type === 'choice' ? [c.answer] : c.type === 'typed' ? [c.answer, ...(c.accept ?? [])] : [];
    const promptOf = (c: Card) => (c.type === 'cloze' ? clozeTexts(c.text).join(' ') : c.front);
    const contains = (text: string, phrase: string) =>
      ` ${words(text).join(' ')} `.includes(` ${words(phrase).join(' ')} `);
    const givenAway: string[] = [];
    for (const card of cards)
      for (const answer of answersOf(card))
        for (const other of cards) {
          if (other === card) continue;
          if (contains(promptOf(other), answer))
            givenAway.push(`${card.id}: "${answer}" is in the prompt of ${other.id}`);
          for (const otherAnswer of answersOf(other))
            if (contains(otherAnswer, answer))
              givenAway.push(`${card.id}: "${answer}" is also the answer of ${other.id}`);
        }
    for (const card of cards)
      for (const option of card.type === 'choice' ? (card.options ?? []).filter((o) => words(o).length > 1) : [])
        for (const other of cards)
          if (other.type === 'truefalse' && contains(other.front, option))
            givenAway.push(`${card.id}: option "${option}" is in the statement of ${other.id}`);
    expect(givenAway).toEqual([]);
  });

  /**
   * Over a deck's choice questions with written options, the right answer should not be findable
   * without reading: no place in the list holds more than 40% of the answers, and the answer is
   * the longest option in at most 40% of them (with four options, chance is 25% each).
   */
  it('put the right answer in varied places, and not usually as the longest option', () => {
    for (const deck of decks) {
      const authored = deck.cards.flatMap((c) => (c.type === 'choice' && c.options ? [c] : []));
      if (authored.length < 5) continue;
      const places = countBy(authored, (c) => String(c.options!.indexOf(c.answer)));
      const mostInOnePlace = Math.max(...Object.values(places));
      expect(
        mostInOnePlace / authored.length,
        `${deck.id}: answers by place ${JSON.stringify(places)}`
      ).toBeLessThanOrEqual(0.4);
      const longest = authored.filter((c) => c.options!.every((o) => o === c.answer || o.length < c.answer.length));
      expect(
        longest.length / authored.length,
        `${deck.id}: answer is the longest option in ${longest.map((c) => c.id).join(', ')}`
      ).toBeLessThanOrEqual(0.4);
    }
  });

  it('critical reading: at least 20 cards, 8 or more of them on what other sources say, each as a claim', () => {
    const deck = deckById(CRITICAL);
    expect(deck.cards.length).toBeGreaterThanOrEqual(20);
    const outside = deck.cards.filter((c) => c.cite?.source !== ARTICLE_SOURCE);
    expect(outside.length).toBeGreaterThanOrEqual(8);
    for (const card of outside) {
      expect(card.kind, `${card.id}: an outside statement is a claim`).toBe('claim');
      expect(card.claimBy, card.id).toMatch(/\S/);
    }
    for (const source of deck.sources!.filter((s) => s.id !== ARTICLE_SOURCE)) {
      expect(source, source.id).toMatchObject({
        publisher: expect.stringMatching(/\S/),
        url: expect.stringMatching(/^https:\/\//)
      });
      expect(source.paragraphs, `${source.id} is cited as a whole`).toBeUndefined();
      expect(
        outside.some((c) => c.cite?.source === source.id),
        `${source.id} is cited`
      ).toBe(true);
    }
  });
});

/**
 * The article is not in this repository: it sits in `shared/sources/` beside the repository's main
 * checkout (`/work/shared/sources` for a checkout at `/work/main`). A git worktree's main checkout
 * is found through git; a clean checkout elsewhere (as on CI) has no such folder, and the checks
 * that need the article's text are skipped, saying why.
 */
function findArticle(): { file?: string; why: string } {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const roots = [root];
  try {
    const common = execFileSync('git', ['rev-parse', '--path-format=absolute', '--git-common-dir'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore']
    }).trim();
    roots.push(path.dirname(common));
  } catch {
    // Not a git checkout: only the folder beside this one can hold the article.
  }
  const candidates = [...new Set(roots.map((r) => path.resolve(r, '..', 'shared', 'sources', ARTICLE_FILE)))];
  const file = candidates.find((f) => existsSync(f));
  return { file, why: `the article is not at ${candidates.join(' or ')}` };
}

describe('the Venezuela-Iran article decks, against the article text', () => {
  const { file, why } = findArticle();
  const read = () => articleText(readFileSync(file!, 'utf8'));

  it(`copy no run of ${RUN} of the article's words outside quotation marks, in any field`, (ctx) => {
    ctx.skip(!file, why);
    const runs = runsOf(read().text);
    const copied: string[] = [];
    const check = (at: string, text: string | undefined) => {
      for (const run of text ? copiedRuns(text, runs) : []) copied.push(`${at}: "${run}"`);
    };
    for (const deck of decks.filter((d) => d.sources?.some((s) => s.id === ARTICLE_SOURCE)))
      for (const card of deck.cards) {
        const at = `${deck.id}/${card.id}`;
        const fields: [string, string | undefined][] = [
          ['front', 'front' in card ? card.front : undefined],
          ['back', 'back' in card ? card.back : undefined],
          ['answer', 'answer' in card && typeof card.answer === 'string' ? card.answer : undefined],
          ['explanation', card.explanation],
          ['claimBy', card.claimBy],
          ...('text' in card ? clozeTexts(card.text).map((t): [string, string] => ['text', t]) : []),
          ...('accept' in card ? (card.accept ?? []).map((t): [string, string] => ['accept', t]) : []),
          ...('options' in card ? (card.options ?? []).map((t): [string, string] => ['options', t]) : [])
        ];
        for (const [field, text] of fields) check(`${at}.${field}`, text);
      }
    check('source.summary', article().summary);
    for (const [i, entry] of (article().outline ?? []).entries()) check(`source.outline ${i + 1}.gist`, entry.gist);
    expect(copied).toEqual([]);
  });

  it('quote each paragraph in its outline exactly, so the link into the original finds it', (ctx) => {
    ctx.skip(!file, why);
    const { paragraphs } = read();
    for (const [i, entry] of article().outline!.entries())
      if (entry.quote) expect(paragraphs.get(i + 1), `paragraph ${i + 1}`).toContain(entry.quote);
  });
});

describe('the sample deck', () => {
  it('says it is a sample and what it is for', () => {
    const deck = deckById('world-capitals');
    expect(deck.title).toBe('Sample: world capitals');
    expect(deck.description).toMatch(/every card type/i);
  });
});
