/**
 * CSV and TSV: one card per row, laid out as front, back and optional tags (one per further column),
 * with or without a header row such as "front,back" or "Term,Definition,Tags".
 */
import type { Deck } from '../deck.schema';
import { rowsToDeck, type CardRow, type DeckInfo } from './card-rows';
import { readDelimited } from './delimited-rows';
import { unescapeFormula } from './formula-escape';
import { IMPORT_LIMITS } from './import-types';
import type { Report } from './report';

const FRONT_NAMES = new Set(['front', 'term', 'question', 'prompt', 'word', 'q', 'side 1']);
const BACK_NAMES = new Set(['back', 'definition', 'answer', 'response', 'meaning', 'translation', 'a', 'side 2']);

type Layout = { tagColumns: number[] | 'rest' };

export function readCsv(
  text: string,
  format: 'csv' | 'tsv',
  info: Omit<DeckInfo, 'labels'>,
  report: Report,
  onProgress?: (fraction: number) => void
): Deck | undefined {
  const delimiter = format === 'tsv' ? '\t' : csvDelimiter(text);
  if (format === 'csv' && delimiter !== ',') report.warning(0, { code: 'delimiter', delimiter });
  const rows = readDelimited(text, delimiter, report, { maxRows: IMPORT_LIMITS.maxCards + 2, onProgress });

  let layout: Layout = { tagColumns: 'rest' };
  let named = Infinity;
  if (rows.length && isHeader(rows[0].cells)) {
    const header = rows.shift()!;
    layout = headerLayout(header, report);
    named = header.cells.length;
    report.warning(header.at, { code: 'header-row', cells: header.cells });
  }

  const cardRows: CardRow[] = [];
  for (const row of rows) {
    const { cells, cellAt } = row;
    if (cells.length < 2) {
      report.skip(row.at, { code: 'one-column', delimiter });
      continue;
    }
    const unnamed = cells.findIndex((c, i) => i >= named && c.trim());
    if (unnamed !== -1) report.warnOnce(cellAt[unnamed], { code: 'unnamed-columns' });
    const tags = (layout.tagColumns === 'rest' ? cells.slice(2) : layout.tagColumns.map((i) => cells[i] ?? '')).map(
      unescapeFormula
    );
    const [front, back] = [unescapeFormula(cells[0]), unescapeFormula(cells[1])];
    cardRows.push({ front, back, tags, at: row.at, frontAt: cellAt[0], backAt: cellAt[1] });
  }
  const labels = { front: { side: 'front', column: 1 }, back: { side: 'back', column: 2 } } as const;
  return rowsToDeck(cardRows, { ...info, labels }, report);
}

/** Comma, unless the first line has more semicolons or tabs (Excel writes ";" in many languages). */
function csvDelimiter(text: string): ',' | ';' | '\t' {
  const firstLine = text
    .trimStart()
    .split('\n', 1)[0]
    .replace(/"(?:[^"]|"")*"/g, '');
  let best: ',' | ';' | '\t' = ',';
  for (const d of [';', '\t'] as const) if (countOf(firstLine, d) > countOf(firstLine, best)) best = d;
  return best;
}

function countOf(line: string, char: string): number {
  return line.split(char).length - 1;
}

const columnName = (cell: string) =>
  cell
    .toLowerCase()
    .replace(/[^a-z0-9 ]/g, '')
    .trim();

function isHeader(cells: string[]): boolean {
  return cells.length >= 2 && FRONT_NAMES.has(columnName(cells[0])) && BACK_NAMES.has(columnName(cells[1]));
}

/** With column names, only columns named like "tags" hold tags; any other extra column is left out. */
function headerLayout(header: { cells: string[]; cellAt: number[] }, report: Report): Layout {
  const tagColumns: number[] = [];
  header.cells.forEach((cell, i) => {
    if (i < 2) return;
    if (/^tags?\b/.test(columnName(cell))) tagColumns.push(i);
    else if (cell.trim()) report.warning(header.cellAt[i], { code: 'extra-column', name: cell.trim() });
  });
  return { tagColumns };
}
