/**
 * Deck compile in Node: a generated deck of 10,000 cards of every type, citing a source, written as a
 * content folder and compiled the way `npm run decks` does (YAML parse, zod schema, cross-checks,
 * then the JSON it would write), timed `runs` times.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { compileContentDir } from '../scripts/compile-decks';

const SOURCE_ID = 'bench-source';

function card(i: number): Record<string, unknown> {
  const id = `card-${i}`;
  const base = { id, kind: 'fact', cite: { source: SOURCE_ID, paragraphs: [1 + (i % 8)] } };
  switch (i % 6) {
    case 0:
      return { ...base, type: 'basic', front: `What is fact number ${i}?`, back: `It is answer ${i}.` };
    case 1:
      return { ...base, type: 'reverse', front: `Term ${i}`, back: `Definition of term ${i}` };
    case 2:
      return { ...base, type: 'cloze', text: `The value of item ${i} is {{${i * 3}}} and its code is {{C${i}}}.` };
    case 3:
      return { ...base, type: 'typed', front: `Type the code of item ${i}.`, answer: `C${i}`, accept: [`c-${i}`] };
    case 4:
      return {
        ...base,
        type: 'choice',
        front: `Which number belongs to item ${i}?`,
        answer: String(i),
        options: [String(i), String(i + 1), String(i + 2), String(i + 3)]
      };
    default:
      return {
        ...base,
        type: 'truefalse',
        front: `Item ${i} is even.`,
        answer: i % 2 === 0,
        explanation: `It is ${i}.`
      };
  }
}

export function writeContent(dir: string, cards: number): void {
  writeFileSync(
    path.join(dir, `${SOURCE_ID}.source.yaml`),
    stringify({
      id: SOURCE_ID,
      title: 'A generated source',
      author: 'Benchmark',
      publisher: 'Factdeck',
      date: '2026-01-01',
      paragraphs: 8
    })
  );
  const deck = {
    id: 'bench-10k',
    title: 'Generated deck of 10,000 cards',
    description: 'Every card type, each citing the generated source.',
    language: 'en',
    tags: ['bench'],
    sources: [SOURCE_ID],
    cards: Array.from({ length: cards }, (_, i) => card(i))
  };
  writeFileSync(path.join(dir, 'bench-10k.deck.yaml'), stringify(deck));
}

export interface CompileRun {
  times: number[];
  cards: number;
  problems: number;
  bytes: number;
}

export async function benchCompile(cards: number, runs: number): Promise<CompileRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'factdeck-bench-content-'));
  try {
    writeContent(dir, cards);
    const bytes = readFileSync(path.join(dir, 'bench-10k.deck.yaml')).length;
    const times: number[] = [];
    let compiled = 0;
    let problems = 0;
    for (let i = 0; i < runs + 1; i++) {
      const t0 = performance.now();
      const result = await compileContentDir(dir);
      for (const deck of result.decks) JSON.stringify(deck);
      const ms = performance.now() - t0;
      if (i > 0) times.push(ms); // the first run warms up the JIT
      compiled = result.decks.reduce((n, d) => n + d.cards.length, 0);
      problems = result.problems.length;
    }
    return { times, cards: compiled, problems, bytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
