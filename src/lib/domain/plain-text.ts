/**
 * Card text without its Markdown: what a learner reads on screen, as plain characters, for checking
 * typed answers and comparing answers when a quiz is built. Follows the subset that RichText renders
 * (docs/authoring.md, "Formatting card text"); anything outside it is left as written.
 */

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Private-use characters that mark text set aside (code, escapes) while the rest is stripped. */
const HOLD = '\ue000';
const HOLD_END = '\ue001';
const HELD = new RegExp(`${HOLD}(\\d+)${HOLD_END}`, 'g');

/** A link destination: no spaces, balanced parentheses one level deep, then an optional title. */
const DESTINATION = String.raw`(?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*`;
const INLINE_LINK = new RegExp(String.raw`(!?)\[([^\][]*)\]\(\s*${DESTINATION}\)`, 'g');
const REFERENCE_LINK = /(!?)\[([^\][]*)\]\[([^\]]*)\]/g;
const DEFINITION = /^ {0,3}\[([^\]]+)\]:[ \t]*\S+.*(?:\n|$)/gm;
const AUTOLINK = /<((?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*)|(?:[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+))>/gi;
const LIST_MARKER = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+/gm;
const FENCE = /^ {0,3}(`{3,}|~{3,})[^\n]*\n([\s\S]*?)(?:\n {0,3}\1[`~]*[ \t]*(?=\n|$)|(?![\s\S]))/gm;
const CODE_SPAN = /(`+)([\s\S]*?[^`])\1(?!`)/g;
const STAR_EMPHASIS = /(\*{1,3})(?=\S)([\s\S]*?\S)\1/g;
const UNDERLINE = /(^|[^\p{L}\p{N}+])\+\+(?=[^\s+])([\s\S]*?[^\s+])\+\+(?![\p{L}\p{N}+])/gu;
const UNDERSCORE_EMPHASIS = /(^|[^\p{L}\p{N}_])(_{1,3})(?=\S)([\s\S]*?\S)\2(?![\p{L}\p{N}_])/gu;

/** `markdown` as the text a learner sees: no emphasis marks, code ticks or link syntax. Pure. */
export function plainText(markdown: string): string {
  const held: string[] = [];
  const hold = (text: string) => `${HOLD}${held.push(text) - 1}${HOLD_END}`;

  let text = markdown.replace(/\r\n?/g, '\n');
  // Code shows as written, so set it aside before anything else is stripped.
  text = text.replace(FENCE, (_, _fence: string, body: string) => hold(body));
  text = text.replace(CODE_SPAN, (_, _ticks: string, body: string) => hold(normalizeCodeSpan(body)));
  text = text.replace(/\\([!-/:-@[-`{-~])/g, (_, char: string) => hold(char));

  const labels = new Set<string>();
  text = text.replace(DEFINITION, (_, label: string) => {
    labels.add(normalizeLabel(label));
    return '';
  });
  text = text.replace(AUTOLINK, (_, address: string) => hold(address));
  // Images first, so an image inside a link's text becomes its alt text, then the link its text.
  for (let i = 0; i < 2; i++) {
    text = text.replace(INLINE_LINK, (_, _bang: string, label: string) => label);
    text = text.replace(REFERENCE_LINK, (whole, _bang: string, label: string, ref: string) =>
      labels.has(normalizeLabel(ref || label)) ? label : whole
    );
  }
  if (labels.size)
    text = text.replace(/(!?)\[([^\][]*)\](?![([])/g, (whole, _bang: string, label: string) =>
      labels.has(normalizeLabel(label)) ? label : whole
    );

  text = text.replace(LIST_MARKER, '');
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(STAR_EMPHASIS, '$2').replace(UNDERSCORE_EMPHASIS, '$1$3').replace(UNDERLINE, '$1$2');
  }
  text = decodeEntities(text);
  text = text.replace(HELD, (_, i: string) => held[Number(i)]);
  return text
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A code span's content as CommonMark shows it: line breaks as spaces, one padding space dropped. */
function normalizeCodeSpan(body: string): string {
  const flat = body.replace(/\n/g, ' ');
  return /^ .*[^ ].* $/.test(flat) ? flat.slice(1, -1) : flat;
}

function normalizeLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (whole, dec, hex, name) => {
    if (name) return NAMED_ENTITIES[name] ?? whole;
    const code = dec ? Number(dec) : parseInt(hex, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}
