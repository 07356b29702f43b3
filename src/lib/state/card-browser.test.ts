import { describe, expect, test } from 'vitest';
import { State, studyItemKey, studyItems, type CardProgress, type Deck } from '$lib/domain';
import type { DeviceDeck } from './all-decks';
import { ALL_CARDS, browserRows, foldText, itemState, kindsOf, queryRows, tagsOf } from './card-browser';

function deck(id: string, cards: Deck['cards']): DeviceDeck {
  const d: Deck = { id, title: `Deck ${id}`, description: 'd', language: 'en', tags: [], cards };
  return { deck: d, imported: false, items: studyItems(d) };
}

const GEO = deck('geo', [
  { id: 'colombia', type: 'basic', front: 'Capital of Colombia?', back: 'Bogotá', tags: ['americas'], kind: 'fact' },
  { id: 'canada', type: 'reverse', front: 'Canada', back: 'Ottawa', tags: ['americas'] },
  { id: 'peru', type: 'cloze', text: 'The capital of Peru is {{Lima}}, of Chile {{Santiago::starts with S}}.' },
  { id: 'egypt', type: 'truefalse', front: 'Cairo is the capital of Egypt.', answer: true, kind: 'claim', claimBy: 'x' }
]);
const ART = deck('art', [
  {
    id: 'mona',
    type: 'typed',
    front: 'Who painted the Mona Lisa?',
    answer: 'Léonard',
    tags: ['europe'],
    kind: 'opinion'
  }
]);
const rows = browserRows([GEO, ART]);

function progress(deckId: string, cardId: string, state: State, due: number, extra: Partial<CardProgress> = {}) {
  const p: CardProgress = {
    deckId,
    cardId,
    due,
    stability: 1,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: 1,
    lapses: 0,
    state,
    lastReview: 0,
    ...extra
  };
  return [studyItemKey(deckId, cardId), p] as const;
}

const ids = (list: { item: { id: string } }[]) => list.map((r) => r.item.id);

describe('browserRows', () => {
  test('one row per study item, in deck order', () => {
    expect(ids(rows)).toEqual(['colombia', 'canada', 'canada#reverse', 'peru#c1', 'peru#c2', 'egypt', 'mona']);
    expect(rows[6]).toMatchObject({ deckId: 'art', deckTitle: 'Deck art', order: 6 });
  });
});

describe('queryRows', () => {
  const none = new Map<string, CardProgress>();

  test('searches front, back, answer and cloze text, any case and accents, every word', () => {
    expect(ids(queryRows(rows, none, { ...ALL_CARDS, text: 'BOGOTA' }))).toEqual(['colombia']);
    expect(ids(queryRows(rows, none, { ...ALL_CARDS, text: 'leonard' }))).toEqual(['mona']);
    expect(ids(queryRows(rows, none, { ...ALL_CARDS, text: 'ottawa' }))).toEqual(['canada', 'canada#reverse']);
    expect(ids(queryRows(rows, none, { ...ALL_CARDS, text: 'santiago peru' }))).toEqual(['peru#c1', 'peru#c2']);
    expect(ids(queryRows(rows, none, { ...ALL_CARDS, text: 'peru moscow' }))).toEqual([]);
    expect(foldText('Ça Über')).toBe('ca uber');
  });

  test('filters by deck, tag and kind', () => {
    expect(ids(queryRows(rows, none, { ...ALL_CARDS, deckId: 'art' }))).toEqual(['mona']);
    expect(ids(queryRows(rows, none, { ...ALL_CARDS, tag: 'americas' }))).toEqual([
      'colombia',
      'canada',
      'canada#reverse'
    ]);
    expect(ids(queryRows(rows, none, { ...ALL_CARDS, kind: 'claim' }))).toEqual(['egypt']);
  });

  const stored = new Map([
    progress('geo', 'canada', State.Review, 500, { lapses: 2 }),
    progress('geo', 'canada#reverse', State.Learning, 100),
    progress('geo', 'peru#c2', State.Review, 50, { lapses: 8, leech: true, suspended: true }),
    progress('art', 'mona', State.Relearning, 300, { lapses: 1 })
  ]);

  test('filters by state, suspended apart from its scheduling state, and by leech', () => {
    expect(ids(queryRows(rows, stored, { ...ALL_CARDS, state: 'review' }))).toEqual(['canada']);
    expect(ids(queryRows(rows, stored, { ...ALL_CARDS, state: 'suspended' }))).toEqual(['peru#c2']);
    expect(ids(queryRows(rows, stored, { ...ALL_CARDS, state: 'leech' }))).toEqual(['peru#c2']);
    expect(ids(queryRows(rows, stored, { ...ALL_CARDS, state: 'new' }))).toEqual(['colombia', 'peru#c1', 'egypt']);
    expect(itemState(undefined)).toBe('new');
  });

  test('sorts by due date, never-studied last, or by lapses, ties in deck order', () => {
    expect(ids(queryRows(rows, stored, { ...ALL_CARDS, sort: 'due' }))).toEqual([
      'peru#c2',
      'canada#reverse',
      'mona',
      'canada',
      'colombia',
      'peru#c1',
      'egypt'
    ]);
    expect(ids(queryRows(rows, stored, { ...ALL_CARDS, sort: 'lapses' })).slice(0, 4)).toEqual([
      'peru#c2',
      'canada',
      'mona',
      'colombia'
    ]);
  });

  test('50,000 cards: a search finds every match, accents folded', () => {
    const cards: Deck['cards'] = Array.from({ length: 50_000 }, (_, i) => ({
      id: `c${i}`,
      type: 'basic' as const,
      front: `Question número ${i} about something`,
      back: `Answer ${i}`
    }));
    const big = [deck('big', cards)];
    const found = queryRows(browserRows(big), none, { ...ALL_CARDS, text: 'numero 4999', sort: 'due' });
    // 4999, 14999 ... 44999 and 49990 ... 49999.
    expect(found.length).toBe(15);
  });
});

describe('tagsOf and kindsOf', () => {
  test('list what the decks use', () => {
    expect(tagsOf([GEO, ART])).toEqual(['americas', 'europe']);
    expect(kindsOf([GEO])).toEqual(['fact', 'claim']);
  });
});
