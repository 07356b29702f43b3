/**
 * An article's numbered paragraphs, as the deck format numbers them: blocks of text separated by a
 * blank line, counted from 1. Markdown is reduced to its words (headings, rules, code and comments
 * are not paragraphs); a "[P3]" marker at the start of a block, as Factdeck's source files number
 * paragraphs, is dropped.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { parse as parseYaml } from 'yaml';
import type { SourceFields } from './draft-types';
import { blocks, clean, plainParagraphs } from './paragraphs';

export type ArticleFormat = 'text' | 'markdown';

export interface ArticleText {
  paragraphs: string[];
  /** What the file says about itself (Markdown front matter, or its first heading as the title). */
  meta: Partial<SourceFields>;
}

export function articleText(text: string, format: ArticleFormat): ArticleText {
  const normal = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (format === 'text') return { paragraphs: plainParagraphs(normal), meta: {} };
  const { body, meta } = frontMatter(normal);
  const paragraphs: string[] = [];
  for (const block of blocks(body)) {
    const tokens = new Lexer({ gfm: true }).lex(block);
    const words: string[] = [];
    for (const token of tokens) {
      if (token.type === 'heading') {
        if (!meta.title && paragraphs.length === 0 && words.length === 0)
          meta.title = clean(inline(token.tokens ?? []));
        continue;
      }
      const said = blockText(token);
      if (said) words.push(said);
    }
    const paragraph = clean(words.join(' '));
    if (paragraph) paragraphs.push(paragraph);
  }
  return { paragraphs, meta };
}

function blockText(token: Token): string {
  switch (token.type) {
    case 'paragraph':
    case 'text':
      return 'tokens' in token && token.tokens ? inline(token.tokens) : (token as Tokens.Text).text;
    case 'blockquote':
      return (token as Tokens.Blockquote).tokens.map(blockText).join(' ');
    case 'list':
      return (token as Tokens.List).items
        .map((item) => item.tokens.map(blockText).join(' ').trim())
        .filter(Boolean)
        .map((item) => (/[.!?:;]$/.test(item) ? item : `${item}.`))
        .join(' ');
    default:
      // Headings, rules, code, tables and raw HTML are not prose.
      return '';
  }
}

function inline(tokens: Token[]): string {
  return tokens
    .map((t) => {
      switch (t.type) {
        case 'text':
        case 'escape':
        case 'codespan':
          return 'tokens' in t && t.tokens ? inline(t.tokens) : (t as Tokens.Text).text;
        case 'strong':
        case 'em':
        case 'del':
        case 'link':
          return inline((t as Tokens.Strong).tokens);
        case 'image':
          return (t as Tokens.Image).text;
        case 'br':
          return ' ';
        default:
          return '';
      }
    })
    .join('');
}

const FIELDS: Record<string, keyof SourceFields> = {
  title: 'title',
  author: 'author',
  publisher: 'publisher',
  date: 'date',
  url: 'url',
  link: 'url',
  source: 'url'
};

/** YAML front matter between "---" lines at the very start: the source's fields where it has them. */
function frontMatter(text: string): { body: string; meta: Partial<SourceFields> } {
  const match = /^---\n([\s\S]*?)\n---[ \t]*(?:\n|$)/.exec(text);
  if (!match) return { body: text, meta: {} };
  const meta: Partial<SourceFields> = {};
  try {
    const data: unknown = parseYaml(match[1]);
    if (data && typeof data === 'object')
      for (const [key, value] of Object.entries(data)) {
        const field = FIELDS[key.toLowerCase()];
        if (!field || meta[field]) continue;
        if (typeof value === 'string' && value.trim()) meta[field] = value.trim();
        else if (value instanceof Date && field === 'date') meta.date = value.toISOString().slice(0, 10);
      }
  } catch {
    // Front matter that is not YAML is left out like any other; the fields stay for the teacher to fill.
  }
  return { body: text.slice(match[0].length), meta };
}
