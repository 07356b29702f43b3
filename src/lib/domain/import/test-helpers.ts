/** Shared assertions for the import tests (not part of the public API). */
import { expect } from 'vitest';
import * as t from '$lib/text';
import type { Deck } from '../deck.schema';
import type { DeckProblem, ImportResult } from './import-types';

/** The app's words for a deck with no title of its own and for where it came from. */
export const naming = t.import.naming;

/** The deck of a result that must have imported. */
export function deckOf(result: ImportResult): Deck {
  expect(result.problems).toEqual([]);
  expect(result.deck).toBeDefined();
  return result.deck!;
}

/** "line:col message" of each problem of a result that must have failed. */
export function problemsOf(result: ImportResult): string[] {
  expect(result.deck).toBeUndefined();
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems.map(where);
}

/** "line:col why" of each row a result left out while importing the rest. */
export function skippedOf(result: ImportResult): string[] {
  expect(result.problems).toEqual([]);
  expect(result.deck).toBeDefined();
  return (result.skipped ?? []).map(where);
}

export function where(p: DeckProblem): string {
  return `${p.line}:${p.col} ${t.problems.words(p.problem)}`;
}

/** Front and back of each card. */
export function sides(deck: Deck): [string, string][] {
  return deck.cards.map((c) => ['front' in c ? c.front : '', 'back' in c ? c.back : '']);
}
