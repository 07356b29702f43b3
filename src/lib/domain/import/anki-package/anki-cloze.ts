/**
 * Anki cloze fields (`{{c1::Caracas}}`, `{{c2::1999::year}}`, `{{c1,2::…}}`, nested deletions) as
 * Factdeck cloze text (`{{Caracas}}`, `{{1999::year}}`: src/lib/domain/cloze.ts). Factdeck asks each
 * deletion as its own card, in text order; Anki asks all deletions with the same number together.
 * The numbers each deletion had are kept so Anki's review history goes to the right cards.
 */
import { htmlToText } from '../anki-html';
import { htmlToCardText, type CardText, type FieldMedia } from '../anki-field-html';

export interface ClozeField extends CardText {
  /** Anki's cloze numbers of each Factdeck deletion, in text order (deletion 1 first). */
  ordinals: number[][];
  /** A deletion held another; the inner one is shown as part of the outer. */
  nested: boolean;
}

type Token = { open: number[] } | { close: true } | { text: string };

/** Anki's tokens (rslib/src/cloze.rs): `{{c<numbers>::` opens, `}}` closes, the rest is text. */
function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let text = '';
  for (let i = 0; i < html.length;) {
    const open = /^\{\{c([\d,]+)::/.exec(html.slice(i, i + 40));
    const ordinals = open ? [...new Set(open[1].split(',').filter(Boolean).map(Number))].sort((a, b) => a - b) : [];
    if (open && ordinals.length) {
      if (text) tokens.push({ text });
      text = '';
      tokens.push({ open: ordinals });
      i += open[0].length;
    } else if (html.startsWith('}}', i)) {
      if (text) tokens.push({ text });
      text = '';
      tokens.push({ close: true });
      i += 2;
    } else text += html[i++];
  }
  if (text) tokens.push({ text });
  return tokens;
}

interface Deletion {
  ordinals: number[];
  html: string;
  hint?: string;
}

const OPEN = '\uE020';
const CLOSE = '\uE021';

/** Converts a cloze field; `ordinals` is empty when the field has no deletion. */
export function convertClozeField(html: string): ClozeField {
  const deletions: Deletion[] = [];
  const open: Deletion[] = [];
  let outer = '';
  let nested = false;
  for (const token of tokenize(html)) {
    const current = open[open.length - 1];
    if ('open' in token) {
      if (current) nested = true;
      open.push({ ordinals: token.open, html: '' });
    } else if ('close' in token) {
      const done = open.pop();
      if (!done) outer += '}}';
      else if (open.length) open[open.length - 1].html += done.html;
      else {
        outer += `${OPEN}${deletions.length}${CLOSE}`;
        deletions.push(done);
      }
    } else if (current) {
      // Anki splits the hint off at the first "::" of the deletion's own text; an inner
      // deletion's hint is not shown with the outer one.
      const hintAt = token.text.indexOf('::');
      if (hintAt === -1) current.html += token.text;
      else {
        current.html += token.text.slice(0, hintAt);
        if (open.length === 1) current.hint = htmlToText(token.text.slice(hintAt + 2));
      }
    } else outer += token.text;
  }
  // A deletion never closed is text, as in Anki.
  for (const unclosed of open) outer += `{{c${unclosed.ordinals.join(',')}::${unclosed.html}`;

  const converted = htmlToCardText(outer);
  const media: FieldMedia[] = [...converted.media];
  let dropped = converted.droppedFormatting;
  const text = converted.text.replace(new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g'), (_, n: string) => {
    const deletion = deletions[Number(n)];
    const answer = htmlToCardText(deletion.html);
    dropped ||= answer.droppedFormatting;
    // The answer's media placeholders are numbered after the field's own.
    const offset = media.length;
    media.push(...answer.media);
    const body = answer.text.replace(/\uE010(\d+)\uE011/g, (_m, k: string) => `\uE010${Number(k) + offset}\uE011`);
    const flat = oneLine(body).trim() || '…';
    return deletion.hint ? `{{${flat}::${deletion.hint}}}` : `{{${flat}}}`;
  });
  return { text, media, droppedFormatting: dropped, ordinals: deletions.map((d) => d.ordinals), nested };
}

/** The text on one line: each run of white space that holds a line break becomes one space. */
function oneLine(text: string): string {
  const lines = text.split('\n');
  const last = lines.length - 1;
  return lines
    .map((line, i) => (i === 0 ? line.trimEnd() : i === last ? line.trimStart() : line.trim()))
    .filter((line, i) => line || i === 0 || i === last)
    .join(' ');
}
