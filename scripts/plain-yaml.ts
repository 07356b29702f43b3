/**
 * A fast reader for the plain YAML that deck and source files are written in: a mapping at the top,
 * block mappings and lists, one-line plain and quoted scalars, one-line flow lists and mappings,
 * folded and literal text (`>`, `>-`, `|`, `|-`) and comments. It keeps no positions, so the deck
 * compiler uses it only for files that turn out valid and reads every other file with `yaml`.
 *
 * Whatever it is not sure `yaml` reads the same way (YAML 1.2 core schema, duplicate keys an error,
 * no merge keys) makes it give up and return undefined: anchors, tags, quoted or unusual keys,
 * multi-line plain or quoted scalars, tabs, control characters, directives and document markers.
 * `plain-yaml.test.ts` checks that whenever it returns a value, `yaml` returns the same value
 * without errors.
 */

/** Thrown to stop reading; never leaves this module. */
const GIVE_UP = Symbol('give up');
/** Deeper nesting than any deck has; `yaml` runs out of stack at some depth, so stay well below. */
const MAX_DEPTH = 50;

/** A key as teachers write them, followed by the colon and a space or the line's end. */
const KEY = /([A-Za-z_][A-Za-z0-9_-]*):(?: +|$)/y;
/** Characters that cannot start a plain scalar, or start something other than one. */
const INDICATORS = new Set([...'-?:,[]{}#&*!|>\'"%@`']);
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\'
};

/** The value of `text`, or undefined when it uses YAML beyond the plain subset. */
export function readPlainYaml(text: string): unknown {
  if (text.includes('\r')) text = text.replace(/\r\n/g, '\n');
  if (hasUnusualChars(text)) return undefined;
  try {
    return new Reader(text.split('\n')).document();
  } catch {
    // GIVE_UP, or anything unforeseen such as nesting too deep for the stack: `yaml` decides.
    return undefined;
  }
}

function giveUp(): never {
  throw GIVE_UP;
}

class Reader {
  /** Index of the line being read. */
  private i = 0;
  /** Collections open around the line being read. */
  private depth = 0;

  constructor(private readonly lines: string[]) {}

  document(): Record<string, unknown> {
    const indent = this.nextIndent();
    if (indent === -1) giveUp();
    const data = this.blockMap(indent);
    if (this.nextIndent() !== -1) giveUp();
    return data;
  }

  /** Skips blank and comment lines; the indent of the next line with content, or -1 at the end. */
  private nextIndent(): number {
    for (; this.i < this.lines.length; this.i++) {
      const line = this.lines[this.i];
      const indent = indentOf(line);
      if (indent < line.length && line[indent] !== '#') return indent;
    }
    return -1;
  }

  private blockNode(indent: number): unknown {
    if (++this.depth > MAX_DEPTH) giveUp();
    const node = isListItem(this.lines[this.i], indent) ? this.blockList(indent) : this.blockMap(indent);
    this.depth--;
    return node;
  }

  /** A block mapping whose keys start at column `indent`, the first on the current line. */
  private blockMap(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    for (;;) {
      const line = this.lines[this.i];
      KEY.lastIndex = indent;
      const match = KEY.exec(line);
      if (!match) giveUp();
      const key = match[1];
      if (key.length > 1000 || key === '__proto__' || coreValue(key) !== key || Object.hasOwn(map, key)) giveUp();
      map[key] = this.value(line, KEY.lastIndex, indent, true);
      const next = this.nextIndent();
      if (next < indent) return map;
      if (next > indent) giveUp();
    }
  }

  /** A block list whose dashes stand at column `indent`, the first on the current line. */
  private blockList(indent: number): unknown[] {
    const list: unknown[] = [];
    for (;;) {
      const line = this.lines[this.i];
      let col = indent + 1;
      while (line[col] === ' ') col++;
      KEY.lastIndex = col;
      if ((col < line.length && KEY.test(line)) || isListItem(line, col)) list.push(this.blockNode(col));
      else list.push(this.value(line, col, indent, false));
      const next = this.nextIndent();
      if (next < indent) return list;
      if (next > indent) giveUp();
      // A list may be a mapping's value at the mapping's own indent; the mapping goes on from here.
      if (!isListItem(this.lines[this.i], indent)) return list;
    }
  }

  /**
   * The value from column `col` of `line` on, where the node holding it is at column `indent`;
   * moves past the lines it takes.
   */
  private value(line: string, col: number, indent: number, inMap: boolean): unknown {
    const c = line[col];
    if (c === undefined || c === '#') {
      this.i++;
      const next = this.nextIndent();
      if (next > indent) return this.blockNode(next);
      if (inMap && next === indent && isListItem(this.lines[this.i], indent)) return this.blockNode(indent);
      return null;
    }
    if (c === '|' || c === '>') return this.blockScalar(line, col, indent);
    const [value, end] = c === '[' || c === '{' ? flowCollection(line, col, this.depth) : scalar(line, col, false);
    let rest = end;
    while (line[rest] === ' ') rest++;
    if (rest < line.length && (line[rest] !== '#' || rest === end)) giveUp();
    this.i++;
    return value;
  }

  /** Literal (`|`) or folded (`>`) text, clipped or stripped (`-`) of its final line break. */
  private blockScalar(line: string, col: number, indent: number): string {
    const header = /^([|>])(-?)(?: *$| +#)/.exec(line.slice(col));
    if (!header) giveUp();
    const folded = header[1] === '>';
    this.i++;
    const first = this.lines[this.i] ?? '';
    const contentIndent = indentOf(first);
    if (contentIndent === first.length || contentIndent <= indent) giveUp();
    const body: string[] = [];
    for (; this.i < this.lines.length; this.i++) {
      const l = this.lines[this.i];
      const lineIndent = indentOf(l);
      if (lineIndent === l.length) {
        // Spaces past the content's indent would be text; that case is left to `yaml`.
        if (l.length > contentIndent) giveUp();
        body.push('');
        continue;
      }
      if (lineIndent < contentIndent) break;
      // More-indented lines keep their line breaks in folded text; also left to `yaml`.
      if (folded && lineIndent > contentIndent) giveUp();
      body.push(l.slice(contentIndent));
    }
    while (body[body.length - 1] === '') body.pop();
    let text = body[0];
    let empty = 0;
    for (let k = 1; k < body.length; k++) {
      if (body[k] === '') {
        empty++;
        continue;
      }
      text += (folded ? (empty ? '\n'.repeat(empty) : ' ') : '\n'.repeat(empty + 1)) + body[k];
      empty = 0;
    }
    return header[2] === '-' ? text : text + '\n';
  }
}

/** Whether `text` has characters `yaml` may treat specially: tabs, controls, line separators, BOM. */
function hasUnusualChars(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff)
      return true;
  }
  return false;
}

function indentOf(line: string): number {
  let n = 0;
  while (line.charCodeAt(n) === 32) n++;
  return n;
}

/** Whether `line` has a list item's dash at column `col`. */
function isListItem(line: string, col: number): boolean {
  return line[col] === '-' && (col + 1 === line.length || line[col + 1] === ' ');
}

/** A quoted or plain scalar from `col`, with the column after it. */
function scalar(line: string, col: number, inFlow: boolean): [unknown, number] {
  const c = line[col];
  if (c === "'") return singleQuoted(line, col);
  if (c === '"') return doubleQuoted(line, col);
  if (INDICATORS.has(c) && !(c === '-' && /[0-9A-Za-z.]/.test(line[col + 1] ?? ''))) giveUp();
  let end = col;
  for (; end < line.length; end++) {
    const ch = line[end];
    if (ch === '#' && line[end - 1] === ' ') break;
    if (ch === ':' && (end + 1 === line.length || line[end + 1] === ' ' || inFlow)) giveUp();
    if (inFlow && (ch === ',' || ch === ']' || ch === '}')) break;
    if (inFlow && (ch === '[' || ch === '{' || ch === '#')) giveUp();
  }
  let last = end;
  while (line[last - 1] === ' ') last--;
  return [coreValue(line.slice(col, last)), last];
}

function singleQuoted(line: string, col: number): [string, number] {
  let text = '';
  for (let j = col + 1; ;) {
    const quote = line.indexOf("'", j);
    if (quote === -1) giveUp();
    text += line.slice(j, quote);
    if (line[quote + 1] !== "'") return [text, quote + 1];
    text += "'";
    j = quote + 2;
  }
}

function doubleQuoted(line: string, col: number): [string, number] {
  let text = '';
  for (let j = col + 1; ;) {
    let k = j;
    while (k < line.length && line[k] !== '"' && line[k] !== '\\') k++;
    if (k === line.length) giveUp();
    text += line.slice(j, k);
    if (line[k] === '"') return [text, k + 1];
    const e = line[k + 1];
    const digits = e === 'x' ? 2 : e === 'u' ? 4 : 0;
    if (digits) {
      const hex = line.slice(k + 2, k + 2 + digits);
      if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) giveUp();
      text += String.fromCodePoint(parseInt(hex, 16));
      j = k + 2 + digits;
    } else if (e !== undefined && Object.hasOwn(ESCAPES, e)) {
      text += ESCAPES[e];
      j = k + 2;
    } else giveUp();
  }
}

/** A one-line flow list or mapping from `col`, with the column after it. */
function flowCollection(line: string, col: number, depth: number): [unknown, number] {
  if (++depth > MAX_DEPTH) giveUp();
  const isList = line[col] === '[';
  const close = isList ? ']' : '}';
  const list: unknown[] = [];
  const map: Record<string, unknown> = {};
  let j = skipSpaces(line, col + 1);
  if (line[j] === close) return [isList ? list : map, j + 1];
  for (;;) {
    if (isList) {
      const [item, end] = flowItem(line, j, depth);
      list.push(item);
      j = end;
    } else {
      KEY.lastIndex = j;
      const match = KEY.exec(line);
      if (!match || KEY.lastIndex === line.length) giveUp();
      const key = match[1];
      if (key === '__proto__' || coreValue(key) !== key || Object.hasOwn(map, key)) giveUp();
      const [value, end] = flowItem(line, KEY.lastIndex, depth);
      map[key] = value;
      j = end;
    }
    j = skipSpaces(line, j);
    if (line[j] === close) return [isList ? list : map, j + 1];
    if (line[j] !== ',') giveUp();
    j = skipSpaces(line, j + 1);
    if (line[j] === close || line[j] === ',') giveUp();
  }
}

function flowItem(line: string, col: number, depth: number): [unknown, number] {
  const c = line[col];
  if (c === '[' || c === '{') return flowCollection(line, col, depth);
  const [value, end] = scalar(line, col, true);
  if (end === col) giveUp();
  // `"a": b` in a flow list would be a mapping.
  if (line[skipSpaces(line, end)] === ':') giveUp();
  return [value, end];
}

function skipSpaces(line: string, j: number): number {
  while (line[j] === ' ') j++;
  return j;
}

/** A plain scalar's value under the YAML 1.2 core schema, as `yaml` resolves it. */
function coreValue(s: string): unknown {
  if (/^[^~+\-.0-9nNtTfF]/.test(s)) return s; // most text: no need to try the patterns below
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE)$/.test(s)) return true;
  if (/^(?:[Ff]alse|FALSE)$/.test(s)) return false;
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
    return /nan$/i.test(s) ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/.test(s)) return parseFloat(s);
  return s;
}
