import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../integrity';
import { State } from '../../progress';
import { Scheduler } from '../../scheduler';
import { studyItems } from '../../study-items';
import { readAnkiPackage, replayAnkiHistory, sqlJsOpener, type PackageDeck } from './index';

const scheduler = new Scheduler({ desiredRetention: 0.9 });
const NOW = new Date('2024-03-01T12:00:00Z');
let french: PackageDeck;

beforeAll(async () => {
  const bytes = new Uint8Array(readFileSync('tests/fixtures/anki/current.apkg'));
  const result = await readAnkiPackage({ bytes, openSqlite: sqlJsOpener(await initSqlJs()) });
  french = result.decks[0];
});

describe('Anki history as Factdeck review log rows and card states', () => {
  it('rebuilds each reviewed item with ts-fsrs: one row per answer, the state after the last', () => {
    const { logs, states } = replayAnkiHistory(french.deck.id, french.reviews, french.suspended, scheduler, NOW);
    expect(logs).toHaveLength(french.reviews.length);
    const chat = french.deck.cards.find((c) => 'front' in c && c.front === 'le chat')!.id;
    const state = states.find((s) => s.cardId === chat)!;
    const rows = logs.filter((l) => l.cardId === chat);
    expect(rows.map((r) => r.rating)).toEqual([3, 3, 3, 1, 3, 4, 3]);
    expect(state).toMatchObject({ deckId: 'languages-french', reps: 7, lapses: 1, state: State.Review });
    expect(state.lastReview).toBe(rows.at(-1)!.reviewedAt);
    expect(rows.at(-1)!.after).toEqual(
      Object.fromEntries(Object.entries(state).filter(([k]) => !['deckId', 'cardId'].includes(k)))
    );
    // Each row was graded from the state the one before left.
    rows.slice(1).forEach((row, i) => expect(row.before).toEqual(rows[i].after));
  });

  it('gives rows UUID v7 ids of the review time, the same on every import', () => {
    const first = replayAnkiHistory(french.deck.id, french.reviews, [], scheduler, NOW).logs;
    const again = replayAnkiHistory(french.deck.id, french.reviews, [], scheduler, NOW).logs;
    expect(again.map((l) => l.id)).toEqual(first.map((l) => l.id));
    expect(new Set(first.map((l) => l.id)).size).toBe(first.length);
    for (const log of first) {
      expect(log.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(parseInt(log.id.replace(/-/g, '').slice(0, 12), 16)).toBe(log.reviewedAt);
    }
  });

  it('keeps Anki’s suspensions, with a new state for a suspended card never reviewed', () => {
    const { states } = replayAnkiHistory(french.deck.id, french.reviews, french.suspended, scheduler, NOW);
    const parler = states.find((s) => s.cardId === french.suspended[0])!;
    expect(parler).toMatchObject({ suspended: true, reps: 0, state: State.New, due: NOW.getTime() });
  });

  it('leaves nothing "Check data" would repair', () => {
    const { logs, states } = replayAnkiHistory(french.deck.id, french.reviews, french.suspended, scheduler, NOW);
    const items = new Set(studyItems(french.deck).map((i) => i.id));
    const report = checkIntegrity({
      decks: new Map([[french.deck.id, items]]),
      cardStates: states,
      reviewLogs: logs,
      scheduler,
      now: NOW
    });
    expect(report.repaired).toEqual([]);
    expect(report.kept).toEqual([]);
  });
});
