/** Cloze text: `Caracas is the capital of {{Venezuela}}`; a hint may follow two colons: `{{1999::year}}`. */
import type { ClozeError } from './problems';

export type ClozePart = string | { answer: string; hint?: string };

/** The parts, or what is wrong and at which character of the text. */
export type ClozeResult =
  { ok: true; parts: ClozePart[]; deletions: number } | { ok: false; error: ClozeError; index: number };

/** The text with each deletion shown as its answer; text that is not valid cloze is returned as it is. */
export function clozeRevealed(text: string): string {
  const parsed = parseCloze(text);
  if (!parsed.ok) return text;
  return parsed.parts.map((p) => (typeof p === 'string' ? p : p.answer)).join('');
}

/** Splits cloze text into plain text and deletions; each deletion is studied as its own card. */
export function parseCloze(text: string): ClozeResult {
  const parts: ClozePart[] = [];
  let deletions = 0;
  let pos = 0;
  while (pos < text.length) {
    const open = text.indexOf('{{', pos);
    const strayClose = text.indexOf('}}', pos);
    if (strayClose !== -1 && (open === -1 || strayClose < open))
      return { ok: false, error: 'stray-close', index: strayClose };
    if (open === -1) {
      parts.push(text.slice(pos));
      break;
    }
    if (open > pos) parts.push(text.slice(pos, open));
    const close = text.indexOf('}}', open + 2);
    const nested = text.indexOf('{{', open + 2);
    if (close === -1) return { ok: false, error: 'unclosed', index: open };
    if (nested !== -1 && nested < close) return { ok: false, error: 'nested', index: nested };
    const [answer, hint, ...extra] = text.slice(open + 2, close).split('::');
    if (!answer.trim()) return { ok: false, error: 'empty', index: open };
    if (extra.length) return { ok: false, error: 'two-hints', index: open };
    parts.push(hint?.trim() ? { answer: answer.trim(), hint: hint.trim() } : { answer: answer.trim() });
    deletions++;
    pos = close + 2;
  }
  if (deletions === 0) return { ok: false, error: 'no-deletion', index: 0 };
  return { ok: true, parts, deletions };
}
