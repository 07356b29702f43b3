/**
 * Card text in a small Markdown subset (docs/authoring.md, "Formatting card text"), turned into HTML
 * that is safe to insert: marked renders it, DOMPurify keeps only what the subset produces. Both are
 * loaded on first use, so plain-text decks never download them.
 */
import type { Config, DOMPurify } from 'dompurify';
import type { MarkedExtension, Tokens } from 'marked';
import { parseMediaAddress } from '$lib/domain/media';
import { UNDERLINE_OPEN, UNDERLINE_SPAN, withinMarkupBudget } from '$lib/domain/plain-text';
import * as t from '$lib/text';

/**
 * Characters that can make Markdown differ from the text as written: emphasis, code, links, images,
 * escapes, entities, autolinks, `~~~` fences and list markers at the start of a line. Anything else
 * renders exactly as plain text, so it is shown without loading the renderer.
 */
const MARKUP = /[*_`[<&\\]|~~~|\+\+|^[ \t]*(?:[-+]|\d{1,9}[.)])(?:[ \t]|$)/m;

/**
 * Whether `text` is to be rendered as Markdown: it may need it, and has few enough Markdown
 * characters (`MARKUP_BUDGET`; a text over it is shown as written, as `plainText` reads it).
 */
export function hasMarkup(text: string): boolean {
  return MARKUP.test(text) && withinMarkupBudget(text);
}

const BLOCK_TAGS = ['p', 'br', 'em', 'strong', 'u', 'code', 'pre', 'ul', 'ol', 'li', 'a', 'img', 'audio'];
/** Inline text sits inside buttons and sentences: no blocks, and no links (a link keeps its text). */
const INLINE_TAGS = ['br', 'em', 'strong', 'u', 'code', 'img', 'audio'];
/**
 * `data-media` names a file stored on the device (`media:<hash>.<ext>`, src/lib/domain/media.ts);
 * RichText gives it an address once it is known, so no `media:` address ever reaches the DOM.
 */
const ATTRS = ['href', 'src', 'alt', 'title', 'start', 'data-media', 'controls', 'preload', 'aria-label'];
const SAFE_HREF = /^(?:https?|mailto):/i;
/** Remote images over https, or raster images written inline; never SVG or HTML data. */
const SAFE_SRC = /^(?:https:|data:image\/(?:png|jpeg|gif|webp)[;,])/i;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** `++underlined++`, as Anki's underline is kept on import; the same rule as plainText's. */
const underline = {
  name: 'underline',
  level: 'inline' as const,
  start: (src: string) => UNDERLINE_OPEN.exec(src)?.index,
  tokenizer(this: { lexer: { inlineTokens(src: string): Tokens.Generic[] } }, src: string) {
    const match = UNDERLINE_SPAN.exec(src);
    return match ? { type: 'underline', raw: match[0], tokens: this.lexer.inlineTokens(match[1]) } : undefined;
  },
  renderer(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Generic) {
    return `<u>${this.parser.parseInline(token.tokens ?? [])}</u>`;
  }
};

/** An image or a sound stored on the device, for RichText to give its address. */
function mediaElement(href: string, text: string): string | undefined {
  const media = parseMediaAddress(href);
  if (!media) return undefined;
  const name = `${media.hash}.${media.ext}`;
  return media.kind === 'audio'
    ? `<audio controls preload="metadata" data-media="${name}" aria-label="${escapeHtml(text || t.media.sound)}"></audio>`
    : `<img data-media="${name}" alt="${escapeHtml(text)}">`;
}

/** Not part of the subset: the tokenizer skips them, so their characters show as written. */
const notInSubset = () => undefined;
const SUBSET: MarkedExtension = {
  gfm: true,
  // A line break in a card is a line break on screen, as in plain text.
  breaks: true,
  async: false,
  extensions: [underline],
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
      return mediaElement(href, text) ?? (SAFE_SRC.test(href) ? false : escapeHtml(text));
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
  // DOMPurify drops data- and aria- attributes in this config; these few are kept, checked here.
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    const keep =
      (data.attrName === 'data-media' && /^[0-9a-f]{64}\.[a-z0-9]{1,5}$/.test(data.attrValue)) ||
      (node.tagName === 'AUDIO' && (data.attrName === 'aria-label' || data.attrName === 'preload'));
    if (keep) data.forceKeepAttr = true;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href');
      if (href !== null && !SAFE_HREF.test(href)) node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else if (node.tagName === 'IMG') {
      const src = node.getAttribute('src');
      if (src !== null && !SAFE_SRC.test(src)) node.removeAttribute('src');
      // Another site's image is fetched only once the learner allows its host (remote-images.svelte.ts).
      else if (src !== null && /^https:/i.test(src)) {
        node.removeAttribute('src');
        node.setAttribute('data-remote', src);
      }
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
