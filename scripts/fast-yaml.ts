/**
 * The deck compiler's fast YAML reader: js-yaml, about ten times faster than `yaml` because it keeps
 * no positions, so it is used only for files that turn out valid (see `FastYamlReader`).
 *
 * It must read every file it returns a value for exactly as `yaml` does in `loadYaml` (YAML 1.2 core
 * schema, duplicate keys an error, no merge keys). Where the two can differ it returns undefined and
 * leaves the file to `yaml`: explicit tags (`!!float 1` is 1 in js-yaml, "1" in `yaml`), anchors and
 * aliases (`yaml` caps aliases), directives (`%YAML 1.1` switches `yaml` to 1.1), keys that are not
 * text (a null key is "null" in js-yaml, "" in `yaml`), a root that is not a mapping, and the text
 * forms listed at `UNSURE_TEXT` and below it. `fast-yaml.test.ts` holds it to that: each of these is
 * shown to read differently in js-yaml alone, and random documents must read the same or not at all.
 */
import {
  constructFromEvents,
  CORE_SCHEMA,
  EVENT_ID,
  mapTag,
  parseEvents,
  type Event,
  type MappingTagDefinition
} from 'js-yaml';

/** js-yaml's own default, far below the depth where `yaml` gives up (about 500). */
const MAX_DEPTH = 100;
/** The longest implicit key `yaml` accepts, counted from the key's start to its colon. */
const MAX_KEY_SPAN = 1024;

/** Mappings as js-yaml builds them, refusing keys `yaml` would turn into different text. */
const stringKeyMapTag: MappingTagDefinition<Record<string, unknown>, Record<string, unknown>> = {
  ...mapTag,
  addPair: (map, key, value) =>
    typeof key === 'string' ? mapTag.addPair(map, key, value) : 'a key that is not text is left to yaml'
};
const SCHEMA = CORE_SCHEMA.withTags(stringKeyMapTag);

/**
 * Text js-yaml may read differently, each an error in `yaml` or read otherwise:
 * - a carriage return not followed by a line feed (a line break only in js-yaml);
 * - a tab in a line's indentation (not always an error in js-yaml);
 * - a byte order mark after the first character, or before spaces (`yaml` counts it as a column);
 * - a document end marker `...` (js-yaml reads on after it), an indented `---` (a marker in js-yaml
 *   at the start of a file);
 * - an explicit indentation indicator on a block scalar (`|2`: lines of spaces in it read
 *   differently);
 * - a line ending in a backslash, then a blank line (an escaped line break in quoted text: js-yaml
 *   drops the blank lines after it);
 * - a list item that is quoted text or a flow collection with more after it on its line
 *   (`- "a" b: 1`: when the list is not indented under its key, js-yaml reads `b` as the next key);
 * - what could be a number too big for a double (100 digits in a row, a long hex number, an exponent
 *   of 200 or more: Infinity in `yaml`, text in js-yaml).
 */
const UNSURE_TEXT = new RegExp(
  [
    /\r(?!\n)/,
    /^ *\t/,
    /[^]\uFEFF|^\uFEFF[ \t]/,
    /^(?: *\.\.\.| +---)(?:\s|$)/,
    /[|>](?:[1-9][-+]?|[-+][1-9])[ \t]*(?:#|$)/,
    /\\\r?\n[ \t]*\r?$/,
    /^ *(?:-[ \t]+)+(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'(?!')|[[{][^\n]*[\]}])[ \t]*[^\s#,\]}]/,
    /[0-9]{100}|0x[0-9a-fA-F]{90}|[0-9.][eE]\+?(?:[2-9][0-9]{2}|[0-9]{4})/
  ]
    .map((re) => re.source)
    .join('|'),
  'm'
);

/** The value of `text` read with js-yaml, or undefined when `yaml` might read it differently. */
export function readFastYaml(text: string): unknown {
  if (UNSURE_TEXT.test(text) || endsInSpaces(text) || mayHaveLongKey(text) || mayCommentInFlow(text)) return undefined;
  try {
    const events = parseEvents(text, { maxDepth: MAX_DEPTH });
    // Deck and source files are mappings. Other roots are left to `yaml`: js-yaml reads a block
    // scalar at the root with the wrong indentation when its header line is indented.
    if (events[1]?.type !== EVENT_ID.MAPPING || !events.every(isPlain)) return undefined;
    const documents = constructFromEvents(events, { source: text, schema: SCHEMA, json: false });
    return documents.length === 1 ? documents[0] : undefined;
  } catch {
    // A syntax error, a duplicate key, a refused key: `yaml` reads the file and reports it.
    return undefined;
  }
}

/** Whether the event uses none of tags, anchors, aliases and directives. */
function isPlain(event: Event): boolean {
  switch (event.type) {
    case EVENT_ID.DOCUMENT:
      return event.directives.length === 0;
    case EVENT_ID.ALIAS:
      return false;
    case EVENT_ID.POP:
      return true;
    default:
      return event.tagStart === -1 && event.anchorStart === -1;
  }
}

/** Whether the last line holds only spaces or tabs: `|+` text keeps one more line break in js-yaml. */
function endsInSpaces(text: string): boolean {
  return /^[ \t]+$/.test(text.slice(text.lastIndexOf('\n') + 1));
}

/**
 * Whether a comment at the start of a line could sit inside a flow collection: right after a pair's
 * value there (`[a: b` then `#` on the next line), it is an error in `yaml` only. Comments at the
 * top of a file, before any content, are fine.
 */
function mayCommentInFlow(text: string): boolean {
  const content = text.search(/^[ \t]*[^#\r\n \t]/m);
  return content !== -1 && text.includes('\n#', content) && /(?:^|[-:,[{])[ \t]*[[{]/m.test(text);
}

/**
 * Whether some colon could stand further than `MAX_KEY_SPAN` from where `yaml` starts its key: the
 * start of the key's line, or of the blank and comment lines just before it (after an empty list
 * item `yaml` counts lines of spaces as part of the next key).
 */
function mayHaveLongKey(text: string): boolean {
  let from = 0;
  for (let start = 0, end = 0; start < text.length; start = end + 1) {
    end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    if (end - from > MAX_KEY_SPAN && text.slice(Math.max(start, from + MAX_KEY_SPAN), end).includes(':')) return true;
    let first = start;
    while (text[first] === ' ' || text[first] === '\t') first++;
    const blankOrComment = first >= end || text[first] === '#' || text[first] === '\r';
    if (!blankOrComment) from = end + 1;
  }
  return false;
}
