/** Collects an import's problems and warnings, each placed at a line and column of the text. */
import type { DeckProblem } from '../deck-parse';
import { IMPORT_LIMITS } from './import-types';
import type { LineIndex } from './line-index';

export class Report {
  readonly problems: DeckProblem[] = [];
  readonly warnings: DeckProblem[] = [];
  private readonly once = new Set<string>();

  constructor(
    readonly path: string,
    readonly lines: LineIndex
  ) {}

  /** Something that stops the import, at character `offset` of the text. */
  problem(offset: number, message: string): void {
    this.problems.push({ path: this.path, ...this.lines.at(offset), message });
  }

  /** Something the teacher should know; the deck is imported anyway. */
  warning(offset: number, message: string): void {
    this.warnings.push({ path: this.path, ...this.lines.at(offset), message });
  }

  /** A warning given once per file however often it applies, at its first place. */
  warnOnce(offset: number, message: string): void {
    if (this.once.has(message)) return;
    this.once.add(message);
    this.warning(offset, message);
  }

  /** Problems and warnings in text order, each list cut to `IMPORT_LIMITS.maxListed` plus a summary. */
  finish(): { problems: DeckProblem[]; warnings: DeckProblem[] } {
    return { problems: capped(this.problems, 'problem'), warnings: capped(this.warnings, 'warning') };
  }
}

function capped(list: DeckProblem[], noun: string): DeckProblem[] {
  const sorted = [...list].sort((a, b) => a.line - b.line || a.col - b.col);
  const max = IMPORT_LIMITS.maxListed;
  if (sorted.length <= max) return sorted;
  const rest = sorted.length - max;
  return [
    ...sorted.slice(0, max),
    {
      ...sorted[max],
      message:
        `…and ${rest.toLocaleString('en')} more ${noun}${rest === 1 ? '' : 's'} from here on, not listed.` +
        (noun === 'problem' ? ' Fix the ones above and import the file again to see the rest.' : '')
    }
  ];
}
