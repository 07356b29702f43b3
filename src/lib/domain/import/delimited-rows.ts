/**
 * Reads delimiter-separated text (CSV, TSV, Anki's plain text) with papaparse, keeping where each row
 * and each field starts so problems can point at them. Quoting follows RFC 4180: a field in double
 * quotes may hold the delimiter, line breaks and doubled quote marks ("").
 */
import Papa from 'papaparse';
import type { Report } from './report';

export interface DelimitedRow {
  cells: string[];
  /** Offset of the row, and of each of its fields, in the text. */
  at: number;
  cellAt: number[];
}

export interface DelimitedOptions {
  /** Skip lines starting with "#" (Anki). */
  comments?: boolean;
  /** Stop after this many rows; the caller reports the limit. */
  maxRows: number;
  onProgress?: (fraction: number) => void;
}

/** Characters that cannot separate fields. */
export function badDelimiter(delimiter: string): boolean {
  return delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r';
}

/** Rows with at least one non-blank field; rows with quoting mistakes are reported and left out. */
export function readDelimited(
  text: string,
  delimiter: string,
  report: Report,
  options: DelimitedOptions
): DelimitedRow[] {
  const rows: DelimitedRow[] = [];
  let start = 0;
  let seen = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    newline: '\n',
    quoteChar: '"',
    escapeChar: '"',
    comments: options.comments ? '#' : false,
    step(result, parser) {
      let at = start;
      if (options.comments) while (text[at] === '#') at = nextLine(text, at);
      start = result.meta.cursor;
      if (++seen % 1000 === 0) options.onProgress?.(start / text.length);
      if (result.errors.length) {
        reportQuoteError(result.errors, text, at, report);
        return;
      }
      const cells = result.data;
      if (cells.every((c) => c.trim() === '')) return;
      rows.push({ cells, at, cellAt: cellOffsets(text, at, cells.length, delimiter) });
      if (rows.length >= options.maxRows) parser.abort();
    }
  });
  return rows;
}

function nextLine(text: string, at: number): number {
  const end = text.indexOf('\n', at);
  return end === -1 ? text.length : end + 1;
}

function reportQuoteError(errors: Papa.ParseError[], text: string, rowAt: number, report: Report): void {
  const missing = errors.find((e) => e.code === 'MissingQuotes');
  const error = missing ?? errors[0];
  // papaparse's index is just past the field's opening quote mark
  const index = typeof error.index === 'number' ? error.index : rowAt;
  const at = text[index - 1] === '"' ? index - 1 : Math.max(rowAt, Math.min(index, text.length));
  if (missing) report.problem(at, { code: 'unclosed-quote' });
  else if (error.code === 'InvalidQuotes') report.problem(at, { code: 'bad-quote' });
  else report.problem(at, { code: 'unreadable-line', detail: error.message });
}

/** Where each field of the row at `at` starts, scanning the way papaparse reads quotes. */
function cellOffsets(text: string, at: number, cells: number, delimiter: string): number[] {
  const offsets = [at];
  let i = at;
  while (offsets.length < cells && i < text.length) {
    if (text[i] === '"' && i === offsets[offsets.length - 1]) {
      for (i++; i < text.length; i++)
        if (text[i] === '"') {
          if (text[i + 1] !== '"') break;
          i++;
        }
      i++;
      continue;
    }
    if (text[i] === delimiter) offsets.push(i + 1);
    else if (text[i] === '\n') break;
    i++;
  }
  while (offsets.length < cells) offsets.push(i);
  return offsets;
}
