/** Which format a file is in, from its name and, for .txt files and pasted text, its content. */
import Papa from 'papaparse';
import { hasAnkiHeaders } from './anki-import';
import { IMPORT_FORMATS, type ImportFormat, type ImportInput } from './import-types';
import { cleanText } from './text-checks';

/** The format `parseImport` reads `input` as: `input.format` when given, else a guess that never fails. */
export function detectFormat(input: ImportInput): ImportFormat {
  if (input.format && IMPORT_FORMATS.includes(input.format)) return input.format;
  if (input.termSeparator || input.cardSeparator) return 'quizlet';
  const text = cleanText(typeof input.text === 'string' ? input.text : '');
  const extension = /\.([a-z0-9]+)$/i.exec(input.fileName?.trim() ?? '')?.[1].toLowerCase();
  if (extension === 'json') return 'deck-json';
  if (extension === 'yaml' || extension === 'yml') return 'factdeck-yaml';
  if (hasAnkiHeaders(text)) return 'anki-text';
  if (extension === 'csv') return 'csv';
  if (extension === 'tsv' || extension === 'tab') return 'tsv';

  if (text.trimStart().startsWith('{')) return 'deck-json';
  if (/^id\s*:/m.test(text) && /^cards\s*:/m.test(text)) return 'factdeck-yaml';
  // A spreadsheet saved as text quotes the fields that hold separators, quote marks or line breaks;
  // Quizlet's export never quotes, so unquoted text is read the simpler Quizlet way.
  const delimiter = text.includes('\t') ? '\t' : ',';
  if (startsQuotedField(text, delimiter) && readsCleanly(text, delimiter)) return delimiter === '\t' ? 'tsv' : 'csv';
  return 'quizlet';
}

function startsQuotedField(text: string, delimiter: string): boolean {
  return (delimiter === '\t' ? /(?:^|\t)"/m : /(?:^|,)"/m).test(text);
}

function readsCleanly(text: string, delimiter: string): boolean {
  return Papa.parse(text, { delimiter, newline: '\n', quoteChar: '"' }).errors.length === 0;
}
