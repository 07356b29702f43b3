/** The dashboard's two tables as rows of text, the same for the page and for its CSV files. */
import type { Dashboard } from '$lib/state/classes-api';
import * as t from '$lib/text';

const percent = (passed: number, of: number) => (of ? Math.round((passed / of) * 100) : null);
const day = (ms: number | null) => (ms === null ? t.classes.never : new Date(ms).toISOString().slice(0, 10));

export function cardHeaders(): string[] {
  const c = t.classes.col;
  return [c.card, c.deck, c.kind, c.students, c.passed7, c.passed30, c.lapses, c.quizRight, c.quizWrong];
}

export function cardRows(board: Dashboard): string[][] {
  const titles = new Map(board.decks.map((d) => [d.deckId, d.title]));
  return board.cards.map((c) => [
    c.prompt,
    titles.get(c.deckId) ?? c.deckId,
    t.classes.kind[c.kind ?? 'none'] ?? '',
    String(c.students),
    t.classes.share(c.passed7, c.reviews7),
    t.classes.share(c.passed30, c.reviews30),
    String(c.lapses),
    String(c.quizRight),
    String(c.quizWrong)
  ]);
}

export function studentHeaders(): string[] {
  const c = t.classes.col;
  return [c.student, c.cardsStudied, c.reviews7, c.retention, c.lastActive, c.bestQuiz];
}

export function studentRows(board: Dashboard): string[][] {
  const titles = new Map(board.decks.map((d) => [d.deckId, d.title]));
  return board.students.map((s) => [
    s.displayName,
    String(s.cardsStudied),
    String(s.reviews7),
    t.classes.share(s.retentionPassed, s.retentionReviews),
    day(s.lastActive),
    s.bestQuiz.map((q) => t.classes.bestQuiz(titles.get(q.deckId) ?? q.deckId, q.best)).join('; ')
  ]);
}

/** Cards with reviews in the last 30 days, the hardest first: the share passed, as a whole percent. */
export function passedBars(board: Dashboard, max = 20) {
  return board.cards
    .filter((c) => c.reviews30 > 0)
    .slice(0, max)
    .map((c) => ({ label: c.prompt, value: percent(c.passed30, c.reviews30) ?? 0 }));
}

export function reviewBars(board: Dashboard) {
  return board.students.map((s) => ({ label: s.displayName, value: s.reviews7, tick: s.displayName }));
}
