/**
 * Rows of front, back and tags, as read from a table-like file, turned into a checked deck (basic
 * cards, or the types an Anki note type gives). Each row keeps where it was in the text so every
 * problem names its line and column. A row that cannot be a card is left out, with why; the other
 * rows import.
 */
import { parseCloze } from '../cloze';
import { deckSchema, type Card, type Deck } from '../deck.schema';
import { schemaIssue, type Problem, type SideName } from '../problems';
import { cardIdMaker, deckIdFor, titleFromFileName } from './card-ids';
import { IMPORT_LIMITS, type DeckNaming } from './import-types';
import type { Report } from './report';

/**
 * One card as read; `at`, `frontAt` and `backAt` are offsets into the text. `type` is basic unless
 * said (an Anki note type): a cloze row's text is `front` and its `back` is an explanation.
 */
export interface CardRow {
  front: string;
  back: string;
  tags: string[];
  at: number;
  frontAt: number;
  backAt: number;
  type?: 'basic' | 'reverse' | 'typed' | 'cloze';
  explanation?: string;
}

export interface DeckInfo {
  fileName?: string;
  title?: string;
  language?: string;
  naming?: DeckNaming;
  /** How problems name the two sides: by column, or as term and definition. */
  labels: { front: SideName; back: SideName };
}

/** The deck, or undefined when `report` holds a problem (from here or from reading the rows). */
export function rowsToDeck(rows: CardRow[], info: DeckInfo, report: Report): Deck | undefined {
  const { maxCards } = IMPORT_LIMITS;
  if (rows.length > maxCards) {
    report.problem(rows[maxCards].at, { code: 'too-many-rows', limit: maxCards });
    return undefined;
  }
  if (rows.length === 0) return nothingLeft(info, report);

  const nextId = cardIdMaker();
  const firstLineOf = new Map<string, number>();
  const cards: Card[] = [];
  const kept: CardRow[] = [];
  for (const row of rows) {
    const front = row.front.trim();
    const back = row.back.trim();
    // A tags cell may hold several tags separated by spaces (Anki's and our own CSV export).
    const tags = [...new Set(row.tags.flatMap((t) => t.split(/\s+/)).filter(Boolean))];
    const type = row.type ?? 'basic';
    const found: [number, Problem][] = [];
    const check = (value: string, at: number, side: SideName, ankiCloze = false) => {
      const problem = textProblem(value, side, ankiCloze);
      if (problem) found.push([at, problem]);
    };
    check(front, row.frontAt, info.labels.front);
    if (type !== 'cloze') check(back, row.backAt, info.labels.back, looksLikeAnkiCloze(front));
    else {
      const cloze = parseCloze(front);
      if (!cloze.ok) found.push([row.frontAt, { code: 'anki-cloze', error: cloze.error }]);
    }
    for (const tag of tags) check(tag, row.at, { side: 'tag', tag });
    if (found.length) {
      for (const [at, problem] of found) report.skip(at, problem);
      continue;
    }

    const line = report.lines.at(row.at).line;
    const first = firstLineOf.get(front);
    if (first !== undefined && front)
      report.warning(row.frontAt, { code: 'same-front', side: info.labels.front, line: first });
    else firstLineOf.set(front, line);

    const about = {
      ...(tags.length ? { tags } : {}),
      ...(row.explanation?.trim() ? { explanation: row.explanation.trim() } : {})
    };
    const id = nextId(front);
    if (type === 'cloze') cards.push({ id, type, text: front, ...about });
    else if (type === 'typed') cards.push({ id, type, front, answer: back, ...about });
    else cards.push({ id, type, front, back, ...about });
    kept.push(row);
  }
  if (report.problems.length) return undefined;
  if (cards.length === 0) return nothingLeft(info, report);

  const id = deckIdFor(info.fileName, info.title);
  const fileName = info.fileName?.split(/[\\/]/).pop()?.trim() || null;
  const title =
    info.title?.trim() || (info.fileName ? titleFromFileName(info.fileName) : '') || (info.naming?.untitled ?? id);
  const deck = {
    id,
    title,
    description: info.naming ? info.naming.importedFrom(fileName) : (fileName ?? id),
    language: info.language?.trim() || 'en',
    tags: [],
    cards
  };
  const parsed = deckSchema.safeParse(deck);
  if (parsed.success) return parsed.data;
  // Checked above already; this turns any rule added to the schema later into a located problem.
  for (const issue of parsed.error.issues) {
    const [head, index, field] = issue.path;
    const row = head === 'cards' && typeof index === 'number' ? kept[index] : undefined;
    if (!row) report.problem(0, { code: 'deck-field', field: String(head ?? 'deck'), issue: schemaIssue(issue) });
    else
      report.problem(field === 'front' ? row.frontAt : field === 'back' ? row.backAt : row.at, {
        code: 'card-field',
        field: String(field ?? 'card'),
        issue: schemaIssue(issue)
      });
  }
  return undefined;
}

/** No row could be a card: the reasons rows were left out become the file's problems. */
function nothingLeft(info: DeckInfo, report: Report): undefined {
  for (const skipped of report.skipped.splice(0)) report.problems.push(skipped);
  if (report.problems.length === 0)
    report.problem(0, { code: 'no-cards', front: info.labels.front, back: info.labels.back });
  return undefined;
}

function textProblem(value: string, side: SideName, ankiCloze: boolean): Problem | null {
  const max = IMPORT_LIMITS.maxFieldChars;
  if (value === '') return { code: 'empty-side', side, ankiCloze };
  if (value.length > max) return { code: 'side-too-long', side, length: value.length, limit: max };
  return null;
}

function looksLikeAnkiCloze(front: string): boolean {
  return /\{\{c\d+::/.test(front);
}
