import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { problems } from '../src/lib/text/en/problems';
import { summarize } from '../src/lib/domain/deck-summary';
import { checkFiles, compileContentDir } from './compile-decks';

const root = fileURLToPath(new URL('..', import.meta.url));
const shown = (file: string) => path.relative(process.cwd(), file).split(path.sep).join('/');

const SOURCE = [
  'id: bbc-2020-report',
  'title: A report',
  'author: A. Writer',
  'publisher: BBC',
  'date: "2020-08-25"',
  'paragraphs: 4',
  ''
].join('\n');

function deckText(id: string, cards = '  - { id: a, type: basic, front: f, back: b }', extra = ''): string {
  return `id: ${id}\ntitle: ${id}\ndescription: A deck.\nlanguage: en\n${extra}cards:\n${cards}\n`;
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'factdeck-decks-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, text: string): Promise<string> {
  const file = path.join(dir, name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
  return file;
}

describe('compileContentDir', () => {
  it('resolves source ids across files and folders', async () => {
    await put('sources/bbc.source.yaml', SOURCE);
    const cite = '    kind: fact\n    cite: { source: bbc-2020-report, paragraphs: [4] }';
    await put(
      'decks/news.deck.yaml',
      deckText('news', `  - id: a\n    type: basic\n    front: f\n    back: b\n${cite}`, 'sources: [bbc-2020-report]\n')
    );
    const result = await compileContentDir(dir);
    expect(result.problems).toEqual([]);
    expect(result.sources.map((s) => s.id)).toEqual(['bbc-2020-report']);
    expect(result.decks.map((d) => d.id)).toEqual(['news']);
    expect(result.decks[0].sources?.[0].title).toBe('A report');
  });

  it('reports a duplicate deck id at the second file, naming the first', async () => {
    const first = await put('a.deck.yaml', deckText('capitals'));
    const second = await put('b.deck.yaml', deckText('capitals'));
    const result = await compileContentDir(dir);
    expect(result.problems.map(problems.line)).toEqual([
      `${shown(second)}:1:5: duplicate deck id "capitals": ${shown(first)} already uses it; deck ids must be unique`
    ]);
    expect(result.decks).toHaveLength(1);
  });

  it('compiles YAML beyond what the fast reader takes, and places problems in it', async () => {
    const card = '  - id: a\n    type: basic\n    front: &f a question\n      on two lines\n    back: *f';
    await put('fancy.deck.yaml', deckText('fancy', card));
    const [deck] = (await compileContentDir(dir)).decks;
    expect(deck.cards[0]).toMatchObject({ front: 'a question on two lines', back: 'a question on two lines' });

    const broken = await put('fancy.deck.yaml', deckText('fancy', card.replace('back', 'bakc')));
    expect((await compileContentDir(dir)).problems.map(problems.line)).toEqual([
      `${shown(broken)}:6:5: card "a": missing field "back"`,
      `${shown(broken)}:10:5: unknown field "bakc" in card "a"; did you mean "back"?`
    ]);
  });

  it('reports a duplicate source id at the second file', async () => {
    const first = await put('a.source.yaml', SOURCE);
    const second = await put('b.source.yaml', SOURCE);
    expect((await compileContentDir(dir)).problems.map(problems.line)).toEqual([
      `${shown(second)}:1:5: duplicate source id "bbc-2020-report": ${shown(first)} already uses it; source ids must be unique`
    ]);
  });

  it('says how to name a YAML file that is neither a deck nor a source', async () => {
    const file = await put('capitals.yml', deckText('capitals'));
    expect((await compileContentDir(dir)).problems.map(problems.line)).toEqual([
      `${shown(file)}:1:1: this file is neither a deck nor a source: name a deck "capitals.deck.yaml" and a source "capitals.source.yaml"`
    ]);
  });

  it('blames a broken source file, not the deck that names it', async () => {
    const source = await put('bbc.source.yaml', SOURCE.replace('publisher: BBC\n', ''));
    const card =
      '  - { id: a, type: basic, front: f, back: b, kind: fact, cite: { source: bbc-2020-report, paragraphs: [1] } }';
    const deck = await put('news.deck.yaml', deckText('news', card, 'sources: [bbc-2020-report]\n'));
    expect((await compileContentDir(dir)).problems.map(problems.line)).toEqual([
      `${shown(source)}:1:1: missing field "publisher"`,
      `${shown(deck)}:5:11: source "bbc-2020-report" cannot be used until the problems in ${shown(source)} are fixed`
    ]);
  });

  it('refuses the deck id "index", which would overwrite the deck list', async () => {
    const file = await put('index.deck.yaml', deckText('index'));
    expect((await compileContentDir(dir)).problems.map(problems.line)).toEqual([
      `${shown(file)}:1:5: deck id "index" is reserved for the list of decks; choose another id`
    ]);
  });
});

describe('checkFiles', () => {
  it('checks only the given files, resolving sources from the content folder', async () => {
    await put('bbc.source.yaml', SOURCE);
    await put('broken.deck.yaml', 'id: [');
    const cite = '    kind: fact\n    cite: { source: bbc-2020-report, paragraphs: [5] }';
    const deck = await put(
      'news.deck.yaml',
      deckText('news', `  - id: a\n    type: basic\n    front: f\n    back: b\n${cite}`, 'sources: [bbc-2020-report]\n')
    );
    expect((await checkFiles([deck], dir)).problems.map(problems.line)).toEqual([
      `${shown(deck)}:12:51: card "a": cites paragraph 5, but source "bbc-2020-report" has only 4 paragraphs`
    ]);
  });

  it('reports a file that does not exist', async () => {
    const missing = path.join(dir, 'nope.deck.yaml');
    expect((await checkFiles([missing], dir)).problems.map(problems.line)).toEqual([
      `${shown(missing)}:1:1: file not found`
    ]);
  });
});

describe('summarize', () => {
  it('counts reverse cards twice and cloze cards once per deletion', async () => {
    const cards = [
      '  - { id: a, type: basic, front: f, back: b }',
      '  - { id: b, type: reverse, front: f, back: b }',
      '  - { id: c, type: cloze, text: "{{one}} and {{two}} and {{three}}" }',
      '  - { id: d, type: truefalse, front: f, answer: true }'
    ].join('\n');
    await put('count.deck.yaml', deckText('count', cards, 'sources: []\n'));
    const [deck] = (await compileContentDir(dir)).decks;
    expect(summarize(deck)).toEqual({
      id: 'count',
      title: 'count',
      description: 'A deck.',
      language: 'en',
      tags: [],
      cardCount: 4,
      itemCount: 7,
      sourceIds: []
    });
  });
});

describe('the real content folder', () => {
  it('compiles with no problems', async () => {
    const result = await compileContentDir(path.join(root, 'content'));
    expect(result.problems.map(problems.line)).toEqual([]);
    expect(result.decks.map((d) => d.id)).toContain('world-capitals');
  });

  it('holds a sample deck with every card type', async () => {
    const { decks } = await compileContentDir(path.join(root, 'content'));
    const sample = decks.find((d) => d.id === 'world-capitals')!;
    expect(new Set(sample.cards.map((c) => c.type))).toEqual(
      new Set(['basic', 'reverse', 'cloze', 'typed', 'choice', 'truefalse'])
    );
  });
});

describe('npm run decks:check', () => {
  it('prints path:line:col for each problem and exits with 1', async () => {
    const file = await put(
      'bad.deck.yaml',
      deckText('bad', '  - id: a\n    type: basic\n    front: f\n  - id: b\n    type: basic\n    fornt: f\n    back: b')
    );
    const run = promisify(execFile)('npx', ['tsx', 'scripts/decks.ts', '--check', file], { cwd: root });
    const error = await run.then(
      () => undefined,
      (e: { code: number; stderr: string; stdout: string }) => e
    );
    const name = path.relative(root, file).split(path.sep).join('/');
    expect(error?.code).toBe(1);
    expect(error?.stderr.trim().split('\n')).toEqual([
      `${name}:6:5: card "a": missing field "back"`,
      `${name}:9:5: card "b": missing field "front"`,
      `${name}:11:5: unknown field "fornt" in card "b"; did you mean "front"?`,
      '3 problems in 1 file'
    ]);
    expect(error?.stdout).toBe('');
  }, 30_000);

  it('prints ok and exits with 0 for a good file', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'scripts/decks.ts', '--check', 'content/sample-world-capitals.deck.yaml'],
      { cwd: root }
    );
    expect(stdout).toBe('ok: 1 deck, 9 cards\n');
  }, 30_000);
});
