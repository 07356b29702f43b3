/**
 * The one module that reads English with compromise: sentences and their words, each with its
 * part of speech and its place in the paragraph. Everything else in the drafting engine works on
 * these plain records, so the library stays behind this door (and in the drafting worker's chunk).
 */
import nlp from 'compromise/two';

export interface Token {
  /** The word as written, without the punctuation around it. */
  text: string;
  lower: string;
  /** Punctuation and spaces before and after the word ("\"", ", "). */
  pre: string;
  post: string;
  /** Offsets of the word in its paragraph. */
  start: number;
  end: number;
  tags: ReadonlySet<string>;
}

export interface Sentence {
  text: string;
  /** Offsets in the paragraph. */
  start: number;
  end: number;
  tokens: Token[];
}

interface JsonTerm {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

interface JsonSentence {
  offset: { start: number; length: number };
  terms: JsonTerm[];
}

/** The paragraph's sentences, with a quotation that runs over several sentences kept as one. */
export function readSentences(paragraph: string): Sentence[] {
  const json = nlp(paragraph).json({ offset: true, terms: { offset: true } }) as JsonSentence[];
  const sentences: Sentence[] = [];
  for (const s of json) {
    const tokens = s.terms
      .filter((t) => t.text.length > 0)
      .map((t) => ({
        text: t.text,
        lower: t.text.toLowerCase(),
        pre: t.pre,
        post: t.post,
        start: t.offset.start,
        end: t.offset.start + t.offset.length,
        tags: new Set(t.tags)
      }));
    if (tokens.length === 0) continue;
    const start = Math.min(s.offset.start, tokens[0].start - tokens[0].pre.length);
    const last = tokens[tokens.length - 1];
    const end = Math.max(s.offset.start + s.offset.length, last.end + last.post.trimEnd().length);
    sentences.push({ text: paragraph.slice(start, end).trim(), start, end, tokens });
  }
  return joinOpenQuotes(paragraph, sentences);
}

/** Joins a sentence that opens a quotation it does not close with the sentences up to the close. */
function joinOpenQuotes(paragraph: string, sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  let open: Sentence | null = null;
  for (const s of sentences) {
    const current: Sentence = open
      ? {
          text: paragraph.slice(open.start, s.end).trim(),
          start: open.start,
          end: s.end,
          tokens: [...open.tokens, ...s.tokens]
        }
      : s;
    if (quotesOpen(current.text)) open = current;
    else {
      out.push(current);
      open = null;
    }
  }
  if (open) out.push(open);
  return out;
}

function quotesOpen(text: string): boolean {
  const curlyOpen = (text.match(/“/g) ?? []).length;
  const curlyClose = (text.match(/”/g) ?? []).length;
  if (curlyOpen > curlyClose) return true;
  return (text.match(/"/g) ?? []).length % 2 === 1;
}
