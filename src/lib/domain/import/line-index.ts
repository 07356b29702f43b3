/** Turns character offsets into the 1-based line and column a teacher sees in an editor. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  /** Line and column of `offset` (clamped to the text). */
  at(offset: number): { line: number; col: number } {
    const at = Math.min(Math.max(0, Math.floor(offset) || 0), this.text.length);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: at - this.starts[lo] + 1 };
  }

  /** Offset where line `line` (1-based) starts. */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(1, line), this.starts.length) - 1];
  }
}
