/**
 * YAML text for deck and source files: parse it, tell its syntax errors apart for teachers, and find
 * where in the text a value sits, so every problem can name a line and column.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import type { DeckFileProblem, YamlError } from './problems';

export type Path = (string | number)[];
/** A problem at a character offset into the file's text. */
export type Located = { at: number; problem: DeckFileProblem };

export type LoadedYaml =
  | { ok: true; text: string; doc: Document; lines: LineCounter; data: unknown }
  | { ok: false; lines: LineCounter; located: Located[] };

/** Parses YAML text; on syntax errors, returns all of them and no data. */
export function loadYaml(text: string): LoadedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  // A broken syntax tree would only produce misleading follow-up errors, so stop at syntax errors.
  if (doc.errors.length)
    return { ok: false, lines, located: doc.errors.map((e) => syntaxError(e.code, e.message, e.pos[0], text, doc)) };
  try {
    return { ok: true, text, doc, lines, data: doc.toJS() as unknown };
  } catch (e) {
    return { ok: false, lines, located: [yamlError({ code: 'unreadable', detail: String(e) }, 0)] };
  }
}

/** Line and column of the value at `path`, or of its nearest existing parent. */
export function yamlPosition(text: string, path: Path): { line: number; col: number } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  return lines.linePos(offsetOf(doc, path));
}

/** Offset of the value at `path`, or of its nearest existing parent. */
export function offsetOf(doc: Document, path: Path): number {
  const { node, key } = walk(doc, path);
  // An empty value (`back:`) has no text of its own; point at its name.
  if (isScalar(node) && node.value === null && key?.range) return key.range[0];
  return node?.range?.[0] ?? 0;
}

/** Offset of the key `key` in the mapping at `path`. */
export function keyOffset(doc: Document, path: Path, key: string): number {
  const { node } = walk(doc, path);
  const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
  return (pair?.key as Node | undefined)?.range?.[0] ?? offsetOf(doc, path);
}

/** Offset of character `index` of the text value at `path`, when the value sits on one line. */
export function charOffset(doc: Document, text: string, path: Path, index: number): number {
  const { node } = walk(doc, path);
  if (!isScalar(node) || !node.range) return offsetOf(doc, path);
  const [start, end] = node.range;
  const source = text.slice(start, end);
  if (source.includes('\n')) return start;
  if (node.type === 'PLAIN') return source === node.value ? start + index : start;
  if (node.type !== 'QUOTE_SINGLE' && node.type !== 'QUOTE_DOUBLE') return start;
  let i = 1; // past the opening quote
  for (let v = 0; v < index && i < source.length; v++) {
    if (node.type === 'QUOTE_SINGLE') i += source.slice(i, i + 2) === "''" ? 2 : 1;
    else if (source[i] !== '\\') i++;
    else i += ({ x: 4, u: 6, U: 10 } as Record<string, number>)[source[i + 1]] ?? 2;
  }
  return start + i;
}

/** The value at `path` as written in the file, e.g. `3.10` where the parsed value is 3.1. */
export function writtenAt(doc: Document, text: string, path: Path): string | undefined {
  const { node } = walk(doc, path);
  return isScalar(node) && node.range ? text.slice(node.range[0], node.range[1]) : undefined;
}

/** The deepest node along `path`, with the key that led to it. */
function walk(doc: Document, path: Path): { node: Node | null; key?: Node } {
  let node = doc.contents as Node | null;
  let key: Node | undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String(isScalar(p.key) ? p.key.value : p.key) === String(step));
      if (!pair) break;
      key = pair.key as Node;
      node = (pair.value as Node | null) ?? key;
    } else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
      key = undefined;
      node = node.items[step] as Node;
    } else break;
  }
  return { node, key };
}

type ScalarInfo = { type?: string; range?: [number, number, number] | null; value: unknown };

const yamlError = (error: YamlError, at: number): Located => ({ at, problem: { code: 'yaml-syntax', error } });

/**
 * The YAML reader's error as one a teacher can act on. The `yaml` library has no code for some
 * errors (a colon inside a value, an unclosed bracket), so those are told apart by its message:
 * the library's words, not ours.
 */
function syntaxError(code: string, message: string, at: number, text: string, doc: Document): Located {
  if (code === 'DUPLICATE_KEY') {
    const key = findScalar(doc, (s) => s.range?.[0] === at)?.value ?? text.slice(at).split(':')[0];
    return yamlError({ code: 'duplicate-key', key: String(key) }, at);
  }
  if (code === 'MISSING_CHAR' && /closing .?quote/i.test(message)) {
    const open = findScalar(
      doc,
      (s) => (s.type === 'QUOTE_DOUBLE' || s.type === 'QUOTE_SINGLE') && !isClosed(text.slice(s.range![0], s.range![1]))
    );
    const quote = open?.type === 'QUOTE_SINGLE' ? "'" : '"';
    return yamlError({ code: 'unclosed-quote', quote }, open?.range?.[0] ?? at);
  }
  if (code === 'TAB_AS_INDENT') return yamlError({ code: 'tab-indent' }, at);
  if (/compact mappings/.test(message)) return yamlError({ code: 'colon-in-value' }, at);
  if (/end with a \]/.test(message)) return yamlError({ code: 'unclosed-list' }, at);
  if (/end with a \}/.test(message)) return yamlError({ code: 'unclosed-group' }, at);
  if (code === 'BAD_INDENT' || code === 'MULTILINE_IMPLICIT_KEY' || code === 'BLOCK_AS_IMPLICIT_KEY')
    return yamlError({ code: 'indentation', detail: lowerFirst(message) }, at);
  return yamlError({ code: 'other', detail: lowerFirst(message) }, at);
}

/** Whether quoted scalar source text ends with its closing quote. */
function isClosed(source: string): boolean {
  const quote = source[0];
  for (let i = 1; i < source.length; i++) {
    if (quote === '"' && source[i] === '\\') i++;
    else if (quote === "'" && source[i] === "'" && source[i + 1] === "'") i++;
    else if (source[i] === quote) return i === source.length - 1;
  }
  return false;
}

function findScalar(doc: Document, test: (s: ScalarInfo) => boolean): ScalarInfo | undefined {
  let found: ScalarInfo | undefined;
  visit(doc, {
    Scalar(_, s) {
      if (test(s)) found = s;
    }
  });
  return found;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
