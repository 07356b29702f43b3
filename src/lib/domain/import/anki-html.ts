/**
 * Anki fields hold HTML. This turns it into plain text without producing any markup: line breaks
 * become "\n", entities are decoded, every other tag is dropped (script and style with their content).
 * Runs in a worker, where DOMParser does not exist, so it works on the text alone.
 */

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  deg: '°',
  times: '×',
  divide: '÷',
  plusmn: '±',
  minus: '−',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  sup2: '²',
  sup3: '³',
  micro: 'µ',
  copy: '©',
  reg: '®',
  trade: '™',
  sect: '§',
  para: '¶',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  iexcl: '¡',
  iquest: '¿',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  szlig: 'ß',
  aelig: 'æ',
  AElig: 'Æ',
  oelig: 'œ',
  OElig: 'Œ',
  oslash: 'ø',
  Oslash: 'Ø',
  eth: 'ð',
  ETH: 'Ð',
  thorn: 'þ',
  THORN: 'Þ'
};

/** Letters with a mark, like "eacute" and "Ocirc", built from the letter and a combining mark. */
const MARKS: Record<string, string> = {
  grave: '\u0300',
  acute: '\u0301',
  circ: '\u0302',
  tilde: '\u0303',
  uml: '\u0308',
  ring: '\u030a',
  cedil: '\u0327',
  caron: '\u030c'
};

const GREEK =
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega';
GREEK.split(' ').forEach((name, i) => {
  ENTITIES[name] = String.fromCharCode(0x3b1 + i);
  if (name !== 'sigmaf') ENTITIES[name[0].toUpperCase() + name.slice(1)] = String.fromCharCode(0x391 + i);
});

// A tag: "<", a letter or "/", then anything up to ">" outside quoted attribute values.
const TAG = /<\/?[a-z][^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>/gi;
const BLOCK = /<\/?(?:div|p|li|ul|ol|tr|table|h[1-6]|blockquote|pre)\b[^>]*>/gi;
const BREAK = '\u0000'; // cannot occur in imported text: files holding NUL are refused as binary

/** Plain text of an HTML fragment. */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<br\b[^>]*>/gi, '\n')
    .replace(BLOCK, BREAK)
    .replace(TAG, '')
    // eslint-disable-next-line no-control-regex -- NUL is the BREAK marker, absent from imported text
    .replace(/[ \t]*\u0000[\s\u0000]*/g, '\n');
  return decodeEntities(text).trim();
}

/** `text` with HTML character references (named, decimal, hex) decoded; unknown names stay as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,8});/g, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? accented(name) ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    const valid = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff);
    return valid ? String.fromCodePoint(code) : '\uFFFD';
  });
}

function accented(name: string): string | undefined {
  const match = /^([a-zA-Z])([a-z]+)$/.exec(name);
  const mark = match && MARKS[match[2]];
  const letter = mark && (match[1] + mark).normalize('NFC');
  return letter && letter.length === 1 ? letter : undefined;
}
