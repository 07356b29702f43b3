/**
 * Anki fields hold HTML. This turns it into plain text without producing any markup: line breaks
 * become "\n", entities are decoded, every other tag is dropped (script and style with their content).
 * Runs in a worker, where DOMParser does not exist, so it works on the text alone.
 */

const ENTITIES = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
  ['ensp', ' '],
  ['emsp', ' '],
  ['thinsp', ' '],
  ['shy', ''],
  ['ndash', '–'],
  ['mdash', '—'],
  ['hellip', '…'],
  ['lsquo', '‘'],
  ['rsquo', '’'],
  ['sbquo', '‚'],
  ['ldquo', '“'],
  ['rdquo', '”'],
  ['bdquo', '„'],
  ['laquo', '«'],
  ['raquo', '»'],
  ['middot', '·'],
  ['bull', '•'],
  ['deg', '°'],
  ['times', '×'],
  ['divide', '÷'],
  ['plusmn', '±'],
  ['minus', '−'],
  ['frac12', '½'],
  ['frac14', '¼'],
  ['frac34', '¾'],
  ['sup2', '²'],
  ['sup3', '³'],
  ['micro', 'µ'],
  ['copy', '©'],
  ['reg', '®'],
  ['trade', '™'],
  ['sect', '§'],
  ['para', '¶'],
  ['euro', '€'],
  ['pound', '£'],
  ['yen', '¥'],
  ['cent', '¢'],
  ['iexcl', '¡'],
  ['iquest', '¿'],
  ['larr', '←'],
  ['rarr', '→'],
  ['uarr', '↑'],
  ['darr', '↓'],
  ['harr', '↔'],
  ['szlig', 'ß'],
  ['aelig', 'æ'],
  ['AElig', 'Æ'],
  ['oelig', 'œ'],
  ['OElig', 'Œ'],
  ['oslash', 'ø'],
  ['Oslash', 'Ø'],
  ['eth', 'ð'],
  ['ETH', 'Ð'],
  ['thorn', 'þ'],
  ['THORN', 'Þ']
]);

/** Letters with a mark, like "eacute" and "Ocirc", built from the letter and a combining mark. */
const MARKS = new Map<string, string>([
  ['grave', '\u0300'],
  ['acute', '\u0301'],
  ['circ', '\u0302'],
  ['tilde', '\u0303'],
  ['uml', '\u0308'],
  ['ring', '\u030a'],
  ['cedil', '\u0327'],
  ['caron', '\u030c']
]);

const GREEK =
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega';
GREEK.split(' ').forEach((name, i) => {
  ENTITIES.set(name, String.fromCharCode(0x3b1 + i));
  if (name !== 'sigmaf') ENTITIES.set(name[0].toUpperCase() + name.slice(1), String.fromCharCode(0x391 + i));
});

// A tag: "<", a letter or "/", then anything up to ">" outside quoted attribute values. No "<" outside
// quotes, so a search that fails stops at the next "<" (src/regex-safety.test.ts checks every pattern).
const TAG = /<\/?[a-z][^<>"']*(?:(?:"[^"]*"|'[^']*')[^<>"']*)*>/gi;
const BLOCK = /<\/?(?:div|p|li|ul|ol|tr|table|h[1-6]|blockquote|pre)\b[^<>]*>/gi;
const LINE_BREAK = /<br\b[^<>]*>/gi;
const RAW_TEXT_OPEN = /<(script|style)\b[^<>]*>/gi;
const SCRIPT_CLOSE = /<\/script\s*>/gi;
const STYLE_CLOSE = /<\/style\s*>/gi;
const BREAK = '\u0000'; // cannot occur in imported text: files holding NUL are refused as binary

/** Plain text of an HTML fragment. */
export function htmlToText(html: string): string {
  const text = joinBreaks(
    dropRawText(dropComments(html)).replace(LINE_BREAK, '\n').replace(BLOCK, BREAK).replace(TAG, '')
  );
  return decodeEntities(text).trim();
}

/** Without `<!-- … -->`; an unclosed comment is left as text. */
function dropComments(html: string): string {
  let out = '';
  let from = 0;
  for (let open = html.indexOf('<!--'); open !== -1; open = html.indexOf('<!--', from)) {
    const close = html.indexOf('-->', open + 4);
    if (close === -1) break;
    out += html.slice(from, open);
    from = close + 3;
  }
  return out + html.slice(from);
}

/** Without script and style elements and their content; one with no closing tag keeps its content. */
function dropRawText(html: string): string {
  let out = '';
  let from = 0;
  const unclosed = new Set<string>();
  RAW_TEXT_OPEN.lastIndex = 0;
  for (let open = RAW_TEXT_OPEN.exec(html); open; open = RAW_TEXT_OPEN.exec(html)) {
    const name = open[1].toLowerCase();
    if (unclosed.has(name)) continue;
    const close = name === 'script' ? SCRIPT_CLOSE : STYLE_CLOSE;
    close.lastIndex = RAW_TEXT_OPEN.lastIndex;
    if (!close.exec(html)) {
      unclosed.add(name);
      continue;
    }
    out += html.slice(from, open.index);
    from = RAW_TEXT_OPEN.lastIndex = close.lastIndex;
  }
  return out + html.slice(from);
}

/** Each run of block breaks (with the spaces around it) as one line break. */
function joinBreaks(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const at = text.indexOf(BREAK, i);
    if (at === -1) return out + text.slice(i);
    let end = at;
    while (end > i && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
    out += text.slice(i, end) + '\n';
    i = at + 1;
    while (i < text.length && (text[i] === BREAK || /\s/.test(text[i]))) i++;
  }
  return out;
}

/** `text` with HTML character references (named, decimal, hex) decoded; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,8});/g, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES.get(name) ?? ENTITIES.get(name.toLowerCase()) ?? accented(name) ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\uFFFD';
  });
}

function accented(name: string): string | undefined {
  const match = /^([a-zA-Z])([a-z]+)$/.exec(name);
  const mark = match && MARKS.get(match[2]);
  const letter = mark && (match[1] + mark).normalize('NFC');
  return letter && letter.length === 1 ? letter : undefined;
}

// ---- HTML to the card text format, keeping its formatting ------------------------------------------

type Node = { tag: string; attrs: string; children: Node[] } | string;

const VOID = new Set(['br', 'img', 'hr', 'wbr', 'input', 'source', 'track', 'embed']);
const BLOCKS = new Set(['div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'tr', 'table', 'section']);
const MEDIA = new Set(['img', 'audio', 'video', 'object', 'embed', 'svg', 'iframe']);
/** Characters that mean something in the card text format, escaped where Anki's text has them. */
const SPECIAL = /[\\*_`[\]]|\+\+/g;

/** What a field held that the card text cannot: pictures and sounds, which stay in Anki's media folder. */
export interface ConvertedField {
  text: string;
  media: boolean;
}

/**
 * An Anki field's HTML as Factdeck card text (docs/authoring.md, "Formatting card text"): bold,
 * italics, underline, lists, links and line breaks kept as `**bold**`, `*italic*`, `++underline++`,
 * `- item`, `[text](https://…)` and new lines; every other tag dropped, keeping its text; pictures
 * and sounds left out (`media`). The result is text, never HTML: the app's sanitiser renders it.
 */
export function htmlToCardText(html: string): ConvertedField {
  let media = /\[sound:[^\]]*\]/.test(html);
  const source = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/\[sound:[^\]]*\]/g, '');
  const root: Node = { tag: '', attrs: '', children: [] };
  const stack = [root];
  let last = 0;
  for (const m of source.matchAll(/<(\/?)([a-z][a-z0-9]*)\b([^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*)>/gi)) {
    if (m.index > last) stack.at(-1)!.children.push(source.slice(last, m.index));
    last = m.index + m[0].length;
    const tag = m[2].toLowerCase();
    if (MEDIA.has(tag)) media = true;
    if (m[1]) {
      const open = stack.findLastIndex((n) => n.tag === tag);
      if (open > 0) stack.length = open;
    } else {
      const node = { tag, attrs: m[3], children: [] };
      stack.at(-1)!.children.push(node);
      if (!VOID.has(tag) && !m[3].trim().endsWith('/')) stack.push(node);
    }
  }
  if (last < source.length) stack.at(-1)!.children.push(source.slice(last));
  const text = render(root, [])
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  return { text, media };
}

function render(node: Node, lists: { ordered: boolean; n: number }[]): string {
  if (typeof node === 'string')
    return decodeEntities(node.replace(/[ \t\r\n]+/g, ' ')).replace(SPECIAL, (c) => (c === '++' ? '\\+\\+' : `\\${c}`));
  const inner = (nested = lists) => node.children.map((c) => render(c, nested)).join('');
  switch (node.tag) {
    case 'br':
      return '\n';
    case 'b':
    case 'strong':
      return wrap(inner(), '**');
    case 'i':
    case 'em':
      return wrap(inner(), '*');
    case 'u':
    case 'ins':
      return wrap(inner(), '++');
    case 'code':
      return wrap(
        inner()
          .replace(/\\([\\*_`[\]])/g, '$1')
          .replace(/`/g, "'"),
        '`'
      );
    case 'ul':
    case 'ol':
      return `\n${inner([...lists, { ordered: node.tag === 'ol', n: 0 }])}\n`;
    case 'li': {
      const list = lists.at(-1) ?? { ordered: false, n: 0 };
      const marker = list.ordered ? `${++list.n}. ` : '- ';
      const indent = '   '.repeat(Math.max(0, lists.length - 1));
      return `\n${indent}${marker}${inner().trim().replace(/\n/g, `\n${indent}   `)}\n`;
    }
    case 'a': {
      const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(node.attrs);
      const url = decodeEntities(href?.[1] ?? href?.[2] ?? href?.[3] ?? '').trim();
      const text = inner();
      return /^(?:https?:|mailto:)/i.test(url) && text.trim()
        ? `[${text.trim()}](${url.replace(/[()\s]/g, encodeURIComponent)})`
        : text;
    }
    default:
      if (MEDIA.has(node.tag)) return '';
      return BLOCKS.has(node.tag) ? `\n${inner()}\n` : inner();
  }
}

/** `text` between `mark`s, with its outer spaces outside them, so `<b> x </b>` still reads as bold. */
function wrap(text: string, mark: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${mark}${m[2]}${mark}${m[3]}` : text;
}
