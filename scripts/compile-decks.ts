/**
 * Reads the content folder: every `*.source.yaml`, then every `*.deck.yaml`, checked one by one
 * and against each other (ids unique across files). Problem paths are relative to the working
 * directory so terminals and editors can open them.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { parseDeckText, parseSourceText, yamlPosition } from '../src/lib/domain/deck-parse';
import type { Deck, Source } from '../src/lib/domain/deck.schema';
import { bundleDeckMedia, type DeckMediaProblem } from './deck-media';
import type { DeckFileProblem, DeckProblem } from '../src/lib/domain/problems';
import { RESERVED_DECK_IDS } from '../src/lib/domain/reserved-ids';
import { readFastYaml } from './fast-yaml';

export type CompileResult = {
  decks: Deck[];
  sources: Source[];
  problems: DeckProblem[];
  /** Images and sounds the decks show, `<hash>.<ext>` → the file beside a deck (deck-media.ts). */
  media: Map<string, string>;
};

const DECK = '.deck.yaml';
const SOURCE = '.source.yaml';

/** Compiles every deck and source under `contentDir`. */
export async function compileContentDir(contentDir: string): Promise<CompileResult> {
  const files = classify(await listYaml(contentDir));
  const result = await compileFiles(files.sources, files.decks, files.others);
  return {
    decks: result.decks.map((d) => d.deck),
    sources: result.sources.map((s) => s.source),
    problems: result.problems,
    media: result.media
  };
}

/** Checks only `paths`; the sources of `contentDir` are still loaded so decks can name them by id. */
export async function checkFiles(paths: string[], contentDir = 'content'): Promise<CompileResult> {
  const given = [...new Set(paths.map((p) => path.resolve(p)))];
  const asked = classify(given);
  const fromDir = classify(await listYaml(contentDir)).sources.filter((f) => !given.includes(f));
  const result = await compileFiles([...fromDir, ...asked.sources], asked.decks, asked.others);
  const shown = new Set(given.map(display));
  return {
    decks: result.decks.map((d) => d.deck),
    sources: result.sources.filter((s) => shown.has(s.file)).map((s) => s.source),
    problems: result.problems.filter((p) => shown.has(p.path)),
    media: result.media
  };
}

/** Checks every file and the ids across them; returns what is valid and every problem, sorted by file and place. */
async function compileFiles(sourceFiles: string[], deckFiles: string[], otherFiles: string[]) {
  const problems: DeckProblem[] = [];
  const sources: { source: Source; file: string }[] = [];
  const sourceFileById = new Map<string, string>();
  const brokenSourceFileById = new Map<string, string>();

  for (const file of sourceFiles) {
    const text = await readText(file, problems);
    if (text === undefined) continue;
    const parsed = parseSourceText(text, display(file), readFastYaml);
    problems.push(...parsed.problems);
    if (!parsed.source) {
      const id = rawId(text);
      if (id && !brokenSourceFileById.has(id)) brokenSourceFileById.set(id, display(file));
      continue;
    }
    const first = sourceFileById.get(parsed.source.id);
    if (first) problems.push(at(file, text, { code: 'duplicate-source-file', id: parsed.source.id, first }));
    else {
      sourceFileById.set(parsed.source.id, display(file));
      sources.push({ source: parsed.source, file: display(file) });
    }
  }

  const known = new Map(sources.map((s) => [s.source.id, s.source]));
  const decks: { deck: Deck; file: string }[] = [];
  const deckFileById = new Map<string, string>();
  const media = new Map<string, string>();
  for (const file of deckFiles) {
    const text = await readText(file, problems);
    if (text === undefined) continue;
    const parsed = parseDeckText(text, display(file), known, readFastYaml);
    problems.push(...parsed.problems.map((p) => explainBrokenSource(p, brokenSourceFileById)));
    if (!parsed.deck) continue;
    const first = deckFileById.get(parsed.deck.id);
    if (first) problems.push(at(file, text, { code: 'duplicate-deck-file', id: parsed.deck.id, first }));
    else if (RESERVED_DECK_IDS.has(parsed.deck.id))
      problems.push(at(file, text, { code: 'reserved-deck-id', id: parsed.deck.id }));
    else {
      // Media files are kept beside the deck: in its folder or below.
      const bundled = await bundleDeckMedia(parsed.deck, file, text, path.dirname(file));
      problems.push(...bundled.problems.map((p) => mediaProblem(file, text, p)));
      for (const [name, from] of bundled.files) media.set(name, from);
      deckFileById.set(parsed.deck.id, display(file));
      decks.push({ deck: bundled.deck, file: display(file) });
    }
  }

  for (const file of otherFiles) {
    const name = path.basename(file).replace(/(\.deck|\.source)?\.[^.]*$/, '');
    problems.push({ path: display(file), line: 1, col: 1, problem: { code: 'not-deck-or-source', name } });
  }

  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line || a.col - b.col));
  return { decks, sources, problems, media };
}

function mediaProblem(file: string, text: string, p: DeckMediaProblem): DeckProblem {
  const before = text.slice(0, p.offset).split('\n');
  const where = { path: display(file), line: before.length, col: before[before.length - 1].length + 1 };
  const problem: DeckFileProblem =
    p.code === 'media-too-large'
      ? { code: p.code, ref: p.ref, bytes: p.bytes, limit: p.limit }
      : { code: p.code === 'media-outside-content' ? 'media-outside-deck-folder' : p.code, ref: p.ref };
  return { ...where, problem };
}

/** A deck naming a source whose own file is broken gets told so, not that the source is missing. */
function explainBrokenSource(p: DeckProblem, broken: Map<string, string>): DeckProblem {
  if (p.problem.code !== 'unknown-source') return p;
  const { id } = p.problem;
  const file = broken.get(id);
  return file ? { ...p, problem: { code: 'broken-source', id, file } } : p;
}

function at(file: string, text: string, problem: DeckFileProblem): DeckProblem {
  return { path: display(file), ...yamlPosition(text, ['id']), problem };
}

function rawId(text: string): string | undefined {
  try {
    const data: unknown = parse(text);
    const id = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).id : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

async function readText(file: string, problems: DeckProblem[]): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    const problem: DeckFileProblem =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? { code: 'file-not-found' }
        : { code: 'file-unreadable', detail: String(e) };
    problems.push({ path: display(file), line: 1, col: 1, problem });
    return undefined;
  }
}

function classify(files: string[]) {
  return {
    sources: files.filter((f) => f.endsWith(SOURCE)),
    decks: files.filter((f) => f.endsWith(DECK)),
    others: files.filter((f) => !f.endsWith(SOURCE) && !f.endsWith(DECK))
  };
}

/** Every .yaml/.yml file under `dir`, absolute, in a stable order; none if `dir` does not exist. */
async function listYaml(dir: string): Promise<string[]> {
  const root = path.resolve(dir);
  let entries;
  try {
    entries = await readdir(root, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function display(file: string): string {
  return path.relative(process.cwd(), path.resolve(file)).split(path.sep).join('/');
}
