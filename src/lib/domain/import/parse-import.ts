/**
 * The one entry point for in-app imports: any text in, a checked deck or located problems out.
 * It never throws, so a worker can post its result as is.
 */
import type { Deck } from '../deck.schema';
import { readAnki } from './anki-import';
import { readCsv } from './csv-import';
import { readDeckJson, readDeckYaml } from './deck-file-import';
import { detectFormat } from './detect-format';
import type { ImportFormat, ImportInput, ImportResult } from './import-types';
import { LineIndex } from './line-index';
import { readQuizlet } from './quizlet-import';
import type { ImportProblem, NotTextKind } from '../problems';
import { Report } from './report';
import { cleanText, refuseText, undecodedAt } from './text-checks';

/** Files people pick by mistake, which get their own advice. */
const NOT_TEXT = new Set<string>(['apkg', 'colpkg', 'xlsx', 'xls', 'ods', 'numbers'] satisfies NotTextKind[]);

/**
 * Reads an uploaded or pasted file as a deck. The result holds a deck and no problems, or problems
 * and no deck; each problem has a 1-based line and column. `onProgress` gets fractions up to 1.
 */
export function parseImport(input: ImportInput, onProgress?: (fraction: number) => void): ImportResult {
  let format: ImportFormat = 'quizlet';
  // Pasted text has no file name: its problems have an empty path.
  let path = '';
  try {
    input ??= { text: '' }; // callers in plain JavaScript may pass nothing
    path = input.fileName?.split(/[\\/]/).pop()?.trim() || path;
    const raw = typeof input.text === 'string' ? input.text : '';
    const refusal = refuseText(raw, input.size);
    if (refusal) {
      format = detectFormat({ ...input, text: raw.slice(0, 4096) });
      const extension = /\.([a-z]+)$/i.exec(path)?.[1].toLowerCase() ?? '';
      const problem: ImportProblem =
        refusal.code === 'binary' && NOT_TEXT.has(extension)
          ? { code: 'not-text', kind: extension as NotTextKind }
          : refusal;
      return { format, problems: [{ path, line: 1, col: 1, problem }], warnings: [] };
    }
    format = detectFormat(input);
    const text = cleanText(raw);
    const report = new Report(path, new LineIndex(text));
    const undecoded = undecodedAt(text);
    if (undecoded !== -1) report.warning(undecoded, { code: 'undecoded' });

    const progress = onProgress && ((fraction: number) => onProgress(Math.min(0.9, Math.max(0, fraction * 0.9))));
    const deck = read(format, text, input, report, progress);
    onProgress?.(1);

    const { problems, warnings, skipped } = report.finish();
    const encoding = input.encoding && input.encoding !== 'utf-8' ? { encoding: input.encoding } : {};
    if (problems.length) return { format, problems, warnings, ...encoding };
    if (deck) return { format, deck, problems, warnings, skipped, ...encoding };
    return { format, problems: [{ path, line: 1, col: 1, problem: { code: 'nothing-read' } }], warnings, ...encoding };
  } catch (e) {
    const problem: ImportProblem = { code: 'crashed', detail: e instanceof Error ? e.message : String(e) };
    return { format, problems: [{ path, line: 1, col: 1, problem }], warnings: [] };
  }
}

function read(
  format: ImportFormat,
  text: string,
  input: ImportInput,
  report: Report,
  progress: ((fraction: number) => void) | undefined
): Deck | undefined {
  const info = { fileName: input.fileName, title: input.title, language: input.language, naming: input.naming };
  switch (format) {
    case 'factdeck-yaml':
      return readDeckYaml(text, report);
    case 'deck-json':
      return readDeckJson(text, report);
    case 'csv':
    case 'tsv':
      return readCsv(text, format, info, report, progress);
    case 'anki-text':
      return readAnki(text, info, report, progress);
    case 'quizlet':
      return readQuizlet(text, input, info, report, progress);
  }
}
