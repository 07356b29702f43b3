/**
 * Quizlet's export: a term and its definition split by a separator (tab, comma or one the teacher
 * chose), cards split by another (new line by default). Nothing is quoted, so a separator inside a
 * definition is only allowed after the first term separator of the card.
 */
import type { Deck } from '../deck.schema';
import { rowsToDeck, type CardRow, type DeckInfo } from './card-rows';
import { IMPORT_LIMITS } from './import-types';
import type { Report } from './report';

export interface QuizletSeparators {
  termSeparator?: string;
  cardSeparator?: string;
}

export function readQuizlet(
  text: string,
  separators: QuizletSeparators,
  info: Omit<DeckInfo, 'labels'>,
  report: Report,
  onProgress?: (fraction: number) => void
): Deck | undefined {
  const cardSeparator = separatorFrom(separators.cardSeparator) || '\n';
  const termSeparator =
    separatorFrom(separators.termSeparator) || (text.includes('\t') || !text.includes(',') ? '\t' : ',');
  if (!separators.termSeparator && termSeparator === ',') report.warning(0, { code: 'comma-terms' });
  if (termSeparator === cardSeparator) {
    report.problem(0, { code: 'same-separators' });
    return undefined;
  }

  const rows: CardRow[] = [];
  const maxRows = IMPORT_LIMITS.maxCards + 1;
  for (let pos = 0; pos < text.length && rows.length < maxRows;) {
    const next = text.indexOf(cardSeparator, pos);
    const end = next === -1 ? text.length : next;
    const card = text.slice(pos, end);
    const at = pos + (card.length - card.trimStart().length);
    if (card.trim()) {
      const split = card.indexOf(termSeparator);
      if (split === -1) report.skip(at, { code: 'no-separator', separator: termSeparator });
      else {
        const back = card.slice(split + termSeparator.length);
        const backAt = pos + split + termSeparator.length + (back.length - back.trimStart().length);
        rows.push({ front: card.slice(0, split), back, tags: [], at, frontAt: at, backAt });
        if (rows.length % 1000 === 0) onProgress?.(end / text.length);
      }
    }
    pos = end + cardSeparator.length;
  }
  return rowsToDeck(rows, { ...info, labels: { front: { side: 'term' }, back: { side: 'definition' } } }, report);
}

/** A separator as typed, where "\t" and "\n" written out stand for tab and new line. */
function separatorFrom(typed: string | undefined): string {
  return (typed ?? '').replace(/\r\n?/g, '\n').replace(/\\t/g, '\t').replace(/\\n/g, '\n');
}
