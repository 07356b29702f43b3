/**
 * Rows of front, back and tags, as read from a table-like file, turned into a checked deck of basic
 * cards. Each row keeps where it was in the text so every problem names its line and column.
 */
import { deckSchema, type Card, type Deck } from '../deck.schema';
import { cardIdMaker, deckIdFor, titleFromFileName } from './card-ids';
import { IMPORT_LIMITS } from './import-types';
import type { Report } from './report';

/** One card as read; `at`, `frontAt` and `backAt` are offsets into the text. */
export interface CardRow {
  front: string;
  back: string;
  tags: string[];
  at: number;
  frontAt: number;
  backAt: number;
}

export interface DeckInfo {
  fileName?: string;
  title?: string;
  language?: string;
  /** How messages name the two sides, e.g. "front (column 1)" or "term". */
  labels: { front: string; back: string };
}

const count = (n: number) => n.toLocaleString('en');

/** The deck, or undefined when `report` holds a problem (from here or from reading the rows). */
export function rowsToDeck(rows: CardRow[], info: DeckInfo, report: Report): Deck | undefined {
  const { maxCards } = IMPORT_LIMITS;
  if (rows.length > maxCards) {
    report.problem(
      rows[maxCards].at,
      `The file has more than ${count(maxCards)} cards (this is card ${count(maxCards + 1)}); ` +
        `the limit is ${count(maxCards)} cards per deck. Split it into smaller decks.`
    );
    return undefined;
  }
  if (rows.length === 0) {
    if (report.problems.length === 0)
      report.problem(0, `No cards found: no line has both a ${info.labels.front} and a ${info.labels.back}.`);
    return undefined;
  }

  const nextId = cardIdMaker();
  const firstLineOf = new Map<string, number>();
  const cards: Card[] = [];
  for (const row of rows) {
    const front = row.front.trim();
    const back = row.back.trim();
    // A tags cell may hold several tags separated by spaces (Anki's and our own CSV export).
    const tags = [...new Set(row.tags.flatMap((t) => t.split(/\s+/)).filter(Boolean))];
    checkText(front, row.frontAt, info.labels.front, report);
    checkText(back, row.backAt, info.labels.back, report, clozeHint(front));
    for (const tag of tags) checkText(tag, row.at, `tag "${tag.slice(0, 20)}…"`, report);

    const line = report.lines.at(row.at).line;
    const first = firstLineOf.get(front);
    if (first !== undefined && front)
      report.warning(row.frontAt, `Same ${info.labels.front} as the card on line ${first}; both cards are kept.`);
    else firstLineOf.set(front, line);

    cards.push({ id: nextId(front), type: 'basic', front, back, ...(tags.length ? { tags } : {}) });
  }
  if (report.problems.length) return undefined;

  const title = info.title?.trim() || (info.fileName ? titleFromFileName(info.fileName) : '') || 'Imported deck';
  const fileName = info.fileName?.split(/[\\/]/).pop()?.trim();
  const deck = {
    id: deckIdFor(info.fileName, info.title),
    title,
    description: `Imported from ${fileName || 'pasted text'}.`,
    language: info.language?.trim() || 'en',
    tags: [],
    cards
  };
  const parsed = deckSchema.safeParse(deck);
  if (parsed.success) return parsed.data;
  // Checked above already; this turns any rule added to the schema later into a located problem.
  for (const issue of parsed.error.issues) {
    const [head, index, field] = issue.path;
    const row = head === 'cards' && typeof index === 'number' ? rows[index] : undefined;
    if (!row) report.problem(0, `The deck's "${String(head ?? 'deck')}" ${issue.message}.`);
    else
      report.problem(
        field === 'front' ? row.frontAt : field === 'back' ? row.backAt : row.at,
        `This card's "${String(field ?? 'card')}" ${issue.message}.`
      );
  }
  return undefined;
}

function checkText(value: string, at: number, label: string, report: Report, hint = ''): void {
  const max = IMPORT_LIMITS.maxFieldChars;
  if (value === '') report.problem(at, `The ${label} is empty.${hint}`);
  else if (value.length > max)
    report.problem(
      at,
      `The ${label} is ${count(value.length)} characters long; the limit is ${count(max)} characters. ` +
        'Shorten it or split it into several cards.'
    );
}

function clozeHint(front: string): string {
  return /\{\{c\d+::/.test(front) ? ' This looks like an Anki cloze note; only Basic notes can be imported.' : '';
}
