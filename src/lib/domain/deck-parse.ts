/**
 * Reads deck and source YAML into checked values, or into problems a teacher can act on: each one
 * names the file, line and column and what to change (worded by src/lib/text). Pure TypeScript, so
 * the same checks run in the deck compiler and for decks imported in the app.
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
import {
  ruleOf,
  schemaCode,
  type DeckFileProblem,
  type DeckProblem,
  type Expectation,
  type FieldAdvice,
  type FieldRef,
  type FileKind,
  type Given,
  type ItemRef,
  type RuleProblem,
  type SchemaCode,
  type TypeHint
} from './problems';

export { yamlPosition } from './deck-yaml';
export type { DeckProblem };

type Context = { text: string; doc: Document; data: unknown; file: FileKind };

/**
 * Reads YAML text to plain data without positions, faster than `yaml`, or returns undefined when it
 * cannot be sure to read it as `yaml` does. The deck compiler passes one; files it reads that turn
 * out valid are never parsed with positions.
 */
export type FastYamlReader = (text: string) => unknown;

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
  for (const [i, id] of unknownSources(raw, knownSources))
    located.push({ at: offsetOf(c.doc, ['sources', i]), problem: { code: 'unknown-source', id } });

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

// ---- zod issues to typed problems ---------------------------------------------------------------

/** A schema issue with what it is about: the value's expectation, or the deck rule it breaks. */
type Issue = {
  path: Path;
  code: string;
  expected?: Expectation | null;
  rule?: RuleProblem;
  keys?: string[];
  discriminator?: string;
  input?: unknown;
};

const TYPES: Record<string, Expectation> = {
  string: { code: 'text' },
  number: { code: 'number' },
  int: { code: 'whole-number' },
  boolean: { code: 'boolean' },
  array: { code: 'list' },
  object: { code: 'fields' }
};

/** A value as a problem can name it: a list or group of fields by what it is, since its own `toString` may be anything. */
const given = (v: unknown): Given =>
  Array.isArray(v)
    ? { kind: 'list' }
    : typeof v === 'object' && v !== null
      ? { kind: 'fields' }
      : { kind: 'value', text: String(v) };

/** What a zod issue says the value must be; null when it says nothing more than "not valid here". */
function expectationOf(iss: z.core.$ZodIssue): Expectation | null {
  const code = schemaCode(iss.message);
  if (code) return { code };
  switch (iss.code) {
    case 'invalid_type':
      return TYPES[iss.expected] ?? null;
    case 'too_small':
      if (iss.origin === 'array') return { code: 'min-items', minimum: Number(iss.minimum) };
      if (iss.origin === 'string') return { code: 'not-empty' };
      return { code: 'min', minimum: Number(iss.minimum), inclusive: !!iss.inclusive };
    case 'too_big':
      if (iss.origin === 'array') return { code: 'max-items', maximum: Number(iss.maximum) };
      if (iss.origin === 'string') return { code: 'max-length', maximum: Number(iss.maximum) };
      return { code: 'max', maximum: Number(iss.maximum) };
    case 'invalid_format':
      return iss.format === 'url' ? { code: 'web-address' } : { code: 'format', format: iss.format };
    case 'invalid_value':
      return { code: 'one-of', values: iss.values.map(String), given: given(iss.input) };
    default:
      return null;
  }
}

/**
 * zod cannot tell from a final issue that a number had to be whole: its schema is only at hand while
 * the issue is made. Every other expectation is read from the issue itself.
 */
const wholeNumbers = (iss: z.core.$ZodRawIssue): SchemaCode | undefined =>
  iss.code === 'invalid_type' && iss.expected === 'number' && wantsInteger(iss.inst) ? 'whole-number' : undefined;
const parseOptions = { error: wholeNumbers, reportInput: true };

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
      return [{ path, code: 'custom', expected: { code: 'source' } }];
    }
    const rule = ruleOf(iss);
    return [
      {
        path,
        code: iss.code,
        rule,
        expected: rule ? undefined : expectationOf(iss),
        keys: iss.code === 'unrecognized_keys' ? iss.keys : undefined,
        discriminator: (iss as { discriminator?: string }).discriminator,
        input: iss.input
      }
    ];
  });
}

function subject(path: Path, c: Context): { item: ItemRef | null; rest: Path } {
  if (c.file === 'deck' && (path[0] === 'cards' || path[0] === 'sources') && typeof path[1] === 'number') {
    const kind = path[0] === 'cards' ? 'card' : 'source';
    const item = valueAt(c.data, path.slice(0, 2));
    const id = typeof item === 'string' ? item : isRecord(item) && typeof item.id === 'string' ? item.id.trim() : '';
    const rest = path.slice(2);
    const byNumber = !id || (rest.length === 1 && rest[0] === 'id') || (rest.length === 0 && typeof item === 'string');
    return { item: byNumber ? { kind, number: path[1] + 1 } : { kind, id }, rest };
  }
  return { item: null, rest: path };
}

/** The field at `rest` (a path inside the deck, a card or a source); null for the thing itself. */
function fieldRef(rest: Path): FieldRef | null {
  if (!rest.length) return null;
  const names = rest.filter((s) => typeof s === 'string').join('.');
  const last = rest[rest.length - 1];
  return typeof last === 'number' ? { names, item: last + 1 } : { names };
}

function locateIssue(issue: Issue, c: Context): Located[] {
  const { item, rest } = subject(issue.path, c);
  const parentPath = issue.path.slice(0, -1);
  const last = issue.path[issue.path.length - 1];

  if (issue.code === 'unrecognized_keys')
    return (issue.keys ?? []).map((k) => ({
      at: keyOffset(c.doc, issue.path, k),
      problem: unknownField(k, issue.path, c)
    }));

  if (issue.code === 'invalid_union' && issue.discriminator !== undefined) {
    const card = valueAt(c.data, parentPath);
    if (!isRecord(card) || card.type === undefined)
      return [{ at: offsetOf(c.doc, parentPath), problem: { code: 'missing-type', item, types: CARD_TYPES } }];
    const problem: DeckFileProblem =
      typeof card.type === 'string'
        ? { code: 'unknown-type', item, type: card.type, types: CARD_TYPES }
        : { code: 'type-not-text', item, types: CARD_TYPES };
    return [{ at: offsetOf(c.doc, issue.path), problem }];
  }

  const parent = valueAt(c.data, parentPath);
  if (issue.code === 'invalid_type' && isRecord(parent) && typeof last === 'string' && !(last in parent)) {
    const inside = rest.length > 1 ? fieldRef(rest.slice(0, -1)) : null;
    return [{ at: offsetOf(c.doc, parentPath), problem: { code: 'missing-field', item, field: last, inside } }];
  }

  let at = offsetOf(c.doc, issue.path);
  const value = valueAt(c.data, issue.path);
  if (issue.rule) {
    // A broken cloze is placed at the character where it goes wrong.
    if (issue.rule.code === 'cloze' && last === 'text' && typeof value === 'string') {
      const cloze = parseCloze(value);
      if (!cloze.ok && cloze.error === issue.rule.error) at = charOffset(c.doc, c.text, issue.path, cloze.index);
    }
    return [{ at, problem: { code: 'rule', item, rule: issue.rule } }];
  }
  const expected = issue.expected;
  if (!expected) return [{ at, problem: { code: 'not-valid', item } }];
  if (!rest.length && !item && value == null)
    return [{ at, problem: { code: 'empty-file', file: c.file, required: requiredKeys(c) } }];
  const hint = issue.code === 'invalid_type' ? typeHint(expected, value, c, issue.path) : null;
  return [{ at, problem: { code: 'value', file: c.file, item, field: fieldRef(rest), expected, hint } }];
}

function typeHint(expected: Expectation, value: unknown, c: Context, path: Path): TypeHint | null {
  if (value === null) return { code: 'empty' };
  // Called only for a value that is text, a number or true/false: an object's own `toString` may
  // be anything (an imported file can hold `{"toString": false}`).
  const written = () => writtenAt(c.doc, c.text, path) ?? String(value);
  if (expected.code === 'text' && (typeof value === 'number' || typeof value === 'boolean'))
    return { code: 'quote-it', written: written() };
  if (expected.code === 'boolean' && typeof value === 'string')
    return /^["']/.test(written()) ? { code: 'unquote-it' } : { code: 'not-this', written: written() };
  if (expected.code === 'list' && !isRecord(value)) return { code: 'list-syntax' };
  if ((expected.code === 'number' || expected.code === 'whole-number') && typeof value === 'number')
    return { code: 'not-this-number', written: written() };
  return null;
}

function unknownField(key: string, objectPath: Path, c: Context): DeckFileProblem {
  const { item, rest } = subject(objectPath, c);
  const object = valueAt(c.data, objectPath);
  const allowed = allowedKeys(objectPath, c).filter((k) => !(isRecord(object) && k in object));
  const guess = closest(key, allowed);
  let advice: FieldAdvice | null = guess ? { code: 'did-you-mean', field: guess } : null;
  if (!guess && objectPath[0] === 'cards' && objectPath.length === 2) {
    const types = [...CARD_SHAPES].filter(([, shape]) => key in shape).map(([t]) => t);
    if (types.length) advice = { code: 'only-for-types', types };
  }
  advice ??= { code: 'allowed', fields: allowedKeys(objectPath, c) };
  return { code: 'unknown-field', key, file: c.file, item, field: fieldRef(rest), advice };
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
    .map(({ at, problem }) => ({ path, ...lines.linePos(at), problem }))
    .sort((a, b) => a.line - b.line || a.col - b.col)
    .filter((p) => {
      const key = `${p.line}:${p.col}:${JSON.stringify(p.problem)}`;
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
