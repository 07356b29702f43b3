/**
 * Finds the first JSON syntax error and tells what it is, for a teacher. `JSON.parse` does the real
 * parsing; this runs only after it fails, because browsers differ in whether and how they say where.
 */
import type { JsonError } from '../problems';

export type JsonSyntaxError = { at: number; error: JsonError };

const MAX_DEPTH = 2000;

class Stop extends Error {
  constructor(
    readonly at: number,
    readonly error: JsonError
  ) {
    super(error.code);
  }
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (error: JsonError, at = i): never => {
    throw new Stop(at, error);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const end = (missing: 'value' | '}' | ']') => (i >= text.length ? fail({ code: 'ends-early', missing }) : undefined);

  const value = (depth: number): void => {
    space();
    end('value');
    if (depth > MAX_DEPTH) fail({ code: 'too-deep' });
    const c = text[i];
    if (c === '{') return group(depth);
    if (c === '[') return list(depth);
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null'])
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    if (c === "'") fail({ code: 'single-quotes' });
    fail({ code: 'expected-value' });
  };

  const group = (depth: number) => {
    i++;
    space();
    if (text[i] === '}') return void i++;
    for (;;) {
      space();
      end('}');
      if (text[i] === '}') fail({ code: 'comma-before', close: '}' });
      if (text[i] !== '"') fail({ code: 'unquoted-name' });
      string();
      space();
      end('}');
      if (text[i] !== ':') fail({ code: 'expected-colon' });
      i++;
      value(depth + 1);
      space();
      end('}');
      if (text[i] === '}') return void i++;
      if (text[i] !== ',') fail({ code: 'expected-comma', close: '}' });
      i++;
    }
  };

  const list = (depth: number) => {
    i++;
    space();
    if (text[i] === ']') return void i++;
    for (;;) {
      space();
      if (text[i] === ']') fail({ code: 'comma-before', close: ']' });
      value(depth + 1);
      space();
      end(']');
      if (text[i] === ']') return void i++;
      if (text[i] !== ',') fail({ code: 'expected-comma', close: ']' });
      i++;
    }
  };

  const string = () => {
    const start = i++;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '"') return void i++;
      if (c === '\n') fail({ code: 'line-break-in-text' }, start);
      if (c < ' ') fail({ code: 'control-character' }, i);
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail({ code: 'bad-escape', escape: e ?? '' }, i);
      }
    }
    fail({ code: 'unclosed-text' }, start);
  };

  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail({ code: 'bad-number' });
    i += match![0].length;
  };

  try {
    value(0);
    space();
    if (i < text.length) fail({ code: 'text-after-end' });
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return { at: Math.min(e.at, text.length), error: e.error };
    throw e;
  }
}
