/**
 * A cell of a CSV or TSV file that starts with `'` and then, after any further quote marks, a
 * character a spreadsheet runs as a formula (`=`, `+`, `-`, `@`, tab, carriage return): spreadsheets
 * show such a cell without its first `'`, and Factdeck's CSV export adds exactly that one `'` to
 * neutralise formulas. Taking it off here makes the export read back exactly, and reads a file saved
 * by a spreadsheet as the spreadsheet shows it. A `'` before anything else is kept.
 */
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

/** `cell` without the `'` that neutralised a formula, if it has one. */
export function unescapeFormula(cell: string): string {
  return ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell;
}
