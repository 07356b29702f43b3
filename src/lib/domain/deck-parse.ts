/**
 * Reads deck and source YAML into checked values, or into problems a teacher can act on: each one
 * names the file, line and column and says in plain words what to change. Pure TypeScript, so the
 * same checks run in the deck compiler and for decks imported in the app.
 */
import type { Document, LineCounter } from 'yaml';
import type { z } from 'zod';
import { parseCloze } from './cloze';
import {
  CARD_TYPES,
  citeSchema,
  deckFileSchema,
  deckSchema,
  outlineEntrySchema,
  sourceSchema,
  type Deck,
  type DeckFile,
  type Source
} from './deck.schema';
import { charOffset, keyOffset, loadYaml, offsetOf, writtenAt, type Located, type Path } from './deck-yaml';
import { CARD_SHAPES, isRecord, partialDeckRuleIssues } from './partial-deck-rules';

export { yamlPosition } from './deck-yaml';

/** One thing to fix in a content file; line and col are 1-based. */
export type DeckProblem = { path: string; line: number; col: number; message: string };

type Issue = { path: Path; code: string; message: string; keys?: string[]; note?: string; input?: unknown };
type Context = { text: string; doc: Document; data: unknown; file: 'deck' | 'source' };

/**
 * Reads YAML text to plain data without positions, faster than `yaml`, or returns undefined when it
 * cannot be sure to read it as `yaml` does. The deck compiler passes one; files it reads that turn
 * out valid are never parsed with positions.
 */
export type FastYamlReader = (text: string) => unknown;

/** `path:line:col: message`, the form editors and terminals turn into links. */
export function formatProblem(p: DeckProblem): string {
  return `${p.path}:${p.line}:${p.col}: ${p.message}`;
}

/** Reads one `*.source.yaml` file. */
export function parseSourceText(
  text: string,
  path: string,
  fastRead?: FastYamlReader
): { source?: Source; problems: DeckProblem[] } {
  const fast = fastRead?.(text);
  if (fast !== undefined) {
    const parsed = sourceSchema.safeParse(fast, parseOptions);
    if (parsed.success) return { source: parsed.data, problems: [] };
  }
  const loaded = loadYaml(text);
  if (!loaded.ok) return { problems: finish(loaded.located, loaded.lines, path) };
  const c: Context = { text, doc: loaded.doc, data: loaded.data, file: 'source' };
  const parsed = sourceSchema.safeParse(loaded.data, parseOptions);
  if (parsed.success) return { source: parsed.data, problems: [] };
  return {
    problems: finish(
      flatten(parsed.error.issues).flatMap((i) => locateIssue(i, c)),
      loaded.lines,
      path
    )
  };
}

/** Reads one `*.deck.yaml` file; source ids in `sources:` resolve against `knownSources`. */
export function parseDeckText(
  text: string,
  path: string,
  knownSources: Map<string, Source> = new Map(),
  fastRead?: FastYamlReader
): { deck?: Deck; problems: DeckProblem[] } {
  const fast = fastRead?.(text);
  if (fast !== undefined) {
    const deck = validDeck(fast, knownSources);
    if (deck) return { deck, problems: [] };
  }
  // Read again with positions, so that every problem can name its line and column.
  const loaded = loadYaml(text);
  if (!loaded.ok) return { problems: finish(loaded.located, loaded.lines, path) };
  const c: Context = { text, doc: loaded.doc, data: loaded.data, file: 'deck' };
  const fileParse = deckFileSchema.safeParse(loaded.data, parseOptions);
  const structural = fileParse.success ? [] : flatten(fileParse.error.issues);
  const located = structural.flatMap((i) => locateIssue(i, c));

  const raw = loaded.data;
  for (const [i, item] of unknownSources(raw, knownSources))
    located.push({
      at: offsetOf(c.doc, ['sources', i]),
      message: `unknown source "${item}": no content/*.source.yaml file has id "${item}"`
    });

  if (fileParse.success && located.length === 0) {
    const deckParse = deckSchema.safeParse(resolveSources(fileParse.data, knownSources), parseOptions);
    if (deckParse.success) return { deck: deckParse.data, problems: [] };
    located.push(...flatten(deckParse.error.issues).flatMap((i) => locateIssue(i, c)));
  } else {
    // Show the deck-wide rule problems too, so one pass lists everything.
    for (const issue of partialDeckRuleIssues(raw, knownSources))
      located.push(...locateIssue({ ...issue, code: 'custom' }, c));
  }
  return { problems: finish(located, loaded.lines, path) };
}

/** The deck when `data` is a valid deck file whose sources are all known; otherwise undefined. */
function validDeck(data: unknown, knownSources: Map<string, Source>): Deck | undefined {
  const fileParse = deckFileSchema.safeParse(data, parseOptions);
  if (!fileParse.success || unknownSources(data, knownSources).length) return undefined;
  const deckParse = deckSchema.safeParse(resolveSources(fileParse.data, knownSources), parseOptions);
  return deckParse.success ? deckParse.data : undefined;
}

/** Source ids in `sources:` that no known source has, with their index. */
function unknownSources(raw: unknown, knownSources: Map<string, Source>): [number, string][] {
  const items: unknown[] = isRecord(raw) && Array.isArray(raw.sources) ? raw.sources : [];
  return items.flatMap((item, i): [number, string][] =>
    typeof item === 'string' && sourceSchema.shape.id.safeParse(item).success && !knownSources.has(item)
      ? [[i, item]]
      : []
  );
}

/** The deck file with each source named by id replaced by that source. */
function resolveSources(file: DeckFile, knownSources: Map<string, Source>) {
  const { sources, ...rest } = file;
  return sources ? { ...rest, sources: sources.map((s) => (typeof s === 'string' ? knownSources.get(s)! : s)) } : rest;
}

// ---- zod issues to plain words ----------------------------------------------------------------

const EXPECTED: Record<string, string> = {
  string: 'must be text',
  number: 'must be a number',
  int: 'must be a whole number',
  boolean: 'must be true or false',
  array: 'must be a list',
  object: 'must be a group of fields, one "name: value" per line'
};

const quoteList = (values: readonly unknown[]) => values.map((v) => `"${String(v)}"`).join(', ');

/** A value as a message can show it: a list or group of fields by what it is, since its own `toString` may be anything. */
const shown = (v: unknown) =>
  Array.isArray(v) ? 'a list' : typeof v === 'object' && v !== null ? 'a group of fields' : String(v);

/** Default wording for checks the schema gives no message of its own. */
const plainWords = (iss: z.core.$ZodRawIssue): string => {
  switch (iss.code) {
    case 'invalid_type':
      return (
        EXPECTED[iss.expected === 'number' && wantsInteger(iss.inst) ? 'int' : iss.expected] ?? 'is not valid here'
      );
    case 'too_small':
      if (iss.origin === 'array') return `must list at least ${iss.minimum} item${iss.minimum === 1 ? '' : 's'}`;
      if (iss.origin === 'string') return 'must not be empty';
      if (!iss.inclusive && iss.minimum === 0) return 'must be 1 or more';
      return iss.inclusive ? `must be ${iss.minimum} or more` : `must be more than ${iss.minimum}`;
    case 'too_big':
      return iss.origin === 'array' ? `must list at most ${iss.maximum} items` : `must be at most ${iss.maximum}`;
    case 'invalid_format':
      return iss.format === 'url' ? 'must be a web address starting with https://' : `must be a valid ${iss.format}`;
    case 'invalid_value':
      return `must be one of ${quoteList(iss.values)}, not "${shown(iss.input)}"`;
    default:
      return 'is not valid here';
  }
};
const parseOptions = { error: plainWords, reportInput: true };

/** Whether a number schema only takes whole numbers (zod's schema internals, documented for tool authors). */
function wantsInteger(inst: unknown): boolean {
  const checks = (inst as { _zod?: { def?: { checks?: { _zod: { def: { format?: string } } }[] } } })?._zod?.def
    ?.checks;
  return !!checks?.some((check) => check._zod.def.format?.endsWith('int'));
}

/** Unions report every branch; keep the branch that matches the kind of value written. */
function flatten(issues: readonly z.core.$ZodIssue[], base: Path = []): Issue[] {
  return issues.flatMap((iss): Issue[] => {
    const path = [...base, ...(iss.path as Path)];
    if (iss.code === 'invalid_union' && iss.errors.length) {
      const fits = iss.errors.filter((b) => !b.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
      if (fits.length) return flatten(fits[0], path);
      return [
        { path, code: 'custom', message: 'must be a source id (like "bbc-2020-report") or a source with its fields' }
      ];
    }
    return [{ ...(iss as Issue), path }];
  });
}

function subject(path: Path, c: Context): { where: string; rest: Path } {
  if (c.file === 'deck' && (path[0] === 'cards' || path[0] === 'sources') && typeof path[1] === 'number') {
    const noun = path[0] === 'cards' ? 'card' : 'source';
    const item = valueAt(c.data, path.slice(0, 2));
    const id = typeof item === 'string' ? item : isRecord(item) && typeof item.id === 'string' ? item.id.trim() : '';
    const rest = path.slice(2);
    const byNumber = !id || (rest.length === 1 && rest[0] === 'id') || (rest.length === 0 && typeof item === 'string');
    return { where: byNumber ? `${noun} ${path[1] + 1}` : `${noun} "${id}"`, rest };
  }
  return { where: '', rest: path };
}

function fieldLabel(rest: Path): string {
  const names = rest.filter((s) => typeof s === 'string').join('.');
  const last = rest[rest.length - 1];
  return typeof last === 'number' ? `"${names}" item ${last + 1}` : `"${names}"`;
}

function locateIssue(issue: Issue, c: Context): Located[] {
  const { where, rest } = subject(issue.path, c);
  const withWhere = (words: string) => (where ? `${where}: ${words}` : words);
  const parentPath = issue.path.slice(0, -1);
  const last = issue.path[issue.path.length - 1];

  if (issue.code === 'unrecognized_keys')
    return (issue.keys ?? []).map((k) => ({
      at: keyOffset(c.doc, issue.path, k),
      message: unknownField(k, issue.path, c)
    }));

  if (issue.code === 'invalid_union' && issue.note === 'No matching discriminator') {
    const card = valueAt(c.data, parentPath);
    const types = `use one of: ${CARD_TYPES.join(', ')}`;
    if (!isRecord(card) || card.type === undefined)
      return [{ at: offsetOf(c.doc, parentPath), message: withWhere(`missing field "type"; ${types}`) }];
    const message =
      typeof card.type === 'string' ? `unknown card type "${card.type}"; ${types}` : `"type" must be text; ${types}`;
    return [{ at: offsetOf(c.doc, issue.path), message: withWhere(message) }];
  }

  const parent = valueAt(c.data, parentPath);
  if (issue.code === 'invalid_type' && isRecord(parent) && typeof last === 'string' && !(last in parent)) {
    const inside = rest.length > 1 ? ` in ${fieldLabel(rest.slice(0, -1))}` : '';
    return [{ at: offsetOf(c.doc, parentPath), message: withWhere(`missing field "${last}"${inside}`) }];
  }

  let at = offsetOf(c.doc, issue.path);
  const value = valueAt(c.data, issue.path);
  if (issue.code === 'custom' && last === 'text' && typeof value === 'string') {
    const cloze = parseCloze(value);
    if (!cloze.ok && cloze.error === issue.message) at = charOffset(c.doc, c.text, issue.path, cloze.index);
  }
  if (!issue.message.startsWith('must ')) return [{ at, message: withWhere(issue.message) }];

  const label = !rest.length
    ? where || `the ${c.file} file`
    : where
      ? `${where}: ${fieldLabel(rest)}`
      : fieldLabel(rest);
  if (!rest.length && !where && value == null)
    return [{ at, message: `the ${c.file} file is empty; write its fields: ${requiredKeys(c).join(', ')}` }];
  const hint = issue.code === 'invalid_type' ? typeHint(issue.message, value, c, issue.path) : '';
  return [{ at, message: `${label} ${issue.message}${hint}` }];
}

function typeHint(message: string, value: unknown, c: Context, path: Path): string {
  if (value === null) return ', but it is empty';
  // Called only for a value that is text, a number or true/false: an object's own `toString` may
  // be anything (an imported file can hold `{"toString": false}`).
  const written = () => writtenAt(c.doc, c.text, path) ?? String(value);
  if (message === EXPECTED.string && (typeof value === 'number' || typeof value === 'boolean'))
    return `; put it in quotes to make it text: "${written()}"`;
  if (message === EXPECTED.boolean && typeof value === 'string')
    return /^["']/.test(written()) ? '; write true or false without quotes' : `, not "${written()}"`;
  if (message === EXPECTED.array && !isRecord(value))
    return '; put each item on its own line starting with "- ", or write [first, second]';
  if ((message === EXPECTED.number || message === EXPECTED.int) && typeof value === 'number')
    return `, not ${written()}`;
  return '';
}

function unknownField(key: string, objectPath: Path, c: Context): string {
  const { where, rest } = subject(objectPath, c);
  const owner = rest.length ? `${fieldLabel(rest)} of ${where || `the ${c.file}`}` : where || `the ${c.file}`;
  const object = valueAt(c.data, objectPath);
  const allowed = allowedKeys(objectPath, c).filter((k) => !(isRecord(object) && k in object));
  const guess = closest(key, allowed);
  let advice = guess ? `did you mean "${guess}"?` : '';
  if (!guess && objectPath[0] === 'cards' && objectPath.length === 2) {
    const types = [...CARD_SHAPES].filter(([, shape]) => key in shape).map(([t]) => t);
    if (types.length) advice = `"${key}" is only for cards of type ${types.join(', ')}`;
  }
  if (!advice) advice = `allowed fields here: ${allowedKeys(objectPath, c).join(', ')}`;
  return `unknown field "${key}" in ${owner}; ${advice}`;
}

function requiredKeys(c: Context): string[] {
  const shape: Record<string, z.ZodType> = c.file === 'deck' ? deckFileSchema.shape : sourceSchema.shape;
  return Object.keys(shape).filter((k) => !shape[k].safeParse(undefined).success);
}

function allowedKeys(objectPath: Path, c: Context): string[] {
  const [head, index, field] = objectPath;
  if (objectPath.at(-2) === 'outline') return Object.keys(outlineEntrySchema.shape);
  if (c.file === 'source' || (head === 'sources' && objectPath.length === 2)) return Object.keys(sourceSchema.shape);
  if (objectPath.length === 0) return Object.keys(deckFileSchema.shape);
  if (head === 'cards' && objectPath.length === 2) {
    const card = valueAt(c.data, [head, index]);
    const keys = Object.keys(CARD_SHAPES.get(isRecord(card) && typeof card.type === 'string' ? card.type : '') ?? {});
    const common = Object.keys(CARD_SHAPES.get('truefalse')!).filter((k) =>
      [...CARD_SHAPES.values()].every((s) => k in s)
    );
    // id and type first, then what this type of card adds, then the fields every card may have
    return [
      'id',
      'type',
      ...keys.filter((k) => !common.includes(k)),
      ...common.filter((k) => k !== 'id' && k !== 'type')
    ];
  }
  if (head === 'cards' && field === 'cite') return Object.keys(citeSchema.shape);
  return [];
}

/** The allowed key a misspelling most likely meant, if any is close. */
function closest(key: string, allowed: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of allowed) {
    const d = distance(key.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance && d <= Math.max(1, Math.min(2, Math.floor(candidate.length / 3)))) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Edit distance where swapping two neighbouring letters counts as one edit. */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

// ---- small helpers ----------------------------------------------------------------------------

function finish(located: Located[], lines: LineCounter, path: string): DeckProblem[] {
  const seen = new Set<string>();
  return located
    .map(({ at, message }) => ({ path, ...lines.linePos(at), message }))
    .sort((a, b) => a.line - b.line || a.col - b.col)
    .filter((p) => {
      const key = formatProblem(p);
      return !seen.has(key) && !!seen.add(key);
    });
}

function valueAt(data: unknown, path: Path): unknown {
  let value = data;
  for (const step of path) {
    if (Array.isArray(value) && typeof step === 'number') value = value[step];
    else if (isRecord(value)) value = value[step];
    else return undefined;
  }
  return value;
}
