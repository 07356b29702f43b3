/**
 * Card text in a small Markdown subset (docs/authoring.md, "Formatting card text"), turned into HTML
 * that is safe to insert: marked renders it, DOMPurify keeps only what the subset produces. Both are
 * loaded on first use, so plain-text decks never download them.
 */
import type { Config, DOMPurify } from 'dompurify';
import type { MarkedExtension } from 'marked';
import { withinMarkupBudget } from '$lib/domain/plain-text';

/**
 * Characters that can make Markdown differ from the text as written: emphasis, code, links, images,
 * escapes, entities, autolinks, `~~~` fences and list markers at the start of a line. Anything else
 * renders exactly as plain text, so it is shown without loading the renderer.
 */
const MARKUP = /[*_`[<&\\]|~~~|^[ \t]*(?:[-+]|\d{1,9}[.)])(?:[ \t]|$)/m;

/**
 * Whether `text` is to be rendered as Markdown: it may need it, and has few enough Markdown
 * characters (`MARKUP_BUDGET`; a text over it is shown as written, as `plainText` reads it).
 */
export function hasMarkup(text: string): boolean {
  return MARKUP.test(text) && withinMarkupBudget(text);
}

const BLOCK_TAGS = ['p', 'br', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'img'];
/** Inline text sits inside buttons and sentences: no blocks, and no links (a link keeps its text). */
const INLINE_TAGS = ['br', 'em', 'strong', 'code', 'img'];
const ATTRS = ['href', 'src', 'alt', 'title', 'start'];
const SAFE_HREF = /^(?:https?|mailto):/i;
/** Remote images over https, or raster images written inline; never SVG or HTML data. */
const SAFE_SRC = /^(?:https:|data:image\/(?:png|jpeg|gif|webp)[;,])/i;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Not part of the subset: the tokenizer skips them, so their characters show as written. */
const notInSubset = () => undefined;
const SUBSET: MarkedExtension = {
  gfm: true,
  // A line break in a card is a line break on screen, as in plain text.
  breaks: true,
  async: false,
  tokenizer: {
    // Raw HTML is text: `<b>x</b>` shows those characters.
    html: notInSubset,
    tag: notInSubset,
    heading: notInSubset,
    lheading: notInSubset,
    hr: notInSubset,
    blockquote: notInSubset,
    table: notInSubset,
    // `~` is common in facts ("~50 people"); strikethrough is not worth misreading it.
    del: notInSubset,
    // Bare addresses stay text; links are written [text](https://…) or <https://…>.
    url: notInSubset,
    // Indented lines are not code (accidental indentation is common); code blocks are fenced.
    code: notInSubset
  },
  renderer: {
    // Unreachable with the tokenizers above; escaping anyway keeps raw HTML out if they change.
    html: ({ text }) => escapeHtml(text),
    // An address we would drop anyway shows as plain text rather than as a dead link or a broken
    // image. DOMPurify's hook below still checks every address that gets through.
    link({ href, tokens }) {
      return SAFE_HREF.test(href) ? false : this.parser.parseInline(tokens);
    },
    image({ href, text }) {
      return SAFE_SRC.test(href) ? false : escapeHtml(text);
    }
  }
};

type Render = (text: string, inline: boolean) => string;
let loading: Promise<Render> | undefined;

async function load(): Promise<Render> {
  const [{ Marked }, { default: createPurify }] = await Promise.all([import('marked'), import('dompurify')]);
  const marked = new Marked(SUBSET);
  // An instance of our own, so these hooks affect no other use of DOMPurify.
  const purify: DOMPurify = createPurify(window);
  if (!purify.isSupported) throw new Error('this browser cannot sanitize HTML');
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      if (href !== null && !SAFE_HREF.test(href)) node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (node.tagName === 'IMG') {
      const src = node.getAttribute('src');
      if (src !== null && !SAFE_SRC.test(src)) node.removeAttribute('src');
      node.setAttribute('referrerpolicy', 'no-referrer');
      node.setAttribute('loading', 'lazy');
    }
  });
  const config = (tags: string[]): Config => ({
    ALLOWED_TAGS: tags,
    ALLOWED_ATTR: ATTRS,
    ALLOWED_URI_REGEXP: /^(?:https?|mailto):/i,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false
  });
  const block = config(BLOCK_TAGS);
  const inline = config(INLINE_TAGS);
  return (text, asInline) =>
    asInline
      ? purify.sanitize(marked.parseInline(text, { async: false }), inline)
      : purify.sanitize(marked.parse(text, { async: false }), block);
}

/**
 * Sanitized HTML for card text in the Markdown subset. `inline` gives phrasing content only, for
 * buttons and sentences. Browser only (DOMPurify needs the DOM); rejects if the renderer cannot load.
 */
export async function renderMarkdown(text: string, options: { inline?: boolean } = {}): Promise<string> {
  loading ??= load().catch((e: unknown) => {
    loading = undefined; // let a later call try again
    throw e;
  });
  const render = await loading;
  // Each text in a task of its own: a page with many formatted cards (a list, a quiz's options)
  // otherwise renders them all in one go, and the page does not respond until the last is done.
  await new Promise((resolve) => setTimeout(resolve));
  return render(text, options.inline ?? false);
}
