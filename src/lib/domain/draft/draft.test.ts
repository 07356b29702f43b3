import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCloze } from '../cloze';
import { deckSchema, type Card } from '../deck.schema';
import { articleText, draftArticle, draftDeck, DRAFT_LIMITS, type DraftResult } from '.';
import { answersOf } from './draft-quality';
import { contains } from './propose';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const fields = {
  title: 'Port Ellis approves tidal barrier',
  author: 'Hannah Okafor',
  publisher: 'The Coastal Ledger',
  date: '2025-03-14',
  url: 'https://example.org/port-ellis'
};
const draftOf = (name: string): DraftResult => draftArticle({ text: fixture(name), source: fields });

const ARTICLES = ['port-ellis-barrier.txt', 'lakeshore-phones.txt', 'eiffel-tower-encyclopedia.txt'];

/** The card's question as the learner sees it, one string per study item, with that item's answers. */
function promptsAndAnswers(card: Card): { prompt: string; answers: string[] }[] {
  if (card.type === 'cloze') {
    const parsed = parseCloze(card.text);
    if (!parsed.ok) throw new Error(parsed.error);
    const gaps = parsed.parts.filter((p) => typeof p !== 'string');
    return gaps.map((gap) => ({
      prompt: parsed.parts.map((p) => (typeof p === 'string' ? p : p === gap ? '[…]' : p.answer)).join(''),
      answers: [gap.answer]
    }));
  }
  return [{ prompt: card.front, answers: answersOf(card) }];
}

describe('draftArticle', () => {
  for (const name of ARTICLES)
    describe(name, () => {
      const draft = draftOf(name);

      it('drafts a deck the deck schema accepts, every card labelled, cited and explained in one line', () => {
        expect(draft.problems).toEqual([]);
        expect(draft.cards.length).toBeGreaterThan(10);
        const result = deckSchema.safeParse(
          draftDeck(
            draft.source,
            draft.cards.map((c) => c.card)
          )
        );
        expect(result.success ? [] : result.error.issues).toEqual([]);
        for (const { card, paragraph } of draft.cards) {
          expect(card.kind).toBeDefined();
          expect(card.cite).toEqual({ source: draft.source.id, paragraphs: [paragraph] });
          expect(paragraph).toBeLessThanOrEqual(draft.paragraphs.length);
          expect(card.explanation).toMatch(/^[^\n]{20,300}$/);
          if (card.kind === 'claim') expect(card.claimBy).toBeTruthy();
        }
      });

      it('never gives a card’s answer away in its own question', () => {
        for (const { card } of draft.cards)
          for (const { prompt, answers } of promptsAndAnswers(card))
            for (const answer of answers) expect(contains(prompt, answer), `${prompt} → ${answer}`).toBe(false);
      });

      it('asks each thing once: no two cards with the same question or the same key-fact answer', () => {
        const prompts = draft.cards.map((c) => (c.card.type === 'cloze' ? c.card.text : c.card.front).toLowerCase());
        expect(new Set(prompts).size).toBe(prompts.length);
        const gaps = draft.cards
          .filter((c) => c.card.type === 'cloze' && c.card.kind !== 'opinion')
          .flatMap((c) => answersOf(c.card).map((a) => a.toLowerCase()));
        expect(new Set(gaps).size).toBe(gaps.length);
        const ids = draft.cards.map((c) => c.card.id);
        expect(new Set(ids).size).toBe(ids.length);
      });

      it('gives the same draft for the same article', () => {
        expect(draftOf(name).cards).toEqual(draft.cards);
      });
    });

  it('invents no claims or opinions in an encyclopedia-like text that has none', () => {
    const draft = draftOf('eiffel-tower-encyclopedia.txt');
    const kinds = draft.cards.map((c) => c.card.kind);
    expect(kinds.filter((k) => k !== 'fact')).toEqual([]);
    expect(kinds.length).toBeGreaterThanOrEqual(15);
  });

  it('credits claims to who made them, and asks who', () => {
    const draft = draftOf('port-ellis-barrier.txt');
    const whoSaid = draft.cards.find((c) => c.sentence.startsWith('"We are asking the people who were flooded'));
    expect(whoSaid?.card).toMatchObject({
      type: 'typed',
      kind: 'claim',
      claimBy: 'Tom Ashdown',
      front: 'Who said “We are asking the people who were flooded to pay twice”?',
      answer: 'Tom Ashdown',
      accept: ['Ashdown']
    });
    expect(whoSaid?.card.explanation).toContain('Tom Ashdown');
  });

  it('asks which words carry the writer’s judgement', () => {
    const draft = draftOf('port-ellis-barrier.txt');
    const card = draft.cards.find((c) => c.sentence.startsWith('Yet the council'))?.card;
    expect(card).toMatchObject({
      type: 'cloze',
      kind: 'opinion',
      text: "Yet the council's confidence {{looks premature::judgement}}."
    });
    expect(card?.claimBy).toBeUndefined();
  });

  it('asks who a person is when the article gives their role', () => {
    const draft = draftOf('port-ellis-barrier.txt');
    const roles = draft.cards.filter((c) => c.about === 'role').map((c) => c.card);
    expect(roles).toContainEqual(
      expect.objectContaining({
        type: 'typed',
        kind: 'fact',
        front: 'In the article, who is the council leader?',
        answer: 'Priya Raman'
      })
    );
    expect(roles).toContainEqual(
      expect.objectContaining({
        front: 'In the article, who is the Environment Agency’s regional manager?',
        answer: 'Grace Mbeki'
      })
    );
  });

  it('reads a capitalised title at the start of a sentence as one role, and a hyphenated judgement as one', () => {
    const text =
      'Health Minister Petra Lund said 120 posts were empty.\n\nThis is a short-sighted decision, and staff will leave for good.';
    const cards = draftArticle({ text, source: fields }).cards.map((c) => c.card);
    expect(cards).toContainEqual(
      expect.objectContaining({ front: 'In the article, who is the health minister?', answer: 'Petra Lund' })
    );
    const opinion = cards.find((c) => c.kind === 'opinion');
    expect(opinion).toMatchObject({ type: 'cloze', text: expect.stringContaining('{{short-sighted::judgement}}') });
    // "for good" means for ever; it is not the writer's judgement.
    expect(opinion).toMatchObject({ text: expect.stringContaining('leave for good.') });
  });

  it('names an unnamed organisation with its "the": "the health ministry", not "health ministry"', () => {
    const text = 'Hospitals will close on weekends from 1 September, the health ministry announced on Tuesday.';
    const who = draftArticle({ text, source: fields }).cards.find((c) => c.card.type === 'typed')?.card;
    expect(who).toMatchObject({
      front: 'Who announced that hospitals will close on weekends from 1 September?',
      answer: 'the health ministry',
      accept: ['health ministry'],
      claimBy: 'the health ministry',
      explanation: expect.stringContaining('credits this to the health ministry')
    });
  });

  it('reports an empty article, one too long, and one with nothing to ask, and drafts no card', () => {
    const empty = draftArticle({ text: ' \n\n \n', source: fields });
    expect(empty).toMatchObject({ problems: [{ code: 'empty' }], cards: [] });
    const long = draftArticle({ text: 'word '.repeat(DRAFT_LIMITS.maxWords + 1), source: fields });
    expect(long).toMatchObject({ problems: [{ code: 'too-long', words: DRAFT_LIMITS.maxWords + 1 }], cards: [] });
    const nothing = draftArticle({ text: 'Hello there.\n\nThank you for reading.', source: fields });
    expect(nothing).toMatchObject({ problems: [{ code: 'nothing-found', paragraphs: 2 }], cards: [] });
  });

  it('makes the source record from the fields and the paragraph count', () => {
    const draft = draftOf('port-ellis-barrier.txt');
    expect(draft.source).toEqual({
      id: 'okafor-2025-port-ellis-approves-tidal-barrier',
      title: fields.title,
      author: fields.author,
      publisher: fields.publisher,
      date: fields.date,
      paragraphs: 20,
      url: fields.url
    });
  });
});

describe('articleText', () => {
  it('numbers paragraphs as blocks separated by blank lines, whatever the line endings', () => {
    const text = 'One line\nwrapped here.\r\n\r\nSecond.\n   \n\n\nThird  one.\n';
    expect(articleText(text, 'text').paragraphs).toEqual(['One line wrapped here.', 'Second.', 'Third one.']);
  });

  it('reads Markdown as words: no headings, rules or code as paragraphs; front matter fills the source', () => {
    const md = [
      '---',
      'title: "A Town and Its Tide"',
      'author: Hannah Okafor',
      'date: 2025-03-14',
      'url: https://example.org/tide',
      '---',
      '',
      '# A Town and Its Tide',
      '',
      '[P1] The *council* voted on [12 March](https://example.org) to build a **barrier**.',
      '',
      '---',
      '',
      '> Water entered 1,180 homes.',
      '',
      '- first point',
      '- second point.',
      '',
      '```',
      'code();',
      '```',
      '',
      '<!-- a comment -->'
    ].join('\n');
    const { paragraphs, meta } = articleText(md, 'markdown');
    expect(paragraphs).toEqual([
      'The council voted on 12 March to build a barrier.',
      'Water entered 1,180 homes.',
      'first point. second point.'
    ]);
    expect(meta).toEqual({
      title: 'A Town and Its Tide',
      author: 'Hannah Okafor',
      date: '2025-03-14',
      url: 'https://example.org/tide'
    });
  });

  it('takes the first heading as the title when there is no front matter', () => {
    expect(articleText('# Tides\n\nThe sea rose.', 'markdown')).toEqual({
      paragraphs: ['The sea rose.'],
      meta: { title: 'Tides' }
    });
  });
});
