import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseDeckText, parseSourceText } from '../src/lib/domain/deck-parse';
import { loadYaml } from '../src/lib/domain/deck-yaml';
import { writeContent } from '../bench/compile';
import { readPlainYaml } from './plain-yaml';

/** FUZZ_RUNS=100 runs the random tests a hundred times longer. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);

/** What the deck parser gets from `yaml`: the data, or undefined when the text has errors. */
function fromYaml(text: string): unknown {
  const loaded = loadYaml(text);
  return loaded.ok ? loaded.data : undefined;
}

/** The fast reader either gives up or reads what `yaml` reads, and only from text without errors. */
function agrees(text: string): boolean {
  const quick = readPlainYaml(text);
  return quick === undefined || (fromYaml(text) !== undefined && isDeepStrictEqual(quick, fromYaml(text)));
}

describe('readPlainYaml', () => {
  it('reads every file in content/ as yaml does', () => {
    const files = readdirSync('content').filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(3);
    for (const file of files) {
      const text = readFileSync(`content/${file}`, 'utf8');
      expect(readPlainYaml(text), file).toEqual(fromYaml(text));
      expect(agrees(text), file).toBe(true);
    }
  });

  it('gives the deck parser the same sources and decks as yaml does', () => {
    const files = readdirSync('content').filter((f) => f.endsWith('.yaml'));
    const text = (file: string) => readFileSync(`content/${file}`, 'utf8');
    const sources = files.filter((f) => f.endsWith('.source.yaml'));
    const known = new Map(sources.map((f) => parseSourceText(text(f), f).source!).map((s) => [s.id, s]));
    for (const file of sources)
      expect(parseSourceText(text(file), file, readPlainYaml), file).toEqual(parseSourceText(text(file), file));
    for (const file of files.filter((f) => f.endsWith('.deck.yaml'))) {
      const fast = parseDeckText(text(file), file, known, readPlainYaml);
      expect(fast.deck, file).toBeDefined();
      expect(fast, file).toEqual(parseDeckText(text(file), file, known));
    }
  });

  it('reads the benchmark deck as yaml does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'factdeck-plain-yaml-'));
    try {
      writeContent(dir, 60);
      for (const file of readdirSync(dir)) {
        const text = readFileSync(path.join(dir, file), 'utf8');
        expect(readPlainYaml(text), file).toBeDefined();
        expect(agrees(text), file).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['a: 1\nb: -2\nc: +3\nd: 0o17\ne: 0x1F\nf: 017\ng: 1_000\nh: 0b11\n'],
    ['a: 1.5\nb: .5\nc: 1.\nd: 1e3\ne: -1.2E-3\nf: .inf\ng: -.Inf\nh: .NaN\ni: -0\nj: 1.0\n'],
    ['a: ~\nb: null\nc: Null\nd: NULL\ne: nULL\nf:\ng: true\nh: False\ni: TRUE\nj: yes\nk: off\nl: tRUE\n'],
    ['date: 2020-08-25\ntime: 12:30\nurl: https://a.example/x?y=1#z\n'],
    ['a: x #c\nb: x#c\nc: "x" # c\nd: \'it\'\'s\'\ne: "\\x41\\u00e9\\n\\t\\"\\\\\\/"\n'],
    ['a: x  \nb: \u00a0x\u00a0\nc: -x\ne: x {y} [z], w\nf: a "b" \'c\'\n'],
    ['tags: [a, b c, "d, e", \'f\', 1, true, ~, [g], {h: i}]\nm: { a: 1, b: [2], c: "3" }\ne: []\nf: {}\n'],
    [
      'cards:\n- id: a\n  tags:\n  - x\n-   id: b\n    cite: { source: s, paragraphs: [1, 2] }\n-\n  id: c\n- plain\n-\n- ~\n'
    ],
    ['a:\n  b:\n    c: 1\n  d:\n\n# comment\n  # indented comment\ne: 2\n'],
    ['a: >-\n  folded\n  text\n\n  second\n\n\nb: |\n  literal\n  # not a comment\n\n  end\nc: >\n  clip\n\n'],
    ['a: |-\n    deep\n  \n    x\nb: >-  # comment\n  y\n'],
    ['a: x\r\nb:\r\n  - y\r\n'],
    ['a: 1\nb: 2']
  ])('reads %j as yaml does', (text) => {
    expect(agrees(text)).toBe(true);
    expect(readPlainYaml(text)).toEqual(fromYaml(text) ?? 'given up');
  });

  it('gives up on nesting deeper than decks need, long before yaml runs out of stack', () => {
    const flow = (depth: number) => `a: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const block = (depth: number) => Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}- `).join('\n') + 'x\n';
    expect(readPlainYaml(flow(10))).toEqual(fromYaml(flow(10)));
    expect(readPlainYaml(`a:\n${block(10)}`)).toEqual(fromYaml(`a:\n${block(10)}`));
    for (const depth of [60, 1000, 100_000]) expect(readPlainYaml(flow(depth))).toBeUndefined();
    expect(readPlainYaml(`a:\n${block(60)}`)).toBeUndefined();
    expect(fromYaml(flow(1000))).toBeUndefined();
  });

  it.each([
    ['duplicate keys', 'a: 1\na: 2\n'],
    ['duplicate keys in flow', 'a: {b: 1, b: 2}\n'],
    ['a tab', 'a:\tb\n'],
    ['an unclosed quote', 'a: "b\n'],
    ['a colon in a value', 'a: b: c\n'],
    ['a wrong indent', 'a: 1\n b: 2\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a merge key', 'a: {b: 1}\nc:\n  <<: {b: 1}\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a document marker', '---\na: 1\n'],
    ['a quoted key', '"a": 1\n'],
    ['a boolean key', 'true: 1\n'],
    ['keep chomping', 'a: |+\n  x\n\n'],
    ['an indentation indicator', 'a: |2\n  x\n'],
    ['a lone carriage return', 'a: x\rb: y\n'],
    ['a byte order mark', '\ufeffa: 1\n'],
    ['a list at the top', '- a\n']
  ])('gives up on %s', (_, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  // Random documents in the shape of deck files, from tricky pieces, with mistakes mixed in.
  const key = fc.oneof(
    { weight: 20, arbitrary: fc.constantFrom('a', 'b', 'id', 'x-y', '_k', 'K9') },
    { weight: 1, arbitrary: fc.constantFrom('true', 'null', '1', 'a b', '"q"', "'q'", '<<', '__proto__', 'é', '? a') }
  );
  const char = fc.oneof(
    {
      weight: 12,
      arbitrary: fc.constantFrom(...'a Z 0 1 . - + e x : # " \' \\ [ ] { } , & * ! | > ? % ~ @ `'.split(' '))
    },
    { weight: 4, arbitrary: fc.constantFrom(' ', 'é', '\u00a0', '😀') },
    { weight: 1, arbitrary: fc.constantFrom('\t', '\r') }
  );
  const text = fc.array(char, { maxLength: 8 }).map((cs) => cs.join(''));
  const tricky = fc.oneof(
    fc.constantFrom('~', 'null', 'True', 'FALSE', 'yes', '0o17', '0x1f', '017', '1_0', '-0', '+1', '.5', '1.', '1e3'),
    fc.constantFrom('.inf', '-.INF', '.NaN', "'it''s'", '"a\\"b"', '"\\u00e9\\x41"', '"\\q"', '[]', '{}', '-', '-x'),
    fc.constantFrom('[a, b]', '[a,]', '[ "a", [b] ]', '{a: 1}', '{ a: [1], b: c }', '{a:1}', '&x a', '*x', '!t a'),
    fc.constantFrom('{{x}}', 'a, b', "'open", '"open', 'x # c', 'x#c', 'a: b', 'x:', '- x', '? x', ':x', '%x', '@x'),
    text,
    text.map((t) => `"${t}"`),
    text.map((t) => `'${t}'`),
    text.map((t) => `[${t}]`),
    text.map((t) => `{a: ${t}}`)
  );
  const scalar = fc.oneof(
    { weight: 5, arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 .,?!'"()-]{0,12}$/) },
    { weight: 1, arbitrary: fc.integer().map(String) },
    { weight: 2, arbitrary: tricky }
  );
  const blockScalar = fc
    .tuple(
      fc.constantFrom('|', '>', '|-', '>-', '>-', '|-', '|+', '>2', '>- #c'),
      fc.array(fc.tuple(fc.oneof(fc.constant(1), fc.nat(3)), fc.oneof(scalar, text)), { maxLength: 4 })
    )
    .map(([header, lines]) => ({ header, lines }));
  type Tree = string | { header: string; lines: [number, string][] } | { list: Tree[] } | { map: [string, Tree][] };
  const { tree } = fc.letrec<{ tree: Tree; list: Tree; map: Tree }>((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, scalar, blockScalar, tie('list'), tie('map')),
    list: fc.array(tie('tree'), { minLength: 1, maxLength: 3 }).map((list) => ({ list })),
    map: fc.array(fc.tuple(key, tie('tree')), { minLength: 1, maxLength: 3 }).map((map) => ({ map }))
  }));
  const layout = fc.record({ step: fc.integer({ min: 1, max: 4 }), listInline: fc.boolean(), extra: fc.nat(3) });

  /** Lines of `t` as the value after `head`, a key or a dash at column `at`. */
  function render(t: Tree, at: number, head: string, options: fc.RecordValue<typeof layout>): string[] {
    const { step, listInline, extra } = options;
    if (typeof t === 'string') return [`${head} ${t}`];
    if ('header' in t) return [`${head} ${t.header}`, ...t.lines.map(([n, l]) => ' '.repeat(at + step + n - 1) + l)];
    const inner = at + step;
    if ('map' in t) return [head, ...t.map.flatMap(([k, v]) => render(v, inner, `${' '.repeat(inner)}${k}:`, options))];
    const listAt = listInline && head.endsWith(':') ? at : inner;
    const dash = `${' '.repeat(listAt)}-${' '.repeat(1 + (extra % 2))}`;
    const items = t.list.flatMap((item) => {
      if (typeof item === 'object' && 'map' in item && listInline) {
        const col = dash.length;
        return item.map.flatMap(([k, v], i) => render(v, col, `${i ? ' '.repeat(col) : dash}${k}:`, options));
      }
      return render(item, listAt, dash.trimEnd(), options);
    });
    return [head, ...items];
  }

  const mutation = fc.tuple(
    fc.nat(),
    fc.nat(),
    fc.constantFrom('delete', 'insert', 'copy', 'indent', 'dedent', 'comment', 'blank'),
    char
  );
  function mutate(lines: string[], [at, col, kind, ch]: [number, number, string, string]): string[] {
    const out = [...lines];
    const i = at % out.length;
    const line = out[i];
    const c = col % (line.length + 1);
    if (kind === 'delete') out[i] = line.slice(0, c) + line.slice(c + 1);
    if (kind === 'insert') out[i] = line.slice(0, c) + ch + line.slice(c);
    if (kind === 'copy') out.splice(i, 0, line);
    if (kind === 'indent') out[i] = ' ' + line;
    if (kind === 'dedent') out[i] = line.replace(/^ /, '');
    if (kind === 'comment') out.splice(i, 0, `${' '.repeat(c)}# c`);
    if (kind === 'blank') out.splice(i, 0, ' '.repeat(c % 4));
    return out;
  }
  const randomDoc = fc
    .tuple(
      fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 4 }),
      layout,
      fc.oneof(fc.constant([]), fc.array(mutation, { minLength: 1, maxLength: 2 })),
      fc.boolean()
    )
    .map(([top, options, mutations, newline]) => {
      const lines = top.flatMap(([k, v]) => render(v, 0, `${k}:`, options));
      return mutations.reduce(mutate, lines).join('\n') + (newline ? '\n' : '');
    });

  it('never disagrees with yaml on random documents', () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(randomDoc, (text) => {
        runs++;
        if (readPlainYaml(text) !== undefined) read++;
        return agrees(text);
      }),
      { numRuns: 5000 * RUNS }
    );
    // The test means little unless a fair share of the documents are read, not given up on.
    expect(read / runs).toBeGreaterThan(0.1);
  });

  // Values as yaml writes them, in block and flow style, must read back.
  const leaf = fc.oneof(
    fc.string({ unit: char, maxLength: 12 }),
    fc.string({ maxLength: 6 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null)
  );
  const plainKey = fc.stringMatching(/^[a-z_][a-z0-9_-]{0,6}$/).filter((k) => !['null', 'true', 'false'].includes(k));
  const { data } = fc.letrec((tie) => ({
    data: fc.oneof({ depthSize: 'small' }, leaf, tie('list'), tie('map')),
    list: fc.array(tie('data'), { maxLength: 4 }),
    map: fc.dictionary(plainKey, tie('data'), { maxKeys: 4 })
  }));
  const doc = fc.dictionary(plainKey, data, { minKeys: 1, maxKeys: 5 });

  it('reads values as yaml writes them', () => {
    let read = 0;
    fc.assert(
      fc.property(doc, fc.constantFrom(1, 2, 4), fc.boolean(), (value, indent, flow) => {
        const text = stringify(value, { indent, collectionStyle: flow ? 'flow' : 'any', lineWidth: 0 });
        if (readPlainYaml(text) !== undefined) read++;
        return agrees(text);
      }),
      { numRuns: 2000 * RUNS }
    );
    expect(read / (2000 * RUNS)).toBeGreaterThan(0.2);
  });
});
