/**
 * A web page reduced to its article's text, paragraphs separated by blank lines, and what the page
 * says about its source (title, author, site, date, address). It takes a document the browser's
 * DOMParser has parsed: markup is read as a tree, never with patterns, and a parsed document is
 * inert (its scripts never run, its images never load). Headings are left out, as in Markdown.
 */
import type { SourceFields } from './draft-types';

const DROP = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'video',
  'audio',
  'nav',
  'aside',
  'footer',
  'header',
  'form',
  'button',
  'select',
  'textarea',
  'figure',
  'figcaption',
  '[hidden]',
  '[aria-hidden="true"]'
].join(',');
const HEADINGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);
/** Elements that hold a paragraph's words when nothing block-like is inside them. */
const PARAGRAPHS = new Set(['P', 'LI', 'DD', 'DT', 'TD', 'TH', 'PRE', 'BLOCKQUOTE', 'CAPTION']);
/** Elements whose words run on with the words around them. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'I',
  'INS',
  'KBD',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'BR',
  'FONT'
]);

export function htmlArticle(doc: Document): { text: string; meta: Partial<SourceFields> } {
  const meta = pageMeta(doc);
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  if (!root) return { text: '', meta };
  root.querySelectorAll(DROP).forEach((el) => el.remove());
  const blocks: string[] = [];
  collect(root, blocks);
  return { text: blocks.join('\n\n'), meta };
}

function collect(el: Element, blocks: string[]): void {
  let run = '';
  const flush = () => {
    const words = clean(run);
    if (words) blocks.push(words);
    run = '';
  };
  for (const node of Array.from(el.childNodes)) {
    if (node.nodeType === 3) {
      run += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    if (INLINE.has(child.tagName) && !hasBlock(child)) {
      run += child.tagName === 'BR' ? ' ' : (child.textContent ?? '');
      continue;
    }
    flush();
    if (HEADINGS.has(child.tagName)) continue;
    if (PARAGRAPHS.has(child.tagName) && !hasBlock(child)) {
      const words = clean(child.textContent ?? '');
      if (words) blocks.push(words);
    } else collect(child, blocks);
  }
  flush();
}

function hasBlock(el: Element): boolean {
  return Array.from(el.children).some((c) => !INLINE.has(c.tagName));
}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function pageMeta(doc: Document): Partial<SourceFields> {
  const content = (selector: string) => clean(doc.querySelector(selector)?.getAttribute('content') ?? '');
  const meta: Partial<SourceFields> = {};
  const title =
    content('meta[property="og:title"]') ||
    content('meta[name="twitter:title"]') ||
    clean(doc.querySelector('h1')?.textContent ?? '') ||
    clean(doc.title);
  if (title) meta.title = title;
  const author = [
    content('meta[name="author"]'),
    content('meta[property="article:author"]'),
    clean(doc.querySelector('[rel="author"], [itemprop="author"]')?.textContent ?? '')
  ].find((a) => a && !/^https?:/i.test(a));
  if (author) meta.author = author;
  const publisher = content('meta[property="og:site_name"]') || content('meta[name="publisher"]');
  if (publisher) meta.publisher = publisher;
  const date = [
    content('meta[property="article:published_time"]'),
    content('meta[name="date"]'),
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ?? ''
  ].find((d) => /^\d{4}-\d{2}-\d{2}/.test(d));
  if (date) meta.date = date.slice(0, 10);
  const url = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') || content('meta[property="og:url"]');
  if (url && /^https?:\/\//i.test(url)) meta.url = url;
  return meta;
}
