/**
 * Every regular expression in the app and its build scripts, checked with recheck (a ReDoS analyser:
 * automata theory, then fuzzing) for super-linear backtracking. Deck text, imported files and backups
 * reach most of them; one that backtracks catastrophically freezes the page (issue 21: a run of 4,000
 * backticks froze a quiz for 175 s). Patterns are found in the source with the TypeScript parser, so
 * a new one is checked without being listed; `new RegExp(...)` must be built from constants.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const FOLDERS = ['src', 'scripts'];

/**
 * Files that join regular expression literals into one (`[/a/, /b/].map((re) => re.source)`): each
 * part is a literal checked on its own, and an alternation of linear parts stays linear.
 */
const JOINED = new Set(['scripts/fast-yaml.ts']);

/**
 * Patterns recheck's fuzzing flags that are linear all the same, each with why. Only for trusted
 * input: the build reads the team's own content files.
 */
const ACCEPTED = new Map([
  [
    String.raw`/[0-9]{100}|0x[0-9a-fA-F]{90}|[0-9.][eE]\+?(?:[2-9][0-9]{2}|[0-9]{4})/`,
    'scripts/fast-yaml.ts: bounded runs ({100}, {90}) cost at most 100 steps a position; build time only'
  ]
]);

interface Found {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.(?:ts|svelte)$/.test(e.name) && !/\.(?:test|d)\.ts$/.test(e.name) ? [path] : [];
  });
}

/** The script blocks of a Svelte file, everything else blanked so that lines keep their numbers. */
function scriptOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.svelte')) return text;
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  let out = '';
  let last = 0;
  for (const m of text.matchAll(/(<script\b[^>]*>)([\s\S]*?)<\/script>/g)) {
    const start = m.index + m[1].length;
    out += blank(text.slice(last, start)) + m[2];
    last = start + m[2].length;
  }
  return out + blank(text.slice(last));
}

/** The string an expression always evaluates to, when it is built from literals and constants only. */
function fold(node: ts.Expression, file: ts.SourceFile): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return fold(node.expression, file);
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) {
      const value = fold(span.expression, file);
      if (value === undefined) return undefined;
      out += value + span.literal.text;
    }
    return out;
  }
  if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === 'String.raw') {
    const t = node.template;
    if (ts.isNoSubstitutionTemplateLiteral(t)) return t.rawText;
    let out = t.head.rawText ?? '';
    for (const span of t.templateSpans) {
      const value = fold(span.expression, file);
      if (value === undefined) return undefined;
      out += value + (span.literal.rawText ?? '');
    }
    return out;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const [a, b] = [fold(node.left, file), fold(node.right, file)];
    return a === undefined || b === undefined ? undefined : a + b;
  }
  if (ts.isIdentifier(node)) {
    let value: string | undefined;
    const visit = (n: ts.Node): void => {
      if (
        ts.isVariableDeclaration(n) &&
        ts.isIdentifier(n.name) &&
        n.name.text === node.text &&
        n.initializer &&
        ts.isVariableDeclarationList(n.parent) &&
        n.parent.flags & ts.NodeFlags.Const
      )
        value = fold(n.initializer, file);
      else ts.forEachChild(n, visit);
    };
    visit(file);
    return value;
  }
  return undefined;
}

function patternsIn(path: string): { found: Found[]; dynamic: string[] } {
  const file = ts.createSourceFile(path, scriptOf(path), ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const dynamic: string[] = [];
  const where = (n: ts.Node) =>
    `${relative(ROOT, path)}:${file.getLineAndCharacterOfPosition(n.getStart(file)).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(n)) {
      const slash = n.text.lastIndexOf('/');
      found.push({ where: where(n), source: n.text.slice(1, slash), flags: n.text.slice(slash + 1) });
    } else if (
      (ts.isNewExpression(n) || ts.isCallExpression(n)) &&
      ts.isIdentifier(n.expression) &&
      n.expression.text === 'RegExp'
    ) {
      const [pattern, flags] = n.arguments ?? [];
      const source = pattern && fold(pattern, file);
      const flagText = flags ? fold(flags, file) : '';
      if (source === undefined || flagText === undefined) dynamic.push(where(n));
      else found.push({ where: where(n), source, flags: flagText });
    }
    ts.forEachChild(n, visit);
  };
  visit(file);
  return { found, dynamic };
}

const all = FOLDERS.flatMap((f) => sourceFiles(join(ROOT, f))).map(patternsIn);
const patterns = all.flatMap((p) => p.found);

describe('regular expressions', () => {
  it('are found in the source (the scan works)', () => {
    expect(patterns.length).toBeGreaterThan(50);
    expect(patterns.some((p) => p.where.startsWith('src/lib/domain/plain-text.ts'))).toBe(true);
  });

  it('are all built from constants, so each can be checked', () => {
    expect(all.flatMap((p) => p.dynamic).filter((where) => !JOINED.has(where.replace(/:\d+$/, '')))).toEqual([]);
  });

  it('none can backtrack super-linearly (recheck)', { timeout: 600_000 }, () => {
    const unsafe: string[] = [];
    const seen = new Map<string, string>();
    for (const { where, source, flags } of patterns) {
      const key = `/${source}/${flags}`;
      let verdict = seen.get(key);
      if (verdict === undefined) {
        // A fixed seed: recheck's fuzzing is random, and a verdict must not change from run to run.
        const result = checkSync(source, flags, { timeout: 30_000, randomSeed: 21 });
        verdict =
          result.status === 'safe'
            ? ''
            : result.status === 'vulnerable'
              ? `${result.complexity.summary}, attack ${result.attack.pattern}`
              : `${result.status}: ${result.error.kind}`;
        seen.set(key, verdict);
      }
      if (verdict && !ACCEPTED.has(key)) unsafe.push(`${where} ${key}: ${verdict}`);
    }
    expect(unsafe).toEqual([]);
  });
});
