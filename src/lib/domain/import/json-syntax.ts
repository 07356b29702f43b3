/**
 * Finds the first JSON syntax error and words it for a teacher. `JSON.parse` does the real parsing;
 * this runs only after it fails, because browsers differ in whether and how they say where.
 */

export type JsonSyntaxError = { at: number; message: string };

const MAX_DEPTH = 2000;

class Stop extends Error {
  constructor(
    readonly at: number,
    message: string
  ) {
    super(message);
  }
}

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new Stop(at, message);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const end = (what: string) => (i >= text.length ? fail(`the text ends too early: ${what}`) : undefined);

  const value = (depth: number): void => {
    space();
    end('a value is missing at the end');
    if (depth > MAX_DEPTH) fail('lists and groups are nested too deeply');
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
    if (c === "'") fail('text must be in "double quotes", not single quotes');
    fail('expected a value here: text in "double quotes", a number, true, false, null, a list [ ] or a group { }');
  };

  const group = (depth: number) => {
    i++;
    space();
    if (text[i] === '}') return void i++;
    for (;;) {
      space();
      end('a } is missing at the end');
      if (text[i] === '}') fail('a comma before } is not allowed in JSON; remove the comma');
      if (text[i] !== '"') fail('a field name must be written in "double quotes"');
      string();
      space();
      end('a } is missing at the end');
      if (text[i] !== ':') fail('expected ":" after the field name');
      i++;
      value(depth + 1);
      space();
      end('a } is missing at the end');
      if (text[i] === '}') return void i++;
      if (text[i] !== ',') fail('expected "," or "}" after this value; is a comma missing before it?');
      i++;
    }
  };

  const list = (depth: number) => {
    i++;
    space();
    if (text[i] === ']') return void i++;
    for (;;) {
      space();
      if (text[i] === ']') fail('a comma before ] is not allowed in JSON; remove the comma');
      value(depth + 1);
      space();
      end('a ] is missing at the end');
      if (text[i] === ']') return void i++;
      if (text[i] !== ',') fail('expected "," or "]" after this item; is a comma missing before it?');
      i++;
    }
  };

  const string = () => {
    const start = i++;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '"') return void i++;
      if (c === '\n') fail('this quoted text is never closed: add a " at its end (write a line break as \\n)', start);
      if (c < ' ') fail('a control character must be written as an escape like \\t', i);
      if (c === '\\') {
        const e = text[i + 1];
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 5;
        else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail(`"\\${e ?? ''}" is not a valid escape; write a backslash itself as \\\\`, i);
      }
    }
    fail('this quoted text is never closed: add a " at its end', start);
  };

  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) fail('this is not a valid number');
    i += match![0].length;
  };

  try {
    value(0);
    space();
    if (i < text.length) fail('unexpected text after the end of the deck');
    return undefined;
  } catch (e) {
    if (e instanceof Stop) return { at: Math.min(e.at, text.length), message: e.message };
    throw e;
  }
}
