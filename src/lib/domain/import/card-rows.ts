/**
 * Rows of front, back and tags, as read from a table-like file, turned into a checked deck of basic
 * cards. Each row keeps where it was in the text so every problem names its line and column.
 */
import { deckSchema, type Card, type Deck } from '../deck.schema';
import { schemaIssue, type SideName } from '../problems';
import { cardIdMaker, deckIdFor, titleFromFileName } from './card-ids';
import { IMPORT_LIMITS, type DeckNaming } from './import-types';
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
  if (rows.length === 0) {
    if (report.problems.length === 0)
      report.problem(0, { code: 'no-cards', front: info.labels.front, back: info.labels.back });
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
    checkText(back, row.backAt, info.labels.back, report, looksLikeAnkiCloze(front));
    for (const tag of tags) checkText(tag, row.at, { side: 'tag', tag }, report);

    const line = report.lines.at(row.at).line;
    const first = firstLineOf.get(front);
    if (first !== undefined && front)
      report.warning(row.frontAt, { code: 'same-front', side: info.labels.front, line: first });
    else firstLineOf.set(front, line);

    cards.push({ id: nextId(front), type: 'basic', front, back, ...(tags.length ? { tags } : {}) });
  }
  if (report.problems.length) return undefined;

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
    const row = head === 'cards' && typeof index === 'number' ? rows[index] : undefined;
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

function checkText(value: string, at: number, side: SideName, report: Report, ankiCloze = false): void {
  const max = IMPORT_LIMITS.maxFieldChars;
  if (value === '') report.problem(at, { code: 'empty-side', side, ankiCloze });
  else if (value.length > max) report.problem(at, { code: 'side-too-long', side, length: value.length, limit: max });
}

function looksLikeAnkiCloze(front: string): boolean {
  return /\{\{c\d+::/.test(front);
}
