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
