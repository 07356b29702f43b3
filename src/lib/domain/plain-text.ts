/**
 * Card text without its Markdown: what a learner reads on screen, as plain characters, for checking
 * typed answers and comparing answers when a quiz is built. Follows the subset that RichText renders
 * (docs/authoring.md, "Formatting card text"); anything outside it is left as written.
 */

const NAMED_ENTITIES = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0']
]);
/** Private-use characters that mark text set aside (code, escapes) while the rest is stripped. */
const HOLD = '\ue000';
const HOLD_END = '\ue001';
const HELD = new RegExp(`${HOLD}(\\d+)${HOLD_END}`, 'g');

// Every pattern here is linear in the text: `src/regex-safety.test.ts` checks each for backtracking.
/** `[label](`: the rest of an inline link is read by `linkEnd`. */
const LINK_START = /!?\[([^\][]*)\]\(/g;
const REFERENCE_LINK = /(!?)\[([^\][]*)\]\[([^\]]*)\]/g;
const DEFINITION = /^ {0,3}\[([^\]\n\r\u2028\u2029]+)\]:[ \t]*\S.*(?:\n|$)/gm;
const AUTOLINK = /<((?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*)|(?:[^\s@<>]+@[^\s@<>.]+(?:\.[^\s@<>.]+)+))>/gi;
const LIST_MARKER = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+/gm;
/** A line opening a fenced code block (a backtick fence's info string holds no backtick). */
const FENCE_OPEN = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;
const FENCE_CLOSE_REST = /^[`~]*[ \t]*$/;
/**
 * `++underlined++` (Anki's underline, kept by its import), never opened inside a word, so C++ stays
 * as written. The card renderer reads it with the same rule (`stripUnderline` is its linear twin).
 */
export const UNDERLINE_OPEN = /(?<![\p{L}\p{N}+\\])\+\+(?=[^\s+])/u;
export const UNDERLINE_SPAN = /^\+\+(?=[^\s+])([\s\S]*?[^\s+\\])\+\+(?![\p{L}\p{N}+])/u;

/**
 * How many Markdown characters (emphasis, code, link and escape marks, `<`, `&`, `~`, list markers) a card text
 * may hold and still be read as Markdown. A card with more is shown, and compared, as written: real
 * formatting needs a few dozen, while thousands of them are what make a renderer slow (issue 21: the
 * Markdown renderer took seconds over 10,000 characters of `*a` or `1. `).
 */
export const MARKUP_BUDGET = 500;
const MARKUP_CHARS = new Set('*_`[]()<>&\\~!');

/** Whether `text` has few enough Markdown characters to be read as Markdown (`MARKUP_BUDGET`). */
export function withinMarkupBudget(text: string): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    // List markers too: "1. " after a digit, "- " and "+ " (nested lists made the renderer recurse).
    // And `++`, which may open an underline the renderer searches for its end.
    const marker =
      c === '.' || c === ')'
        ? isDigit(text[i - 1])
        : ((c === '-' || c === '+') && text[i + 1] === ' ') || (c === '+' && text[i + 1] === '+');
    if ((MARKUP_CHARS.has(c) || marker) && ++count > MARKUP_BUDGET) return false;
  }
  return true;
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';

/**
 * `markdown` as the text a learner sees: no emphasis marks, code ticks or link syntax; a text over
 * the markup budget is shown as written, so it is only trimmed. Pure.
 */
export function plainText(markdown: string): string {
  if (!withinMarkupBudget(markdown)) return markdown.replace(/\r\n?/g, '\n').trim();
  const held: string[] = [];
  const hold = (text: string) => `${HOLD}${held.push(text) - 1}${HOLD_END}`;

  let text = markdown.replace(/\r\n?/g, '\n');
  // Code shows as written, so set it aside before anything else is stripped.
  text = holdFences(text, hold);
  text = holdCodeSpans(text, hold);
  text = text.replace(/\\([!-/:-@[-`{-~])/g, (_, char: string) => hold(char));

  const labels = new Set<string>();
  text = text.replace(DEFINITION, (_, label: string) => {
    labels.add(normalizeLabel(label));
    return '';
  });
  text = text.replace(AUTOLINK, (_, address: string) => hold(address));
  // Images first, so an image inside a link's text becomes its alt text, then the link its text.
  for (let i = 0; i < 2; i++) {
    text = stripInlineLinks(text);
    text = text.replace(REFERENCE_LINK, (whole, _bang: string, label: string, ref: string) =>
      labels.has(normalizeLabel(ref || label)) ? label : whole
    );
  }
  if (labels.size)
    text = text.replace(/(!?)\[([^\][]*)\](?![([])/g, (whole, _bang: string, label: string) =>
      labels.has(normalizeLabel(label)) ? label : whole
    );

  text = text.replace(LIST_MARKER, '');
  text = stripEmphasis(text);
  text = stripUnderline(text);
  text = decodeEntities(text);
  text = text.replace(HELD, (_, i: string) => held[Number(i)]);
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Inline links and images, `[label](destination "title")`, as their label. */
function stripInlineLinks(text: string): string {
  if (!text.includes('](')) return text;
  let out = '';
  let from = 0;
  LINK_START.lastIndex = 0;
  for (let start = LINK_START.exec(text); start; start = LINK_START.exec(text)) {
    const end = linkEnd(text, LINK_START.lastIndex);
    if (end === -1) {
      LINK_START.lastIndex = start.index + 1;
      continue;
    }
    out += text.slice(from, start.index) + start[1];
    from = LINK_START.lastIndex = end;
  }
  return out + text.slice(from);
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n';

/** Index of `end` at or after `i`, or -1 when one of `stop` (or the end of the text) comes first. */
function find(text: string, i: number, end: string, stop: string): number {
  for (; i < text.length; i++) {
    if (text[i] === end) return i;
    if (stop.includes(text[i])) return -1;
  }
  return -1;
}

/**
 * Just past the `)` that ends an inline link whose destination starts at `i`, or -1: optional
 * spaces, a destination without spaces (parentheses balanced one level deep), then optionally spaces
 * and a title in quotes or parentheses, spaces, and `)`. A scan that fails stops at the next
 * parenthesis, space or quote, so the links of a text are found in linear time.
 */
function linkEnd(text: string, i: number): number {
  while (isSpace(text[i])) i++;
  while (i < text.length && !isSpace(text[i]) && text[i] !== ')') {
    if (text[i] === '(') {
      const close = find(text, i + 1, ')', '( \t\n');
      if (close === -1) return -1;
      i = close;
    }
    i++;
  }
  if (isSpace(text[i])) {
    while (isSpace(text[i])) i++;
    const close =
      text[i] === '"' || text[i] === "'"
        ? find(text, i + 1, text[i], '')
        : text[i] === '('
          ? find(text, i + 1, ')', '(')
          : i - 1;
    if (close === -1) return -1;
    i = close + 1;
    while (isSpace(text[i])) i++;
  }
  return text[i] === ')' ? i + 1 : -1;
}

/**
 * Fenced code blocks, each replaced by `hold(body)`, as marked reads them: up to three spaces, three
 * or more backticks or tildes, and a closing line that starts with the same run; an unclosed fence
 * runs to the end. Line by line, so the work is linear in the text.
 */
function holdFences(text: string, hold: (text: string) => string): string {
  if (!text.includes('``' + '`') && !text.includes('~~~')) return text;
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = FENCE_OPEN.exec(lines[i])?.[1];
    if (!fence) {
      out.push(lines[i]);
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !closesFence(lines[end], fence)) end++;
    out.push(hold(lines.slice(i + 1, end).join('\n')));
    i = end;
  }
  return out.join('\n');
}

function closesFence(line: string, fence: string): boolean {
  let indent = 0;
  while (indent < 3 && line[indent] === ' ') indent++;
  return line.startsWith(fence, indent) && FENCE_CLOSE_REST.test(line.slice(indent + fence.length));
}

/**
 * Code spans, each replaced by `hold(content)`, as CommonMark finds them: a run of backticks opens
 * one that the next run of exactly the same length closes; a run with no such partner is text.
 * Runs are paired through a table of the next run of each length, so the work is linear.
 */
function holdCodeSpans(text: string, hold: (text: string) => string): string {
  if (!text.includes('`')) return text;
  const runs: { start: number; end: number }[] = [];
  for (let i = text.indexOf('`'); i !== -1; i = text.indexOf('`', i)) {
    // A backslash-escaped backtick is text: the run starts after it.
    const start = text[i - 1] === '\\' ? i + 1 : i;
    i++;
    while (text[i] === '`') i++;
    if (i > start) runs.push({ start, end: i });
  }
  const partner = new Array<number>(runs.length).fill(-1);
  const nextOfLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    const length = runs[r].end - runs[r].start;
    partner[r] = nextOfLength.get(length) ?? -1;
    nextOfLength.set(length, r);
  }
  let out = '';
  let from = 0;
  for (let r = 0; r < runs.length; r++) {
    const close = partner[r];
    if (close === -1) continue;
    out += text.slice(from, runs[r].start) + hold(codeSpanContent(text.slice(runs[r].end, runs[close].start)));
    from = runs[close].end;
    r = close;
  }
  return out + text.slice(from);
}

/** A code span's content as CommonMark shows it: line breaks as spaces, one padding space dropped. */
function codeSpanContent(body: string): string {
  const flat = body.replace(/\n/g, ' ');
  const padded = flat.length > 2 && flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '';
  return padded ? flat.slice(1, -1) : flat;
}

interface Delimiter {
  char: string;
  /** Delimiters of the run not yet paired. */
  count: number;
  length: number;
  canOpen: boolean;
  canClose: boolean;
  prev: Delimiter | null;
  next: Delimiter | null;
}

const WHITESPACE = /\s/u;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * The text without the `*` and `_` marks that CommonMark pairs into emphasis (its delimiter-run
 * algorithm, with the bottom of the opener search kept per kind of closer, so the work is linear);
 * marks that pair with nothing stay as written.
 */
function stripEmphasis(text: string): string {
  if (!text.includes('*') && !text.includes('_')) return text;
  const runs: { start: number; delimiter: Delimiter }[] = [];
  let last: Delimiter | null = null;
  for (let i = 0; i < text.length;) {
    const char = text[i];
    if (char !== '*' && char !== '_') {
      i++;
      continue;
    }
    const start = i;
    while (text[i] === char) i++;
    const before = start === 0 ? ' ' : charBefore(text, start);
    const after = i === text.length ? ' ' : String.fromCodePoint(text.codePointAt(i)!);
    const spaceBefore = WHITESPACE.test(before);
    const spaceAfter = WHITESPACE.test(after);
    const punctBefore = PUNCTUATION.test(before);
    const punctAfter = PUNCTUATION.test(after);
    const left = !spaceAfter && (!punctAfter || spaceBefore || punctBefore);
    const right = !spaceBefore && (!punctBefore || spaceAfter || punctAfter);
    const delimiter: Delimiter = {
      char,
      count: i - start,
      length: i - start,
      canOpen: char === '*' ? left : left && (!right || punctBefore),
      canClose: char === '*' ? right : right && (!left || punctAfter),
      prev: last,
      next: null
    };
    if (last) last.next = delimiter;
    last = delimiter;
    runs.push({ start, delimiter });
  }

  const remove = (d: Delimiter) => {
    if (d.prev) d.prev.next = d.next;
    if (d.next) d.next.prev = d.prev;
  };
  const openersBottom = new Map<string, Delimiter | null>();
  let closer: Delimiter | null = runs[0]?.delimiter ?? null;
  while (closer) {
    if (!closer.canClose) {
      closer = closer.next;
      continue;
    }
    const key = `${closer.char}${closer.canOpen ? 1 : 0}${closer.length % 3}`;
    const bottom = openersBottom.get(key) ?? null;
    let opener = closer.prev;
    while (opener && opener !== bottom) {
      const oddMatch =
        (opener.canClose || closer.canOpen) &&
        (opener.length + closer.length) % 3 === 0 &&
        (opener.length % 3 !== 0 || closer.length % 3 !== 0);
      if (opener.char === closer.char && opener.canOpen && opener.count > 0 && !oddMatch) break;
      opener = opener.prev;
    }
    if (opener && opener !== bottom) {
      const used = opener.count >= 2 && closer.count >= 2 ? 2 : 1;
      opener.count -= used;
      closer.count -= used;
      for (let between = opener.next; between && between !== closer; between = between.next) remove(between);
      opener.next = closer;
      closer.prev = opener;
      if (opener.count === 0) remove(opener);
      if (closer.count === 0) {
        const next: Delimiter | null = closer.next;
        remove(closer);
        closer = next;
      }
    } else {
      openersBottom.set(key, closer.prev);
      const next: Delimiter | null = closer.next;
      if (!closer.canOpen) remove(closer);
      closer = next;
    }
  }

  let out = '';
  let from = 0;
  for (const { start, delimiter } of runs) {
    out += text.slice(from, start) + delimiter.char.repeat(delimiter.count);
    from = start + delimiter.length;
  }
  return out + text.slice(from);
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * The text without the `++` marks of underlines (`UNDERLINE_SPAN`'s rule): an opener not inside a
 * word, followed by a non-space, pairs with the next closer after it; the closers are found in one
 * pass, so the work is linear. Marks that pair with nothing stay as written.
 */
function stripUnderline(text: string): string {
  if (!text.includes('++')) return text;
  const opens: number[] = [];
  const closes: number[] = [];
  for (let i = text.indexOf('++'); i !== -1; i = text.indexOf('++', i + 1)) {
    const before = i === 0 ? '' : charBefore(text, i);
    const after = text[i + 2];
    if (!WORD.test(before) && before !== '+' && before !== '\\' && after && !/[\s+]/.test(after)) opens.push(i);
    const last = text[i - 1];
    const next = i + 2 < text.length ? String.fromCodePoint(text.codePointAt(i + 2)!) : '';
    if (last && !/[\s+\\]/.test(last) && !WORD.test(next) && next !== '+') closes.push(i);
  }
  let out = '';
  let from = 0;
  let c = 0;
  for (const open of opens) {
    if (open < from) continue;
    while (c < closes.length && closes[c] < open + 3) c++;
    if (c === closes.length) break;
    const close = closes[c++];
    out += text.slice(from, open) + text.slice(open + 2, close);
    from = close + 2;
  }
  return out + text.slice(from);
}

/** The character (a whole code point) just before `index`. */
function charBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text[index - 1];
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (whole, dec, hex, name) => {
    if (name) return NAMED_ENTITIES.get(name) ?? whole;
    const code = dec ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}
