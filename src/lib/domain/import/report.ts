/** Collects an import's problems and warnings, each placed at a line and column of the text. */
import type { DeckProblem, Problem } from '../problems';
import { IMPORT_LIMITS } from './import-types';
import type { LineIndex } from './line-index';

export class Report {
  readonly problems: DeckProblem[] = [];
  readonly warnings: DeckProblem[] = [];
  /** Rows left out of the deck, each with why; the rest of the file imports. */
  readonly skipped: DeckProblem[] = [];
  private readonly once = new Set<string>();

  constructor(
    readonly path: string,
    readonly lines: LineIndex
  ) {}

  /** Something that stops the import, at character `offset` of the text. */
  problem(offset: number, problem: Problem): void {
    this.problems.push({ path: this.path, ...this.lines.at(offset), problem });
  }

  /** Something the teacher should know; the deck is imported anyway. */
  warning(offset: number, problem: Problem): void {
    this.warnings.push({ path: this.path, ...this.lines.at(offset), problem });
  }

  /** A row that cannot be imported, at `offset`: it is left out and the other rows import. */
  skip(offset: number, problem: Problem): void {
    this.skipped.push({ path: this.path, ...this.lines.at(offset), problem });
  }

  /** A warning given once per file however often it applies, at its first place. */
  warnOnce(offset: number, problem: Problem): void {
    const key = JSON.stringify(problem);
    if (this.once.has(key)) return;
    this.once.add(key);
    this.warning(offset, problem);
  }

  /** Problems and warnings in text order, each list cut to `IMPORT_LIMITS.maxListed` plus a summary. */
  finish(): { problems: DeckProblem[]; warnings: DeckProblem[]; skipped: DeckProblem[] } {
    return {
      problems: capped(this.problems, 'problem'),
      warnings: capped(this.warnings, 'warning'),
      skipped: capped(this.skipped, 'skipped')
    };
  }
}

function capped(list: DeckProblem[], of: 'problem' | 'warning' | 'skipped'): DeckProblem[] {
  const sorted = [...list].sort((a, b) => a.line - b.line || a.col - b.col);
  const max = IMPORT_LIMITS.maxListed;
  if (sorted.length <= max) return sorted;
  return [...sorted.slice(0, max), { ...sorted[max], problem: { code: 'more', count: sorted.length - max, of } }];
}
