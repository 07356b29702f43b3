/**
 * Anki's "Notes in Plain Text" export: header lines such as "#separator:tab", "#html:true" and
 * "#tags column:5" at the top, then one note per line. The note type (from "#notetype column")
 * says what card a note becomes: Cloze a cloze card with every deletion (its Back Extra the
 * explanation), "Basic (and reversed card)" a reverse card, "Basic (optional reversed card)" one
 * when its third field is filled, "Basic (type in the answer)" a typed card, other types basic from
 * their first two fields. HTML formatting is kept as card text by the same conversion as Anki
 * packages (`anki-field-html.ts`, `anki-cloze.ts`). A note no card can hold (Image Occlusion) is
 * left out with why; the others import.
 */
import type { Deck } from '../deck.schema';
import type { SideName } from '../problems';
import { escapeText, htmlToCardText, placeMedia, type CardText, type FieldMedia } from './anki-field-html';
import { htmlToText } from './anki-html';
import { convertClozeField } from './anki-package/anki-cloze';
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
const SKIPPED_COLUMNS = ['guid column'];
const KNOWN = new Set(['separator', 'html', 'tags', 'tags column', 'columns', 'notetype', 'deck', 'if matches']);

interface AnkiHeaders {
  separator: string;
  html: boolean;
  /** 0-based columns that are not note fields, and the tags column. */
  skipped: Set<number>;
  tagsColumn?: number;
  deckColumn?: number;
  notetypeColumn?: number;
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
  let media = false;
  for (const row of rows) {
    const fieldColumns = row.cells.map((_, i) => i).filter((i) => !headers.skipped.has(i) && i !== headers.tagsColumn);
    const fields = fieldColumns.map((i) => row.cells[i] ?? '');
    const noteType = headers.notetypeColumn === undefined ? '' : (row.cells[headers.notetypeColumn] ?? '').trim();
    const kind = noteKind(noteType, fields);
    if (kind === 'unsupported') {
      report.skip(row.at, { code: 'anki-note-type', noteType });
      continue;
    }
    const [front, back, ...extra] = fieldColumns;
    if (back === undefined && kind !== 'cloze') {
      report.skip(row.at, { code: 'one-field' });
      continue;
    }
    labels = { front: { side: 'front', column: front + 1 }, back: { side: 'back', column: (back ?? front + 1) + 1 } };
    // Fields past those the card uses: an optional reverse card's third field only says "reverse".
    const used = kind === 'optional-reverse' ? 1 : 0;
    const unused = extra.slice(used).find((i) => row.cells[i].trim());
    if (unused !== undefined && kind !== 'cloze') report.warnOnce(row.cellAt[unused], { code: 'extra-fields' });
    const html = (value: string) => (headers.html ? value : plainToHtml(value));
    const place = (field: CardText) => {
      media ||= field.media.some((m) => !remoteImage(m));
      return placeMedia(field.text, field.media, (m) => (remoteImage(m) ? m.name : undefined));
    };
    const read = (value: string) => (headers.html ? place(htmlToCardText(value)) : asWritten(value));
    const ownTags = headers.tagsColumn === undefined ? '' : (row.cells[headers.tagsColumn] ?? '');
    const base = { tags: [...headers.tags, ...ownTags.split(/\s+/)], at: row.at, frontAt: row.cellAt[front] };
    if (kind === 'cloze') {
      const cloze = convertClozeField(html(row.cells[front]));
      const numbers = cloze.ordinals.flat();
      if (new Set(numbers).size < numbers.length) report.warnOnce(row.cellAt[front], { code: 'cloze-grouped' });
      if (cloze.nested) report.warnOnce(row.cellAt[front], { code: 'cloze-nested' });
      const extraText = back === undefined ? '' : read(row.cells[back]);
      cardRows.push({ ...base, type: 'cloze', front: place(cloze), back: '', backAt: row.at, explanation: extraText });
      continue;
    }
    const reverse = kind === 'reverse' || (kind === 'optional-reverse' && !!row.cells[extra[0]]?.trim());
    cardRows.push({
      ...base,
      type: kind === 'typed' ? 'typed' : reverse ? 'reverse' : 'basic',
      front: read(row.cells[front]),
      // A typed answer is typed: plain text.
      back: kind === 'typed' && headers.html ? htmlToText(withoutSounds(row.cells[back])) : read(row.cells[back]),
      backAt: row.cellAt[back]
    });
  }
  if (media) report.warning(0, { code: 'anki-media' });
  const deckName = headers.deck ?? sharedDeck(rows, headers.deckColumn);
  const title = info.title?.trim() || deckName?.split('::').pop()?.trim() || undefined;
  return rowsToDeck(cardRows, { ...info, title, labels }, report);
}

type NoteKind = 'basic' | 'reverse' | 'optional-reverse' | 'typed' | 'cloze' | 'unsupported';

/** What card an Anki note becomes, by its note type's name (Anki's own, or a copy of one) or its text. */
function noteKind(noteType: string, fields: string[]): NoteKind {
  const name = noteType.toLowerCase();
  if (/occlusion/.test(name)) return 'unsupported';
  if (/cloze/.test(name) || (!name && /\{\{c\d+::/.test(fields[0] ?? ''))) return 'cloze';
  if (/type in|typed/.test(name)) return 'typed';
  if (/optional revers/.test(name)) return 'optional-reverse';
  if (/revers/.test(name)) return 'reverse';
  return 'basic';
}

/** A web image stays on the card; a picture or sound from Anki's media folder cannot come with a text export. */
const remoteImage = (m: FieldMedia) => m.kind === 'image' && /^https:\/\//i.test(m.name);

/** `[sound:…]` tags, which a typed answer (plain text) leaves out. */
const withoutSounds = (html: string) => html.replace(/\[sound:[^\][]*\]/g, '');

/** A field exported without HTML ("#html:false"), shown as written: no character of it is formatting. */
function asWritten(text: string): string {
  return escapeText(text)
    .replace(/^([-+])(?=\s|$)/gm, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/gm, '$1\\$2');
}

/** A cloze field exported without HTML, as HTML that shows it as written (its line breaks kept). */
function plainToHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!).replace(/\r?\n/g, '<br>');
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
    else if (key === 'notetype column') headers.skipped.add((headers.notetypeColumn = columnNumber()));
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
