/**
 * The markup in an Anki field, found by a scanner that reads each character a bounded number of
 * times: fields come from packages anyone can write, and a regular expression for this backtracks
 * (time cubic in the length of `<style-s<style-s…`). It finds what a browser treats as markup
 * closely enough for card text, no more: a comment runs to `-->`, script, style and title run to
 * their closing tag, a tag runs to its `>` outside quoted values, and Anki's `[sound:name]`. A `<`
 * that starts none of these (a tag never closed, say) is text. Comments and raw text left open run
 * to the end of the field.
 */

export type HtmlToken =
  | { kind: 'comment' | 'raw'; start: number; end: number }
  | { kind: 'tag'; start: number; end: number }
  | { kind: 'sound'; start: number; end: number; name: string };

const RAW_TEXT = ['script', 'style', 'title'];

/** The tokens of `html` in order, each `html.slice(start, end)`; text lies between them. */
export function* htmlTokens(html: string): Generator<HtmlToken> {
  const scan = new Scanner(html);
  let i = 0;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    const token = c === LT ? scan.markup(i) : c === BRACKET ? scan.sound(i) : undefined;
    if (token) {
      yield token;
      i = token.end;
    } else i++;
  }
}

const LT = 0x3c;
const GT = 0x3e;
const BRACKET = 0x5b;
const DOUBLE = 0x22;
const SINGLE = 0x27;

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isWordChar(c: number): boolean {
  return isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** White space as a regular expression's `\s` reads it, which is what `trim` removes. */
function isSpace(ch: string): boolean {
  return ch.trim() === '';
}

/**
 * The searches a token needs, each remembering its last answer: tokens are looked for at rising
 * positions, so a search for a `>` that is not there is made once, not once per `<`.
 */
class Scanner {
  private readonly next: Map<string, { from: number; at: number }> = new Map();
  /** For a quote a tag reached outside quoted values: where that tag ends, or -1 if it never does. */
  private readonly afterQuote = new Map<number, number>();
  private tagScan: { from: number; at: number } | undefined;

  constructor(private readonly html: string) {}

  markup(i: number): HtmlToken | undefined {
    const { html } = this;
    if (html.startsWith('<!--', i)) {
      const close = html.indexOf('-->', i + 4);
      return { kind: 'comment', start: i, end: close < 0 ? html.length : close + 3 };
    }
    const name = RAW_TEXT.find((n) => startsWithName(html, i + 1, n));
    if (name && !isWordChar(html.charCodeAt(i + 1 + name.length))) {
      const open = this.indexOf('>', i);
      if (open >= 0) return { kind: 'raw', start: i, end: this.closingTag(name, open + 1) };
    }
    const letter = html.charCodeAt(i + 1) === 0x2f ? i + 2 : i + 1;
    if (!isLetter(html.charCodeAt(letter))) return undefined;
    const close = this.tagEnd(letter + 1);
    return close < 0 ? undefined : { kind: 'tag', start: i, end: close + 1 };
  }

  sound(i: number): HtmlToken | undefined {
    const { html } = this;
    if (!startsWithName(html, i + 1, 'sound') || html[i + 6] !== ':') return undefined;
    const close = this.indexOf(']', i + 7);
    if (close <= i + 7) return undefined;
    return { kind: 'sound', start: i, end: close + 1, name: html.slice(i + 7, close) };
  }

  /** The first `ch` at or after `from`, remembered while the searches move forward. */
  private indexOf(ch: string, from: number): number {
    const last = this.next.get(ch);
    if (last && last.from <= from && (last.at < 0 || last.at >= from)) return last.at;
    const at = this.html.indexOf(ch, from);
    this.next.set(ch, { from, at });
    return at;
  }

  /** The end of raw text that starts at `from`: after its closing tag, or the end of the field. */
  private closingTag(name: string, from: number): number {
    const { html } = this;
    for (let at = html.indexOf('</', from); at >= 0; at = html.indexOf('</', at + 2)) {
      if (!startsWithName(html, at + 2, name)) continue;
      let j = at + 2 + name.length;
      while (j < html.length && isSpace(html[j])) j++;
      if (html.charCodeAt(j) === GT) return j + 1;
    }
    return html.length;
  }

  /**
   * The `>` that ends a tag whose attributes start at `from`, skipping quoted values, or -1. Where
   * the tag goes on from depends only on the first `>` or quote it reaches, so the answer is kept
   * for each quote, and the stretch before it is scanned once for all the tags that reach it.
   */
  private tagEnd(from: number): number {
    let last = this.tagScan;
    if (!last || !(last.from <= from && (last.at < 0 || from <= last.at)))
      last = this.tagScan = { from, at: this.special(from) };
    const visited: number[] = [];
    let at = last.at;
    let end: number;
    for (;;) {
      if (at < 0) {
        end = -1;
        break;
      }
      if (this.html.charCodeAt(at) === GT) {
        end = at;
        break;
      }
      const known = this.afterQuote.get(at);
      if (known !== undefined) {
        end = known;
        break;
      }
      visited.push(at);
      const closing = this.html.indexOf(this.html[at], at + 1);
      at = closing < 0 ? -1 : this.special(closing + 1);
    }
    for (const quote of visited) this.afterQuote.set(quote, end);
    return end;
  }

  /** The first `>`, `"` or `'` at or after `from`, or -1. */
  private special(from: number): number {
    const { html } = this;
    for (let j = from; j < html.length; j++) {
      const c = html.charCodeAt(j);
      if (c === GT || c === DOUBLE || c === SINGLE) return j;
    }
    return -1;
  }
}

/** Whether `html` has `name` (lower-case ASCII) at `at`, in any case. */
function startsWithName(html: string, at: number, name: string): boolean {
  if (at + name.length > html.length) return false;
  for (let k = 0; k < name.length; k++) {
    const c = html.charCodeAt(at + k);
    if ((isLetter(c) ? c | 0x20 : c) !== name.charCodeAt(k)) return false;
  }
  return true;
}
