/**
 * Anki field HTML as Factdeck card text (docs/authoring.md, "Formatting card text"): bold, italic,
 * underline, line breaks, lists, links and images are kept in the Markdown subset; every other tag
 * is dropped with its text kept, and script and style go with their content, as in `htmlToText`.
 * Text is escaped so that it shows as written. Like `htmlToText` it works on the text alone (a
 * worker has no DOMParser), and it never produces HTML: the card renderer sanitises what it shows.
 *
 * Images and `[sound:…]` tags become placeholders listed in `media`; `placeMedia` puts the
 * references in once the files are stored, so a field is converted once whatever its files hold.
 */
import { decodeEntities } from './anki-html';
import { htmlTokens } from './html-tokens';

/** An image or sound a field shows, by the name Anki stores it under (or a web address). */
export interface FieldMedia {
  kind: 'image' | 'sound';
  /** The file name in the package's media, or an https address for a remote image. */
  name: string;
  alt: string;
}

export interface CardText {
  /** Card text with `\uE010<n>\uE011` where `media[n]` goes. */
  text: string;
  media: FieldMedia[];
  /** Whether formatting outside the subset (colours, fonts, tables, sub- and superscript) was dropped. */
  droppedFormatting: boolean;
}

const MEDIA_OPEN = '\uE010';
const MEDIA_CLOSE = '\uE011';
const PLACEHOLDER = /\uE010(\d+)\uE011/g;
/** Marks a line break between blocks, so that several in a row make one. */
const BLOCK = '\uE000';
/** Marks a list marker this module wrote, which line-start escaping must leave alone. */
const LIST = '\uE001';
/** Indents a list item's later lines: a space that trimming leaves alone. */
const PAD = '\uE002';

const VOID = new Set(['br', 'img', 'hr', 'wbr', 'input', 'meta', 'link', 'source', 'area', 'col', 'embed', 'track']);
const BLOCKS = new Set([
  'div',
  'p',
  'ul',
  'ol',
  'li',
  'tr',
  'table',
  'thead',
  'tbody',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'hr',
  'section',
  'article',
  'header',
  'footer',
  'dl',
  'dt',
  'dd',
  'center',
  'figure',
  'figcaption'
]);
/** Tags whose only effect is layout Factdeck already gives (or none at all): dropping them loses nothing. */
const HARMLESS = new Set(['div', 'p', 'span', 'br', 'section', 'article', 'header', 'footer', 'center', 'nobr']);
const MARK_TAGS: Record<string, Mark> = { b: 'bold', strong: 'bold', i: 'italic', em: 'italic', u: 'underline' };
type Mark = 'bold' | 'italic' | 'underline';
const MARKERS: Record<Mark, string> = { bold: '**', italic: '*', underline: '++' };
const SAFE_HREF = /^(?:https?|mailto):/i;

interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = Element | string | { media: FieldMedia };

/** Converts one field's HTML. */
export function htmlToCardText(html: string): CardText {
  const media: FieldMedia[] = [];
  const state = { dropped: false };
  const root = parse(html, media, state);
  const raw = render(root.children, { marks: new Set(), media, state, pre: false });
  return { text: finish(raw), media, droppedFormatting: state.dropped };
}

/**
 * The text with each placeholder replaced by what `address` gives for its file: an image or sound
 * in the Markdown subset, or only an image's description when there is no address.
 */
export function placeMedia(text: string, media: FieldMedia[], address: (m: FieldMedia) => string | undefined): string {
  return text.replace(PLACEHOLDER, (_, n: string) => {
    const m = media[Number(n)];
    const to = m && address(m);
    if (!m) return '';
    return to ? `![${escapeLabel(m.alt)}](${to})` : escapeText(m.alt);
  });
}

/** The text a card shows with its media placeholders removed (for checks before media is placed). */
export function withoutMedia(text: string): string {
  return text.replace(PLACEHOLDER, '');
}

function parse(html: string, media: FieldMedia[], state: { dropped: boolean }): Element {
  const root: Element = { tag: '', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const top = () => stack[stack.length - 1];
  let at = 0;
  for (const found of htmlTokens(html)) {
    if (found.start > at) top().children.push(decodeEntities(html.slice(at, found.start)));
    at = found.end;
    if (found.kind === 'sound') {
      const name = decodeEntities(found.name).trim();
      if (name) top().children.push({ media: push(media, { kind: 'sound', name, alt: '' }) });
      continue;
    }
    if (found.kind !== 'tag') continue;
    const token = html.slice(found.start, found.end);
    const closing = token[1] === '/';
    const tag = /^<\/?([a-z][a-z0-9-]*)/i.exec(token)![1].toLowerCase();
    if (closing) {
      const i = stack.findLastIndex((e) => e.tag === tag);
      if (i > 0) stack.length = i;
      continue;
    }
    const attrs = readAttributes(token);
    if (tag === 'img') {
      const image = imageOf(attrs);
      if (image) top().children.push({ media: push(media, image) });
      continue;
    }
    if ((tag === 'audio' || tag === 'video' || tag === 'source') && attrs.src?.trim() && !/^[a-z]+:/i.test(attrs.src)) {
      top().children.push({ media: push(media, { kind: 'sound', name: attrs.src.trim(), alt: '' }) });
      continue;
    }
    if (!(tag in MARK_TAGS) && !HARMLESS.has(tag) && !['ul', 'ol', 'li', 'a', 'br'].includes(tag)) state.dropped = true;
    if (tag === 'span' && /color|background|font-size|font-family/i.test(attrs.style ?? '')) state.dropped = true;
    // A new list item or paragraph closes an open one, as HTML parsers do.
    if ((tag === 'li' || tag === 'p') && top().tag === tag) stack.pop();
    const element: Element = { tag, attrs, children: [] };
    top().children.push(element);
    if (!VOID.has(tag) && !token.endsWith('/>')) stack.push(element);
  }
  if (at < html.length) top().children.push(decodeEntities(html.slice(at)));
  return root;
}

function push(list: FieldMedia[], item: FieldMedia): FieldMedia {
  list.push(item);
  return item;
}

function readAttributes(token: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const body = token.replace(/^<[a-z][a-z0-9-]*/i, '').replace(/\/?>$/, '');
  for (const m of body.matchAll(/([^\s=/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g))
    attrs[m[1].toLowerCase()] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
  return attrs;
}

function imageOf(attrs: Record<string, string>): FieldMedia | undefined {
  const src = (attrs.src ?? '').trim();
  if (!src || /^(?:data|javascript|blob|file):/i.test(src)) return undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) && !/^https:/i.test(src)) return undefined;
  return { kind: 'image', name: src, alt: (attrs.alt ?? '').replace(/\s+/g, ' ').trim() };
}

interface Context {
  marks: Set<Mark>;
  media: FieldMedia[];
  state: { dropped: boolean };
  pre: boolean;
}

function render(nodes: Node[], ctx: Context): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') out += ctx.pre ? escapeText(node) : escapeText(node.replace(/[ \t\r\n\f]+/g, ' '));
    else if ('media' in node) out += `${MEDIA_OPEN}${ctx.media.indexOf(node.media)}${MEDIA_CLOSE}`;
    else out += renderElement(node, ctx);
  }
  return out;
}

function renderElement(el: Element, ctx: Context): string {
  const { tag } = el;
  if (tag === 'br') return '\n';
  if (tag === 'hr') return BLOCK;
  if (tag === 'ul' || tag === 'ol') return renderList(el, ctx);
  const marks = marksOf(el).filter((m) => !ctx.marks.has(m));
  const inner = render(el.children, {
    ...ctx,
    marks: marks.length ? new Set([...ctx.marks, ...marks]) : ctx.marks,
    pre: ctx.pre || tag === 'pre'
  });
  let text = marks.reduceRight((s, m) => wrap(s, MARKERS[m]), inner);
  if (tag === 'a') text = link(text, el.attrs.href ?? '');
  if (tag === 'td' || tag === 'th') return `${text} `;
  return BLOCKS.has(tag) ? `${BLOCK}${text}${BLOCK}` : text;
}

function marksOf(el: Element): Mark[] {
  const marks: Mark[] = [];
  if (MARK_TAGS[el.tag]) marks.push(MARK_TAGS[el.tag]);
  const style = el.attrs.style ?? '';
  if (/font-weight\s*:\s*(?:bold|bolder|[6-9]00)/i.test(style)) marks.push('bold');
  if (/font-style\s*:\s*(?:italic|oblique)/i.test(style)) marks.push('italic');
  if (underlined(style)) marks.push('underline');
  return [...new Set(marks)];
}

/** Whether a style attribute underlines, declaration by declaration (a pattern across them backtracks). */
function underlined(style: string): boolean {
  return style.split(';').some((declaration) => {
    const colon = declaration.indexOf(':');
    const property = declaration.slice(0, colon).trim().toLowerCase();
    return (
      colon >= 0 &&
      (property.endsWith('text-decoration') || property.endsWith('text-decoration-line')) &&
      declaration
        .slice(colon + 1)
        .toLowerCase()
        .includes('underline')
    );
  });
}

/**
 * Emphasis markers around each line of `text`, outside its leading and trailing spaces (`** x**`
 * would not be bold), and never across a media placeholder or a cloze deletion's (`\uE020<n>\uE021`,
 * anki-cloze.ts), so that no marker is left open on either side of one.
 */
function wrap(text: string, marker: string): string {
  return text
    .split(/(\n|\uE000|\uE010\d+\uE011|\uE020\d+\uE021)/)
    .map((part, i) => {
      if (i % 2 === 1 || !part.trim()) return part;
      const start = part.length - part.trimStart().length;
      const end = part.trimEnd().length;
      return `${part.slice(0, start)}${marker}${part.slice(start, end)}${marker}${part.slice(end)}`;
    })
    .join('');
}

function link(text: string, href: string): string {
  const address = href.trim();
  if (!SAFE_HREF.test(address) || !text.trim() || /[\n\uE000]/.test(text)) return text;
  return `[${text}](${address.replace(/[\s()<>]/g, (c) => encodeURIComponent(c))})`;
}

function renderList(el: Element, ctx: Context): string {
  const ordered = el.tag === 'ol';
  const items = el.children.filter((c): c is Element => typeof c === 'object' && 'tag' in c && c.tag === 'li');
  let start = ordered ? Number.parseInt(el.attrs.start ?? '1', 10) : 1;
  if (!Number.isFinite(start) || start < 0 || start > 999_999_999) start = 1;
  const lines = items.map((item, i) => {
    const marker = ordered ? `${start + i}. ` : '- ';
    const body = collapseBlocks(render(item.children, ctx))
      .split('\n')
      .map((line) => line.replace(/^[ \t]+/, ''));
    const pad = PAD.repeat(marker.length);
    return `${LIST}${marker}${body[0]}${body
      .slice(1)
      .map((line) => `\n${line.trim() ? pad + line : ''}`)
      .join('')}`;
  });
  return `${BLOCK}${lines.join('\n')}${BLOCK}`;
}

/**
 * Block marks as single line breaks, with no spaces around them: each run of marks and the white
 * space after it, with the spaces and tabs before it, makes one line break. Line breaks at either
 * end go.
 */
function collapseBlocks(text: string): string {
  const parts = text.split(BLOCK);
  let out = withoutTrailingBlanks(parts[0]);
  let broken = false;
  for (let i = 1; i < parts.length; i++) {
    const rest = parts[i].trimStart();
    broken = true;
    if (!rest) continue;
    out += `\n${i < parts.length - 1 ? withoutTrailingBlanks(rest) : rest}`;
    broken = false;
  }
  if (broken) out += '\n';
  let start = 0;
  let end = out.length;
  while (start < end && out[start] === '\n') start++;
  while (end > start && out[end - 1] === '\n') end--;
  return out.slice(start, end);
}

/** The text without the spaces and tabs at its end. */
function withoutTrailingBlanks(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

function finish(raw: string): string {
  return collapseBlocks(raw)
    .split('\n')
    .map((line) => escapeLineStart(line.trim()).replaceAll(PAD, ' '))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A line that would start a list (`- x`, `+ x`, `1. x`) is escaped, unless this module wrote the list. */
function escapeLineStart(line: string): string {
  const [, pad, rest] = /^(\uE002*)([\s\S]*)$/.exec(line)!;
  if (rest.startsWith(LIST)) return pad + rest.slice(1);
  return pad + rest.replace(/^([-+])(?=\s|$)/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/** Text with the characters the Markdown subset would read as formatting escaped. */
export function escapeText(text: string): string {
  return (
    text
      .replace(/[\\`*[]/g, '\\$&')
      // An underscore between two letters or digits (snake_case) never makes emphasis.
      .replace(/_/g, (_, at: number, all: string) =>
        /[\p{L}\p{N}]/u.test(all[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(all[at + 1] ?? '') ? '_' : '\\_'
      )
      .replace(/<(?=[a-z/!?])/gi, '\\<')
      .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
      .replace(/\+(?=\+)/g, '\\+')
      .replace(/~(?=~~)/g, '\\~')
  );
}

/** The text without Anki's `[sound:name]` tags. */
export function withoutSoundTags(text: string): string {
  let out = '';
  let last = 0;
  for (let at = text.indexOf('[sound:'); at >= 0; at = text.indexOf('[sound:', last)) {
    const close = text.indexOf(']', at + 7);
    // Without a `]` here there is none further on either.
    if (close < 0) break;
    out += text.slice(last, at);
    last = close + 1;
  }
  return out + text.slice(last);
}

function escapeLabel(text: string): string {
  return text.replace(/[\\[\]]/g, '\\$&');
}
