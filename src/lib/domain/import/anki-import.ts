/**
 * Anki's "Notes in Plain Text" export: header lines such as "#separator:tab", "#html:true" and
 * "#tags column:5" at the top, then one note per line. The first two note fields become front and
 * back; the guid, note type and deck columns are skipped.
 */
import type { Deck } from '../deck.schema';
import type { SideName } from '../problems';
import { htmlToText } from './anki-html';
import { rowsToDeck, type CardRow, type DeckInfo } from './card-rows';
import { badDelimiter, readDelimited } from './delimited-rows';
import { own } from '../own';
import { IMPORT_LIMITS } from './import-types';
import type { Report } from './report';

const SEPARATORS: Record<string, string> = {
  tab: '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
  space: ' ',
  colon: ':'
};
/** Header keys naming a column that holds something other than a note field. */
const SKIPPED_COLUMNS = ['guid column', 'notetype column'];
const KNOWN = new Set(['separator', 'html', 'tags', 'tags column', 'columns', 'notetype', 'deck', 'if matches']);

interface AnkiHeaders {
  separator: string;
  html: boolean;
  /** 0-based columns that are not note fields, and the tags column. */
  skipped: Set<number>;
  tagsColumn?: number;
  deckColumn?: number;
  tags: string[];
  deck?: string;
}

/** Whether the text starts with at least one Anki header line. */
export function hasAnkiHeaders(text: string): boolean {
  return /^#(?:separator|html|tags|columns|notetype|deck|guid column|if matches)\b[^:\n]*:/i.test(text);
}

export function readAnki(
  text: string,
  info: Omit<DeckInfo, 'labels'>,
  report: Report,
  onProgress?: (fraction: number) => void
): Deck | undefined {
  const headers = readHeaders(text, report);
  if (!headers) return undefined;
  const rows = readDelimited(text, headers.separator, report, {
    comments: true,
    maxRows: IMPORT_LIMITS.maxCards + 1,
    onProgress
  });

  const cardRows: CardRow[] = [];
  let labels: { front: SideName; back: SideName } = { front: { side: 'front' }, back: { side: 'back' } };
  for (const row of rows) {
    const fieldColumns = row.cells.map((_, i) => i).filter((i) => !headers.skipped.has(i) && i !== headers.tagsColumn);
    const [front, back, ...extra] = fieldColumns;
    if (back === undefined) {
      report.problem(row.at, { code: 'one-field' });
      continue;
    }
    labels = { front: { side: 'front', column: front + 1 }, back: { side: 'back', column: back + 1 } };
    const unused = extra.find((i) => row.cells[i].trim());
    if (unused !== undefined) report.warnOnce(row.cellAt[unused], { code: 'extra-fields' });
    const read = (value: string) => (headers.html ? htmlToText(value) : value);
    const ownTags = headers.tagsColumn === undefined ? '' : (row.cells[headers.tagsColumn] ?? '');
    cardRows.push({
      front: read(row.cells[front]),
      back: read(row.cells[back]),
      tags: [...headers.tags, ...ownTags.split(/\s+/)],
      at: row.at,
      frontAt: row.cellAt[front],
      backAt: row.cellAt[back]
    });
  }
  const deckName = headers.deck ?? sharedDeck(rows, headers.deckColumn);
  const title = info.title?.trim() || deckName?.split('::').pop()?.trim() || undefined;
  return rowsToDeck(cardRows, { ...info, title, labels }, report);
}

/** The Anki deck every note is in, when the deck column names only one. */
function sharedDeck(rows: { cells: string[] }[], column: number | undefined): string | undefined {
  if (column === undefined || !rows.length) return undefined;
  const name = rows[0].cells[column];
  return rows.every((row) => row.cells[column] === name) ? name : undefined;
}

/** The header lines at the top; undefined (and a problem) when one cannot be used. */
function readHeaders(text: string, report: Report): AnkiHeaders | undefined {
  const headers: AnkiHeaders = { separator: '\t', html: false, skipped: new Set(), tags: [] };
  let columnNames: string | undefined;
  let ok = true;
  for (let at = 0; text[at] === '#';) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(at, end);
    const match = /^#([^:]+):(.*)$/.exec(line);
    const key = match?.[1].trim().toLowerCase() ?? '';
    const raw = match?.[2] ?? '';
    const value = raw.trim();
    const columnNumber = () => {
      const n = /^\d+$/.test(value) ? Number(value) : 0;
      if (n < 1) {
        report.problem(at, { code: 'column-number', header: match![1], value });
        ok = false;
      }
      return n - 1;
    };
    if (!match) {
      // a comment
    } else if (key === 'separator') {
      const separator =
        raw.length === 1 ? raw : (own(SEPARATORS, value.toLowerCase()) ?? (value.length === 1 ? value : ''));
      if (!separator || badDelimiter(separator)) {
        report.problem(at, { code: 'unknown-separator', value });
        ok = false;
      } else headers.separator = separator;
    } else if (key === 'html') {
      if (!/^(?:true|false)$/i.test(value)) {
        report.problem(at, { code: 'html-flag', value });
        ok = false;
      }
      headers.html = value.toLowerCase() === 'true';
    } else if (key === 'tags column') headers.tagsColumn = columnNumber();
    else if (key === 'deck column') headers.skipped.add((headers.deckColumn = columnNumber()));
    else if (SKIPPED_COLUMNS.includes(key)) headers.skipped.add(columnNumber());
    else if (key === 'tags') headers.tags.push(...value.split(/\s+/));
    else if (key === 'deck') headers.deck = value;
    else if (key === 'columns') columnNames = raw;
    else if (!KNOWN.has(key)) report.warning(at, { code: 'unknown-header', line });
    at = end + 1;
  }
  // Column names apply with the final separator, whichever line set it.
  if (columnNames !== undefined && headers.tagsColumn === undefined) {
    const names = columnNames.split(headers.separator).map((n) => n.trim().toLowerCase());
    const tags = names.indexOf('tags');
    if (tags !== -1) headers.tagsColumn = tags;
  }
  return ok ? headers : undefined;
}
