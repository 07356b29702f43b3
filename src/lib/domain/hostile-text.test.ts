/**
 * Deck and file text shaped like the attack strings of a ReDoS analyser (a prefix, one short piece
 * repeated thousands of times, a suffix) through every function that runs patterns over it. A
 * linear function takes a few milliseconds on these; the backtracking ones froze the page for
 * seconds to minutes (issue 21). The bound is generous so that a busy machine does not fail it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnswer, normalizeAnswer } from './answer-check';
import { answerSort } from './answer-sort';
import { answerPool, pickDistractors } from './distractors';
import { htmlToText } from './import/anki-html';
import { cardIdMaker, slugify } from './import/card-ids';
import { parseImport } from './import/parse-import';
import { cardPrompt } from './paragraph-map';
import { plainText } from './plain-text';
import { createRandom } from './random';

/**
 * A guard against a hang, not a speed target (npm run bench measures speed): the inputs that froze a
 * page took minutes, so the bound sits far above any loaded machine's time for linear work, and
 * src/regex-safety.test.ts rules out polynomial backtracking by analysis.
 */
const LIMIT_MS = 5_000;

/** Characters that open or close something in Markdown, HTML, CSV, Anki headers or cloze text. */
const piece = fc.string({
  unit: fc.constantFrom(
    ...'`*_~[]()!<>&#;:\\"\'{}@.,-|= \t\n\r\u0000aZ1/'.split(''),
    '```',
    '~~~',
    '<a',
    '<br',
    '<!--',
    '-->',
    '<style',
    '{{',
    '}}',
    '::',
    '](',
    '&#',
    '\u00a0',
    '\u2028'
  ),
  minLength: 1,
  maxLength: 6
});
const attack = fc
  .record({
    prefix: fc.string({ maxLength: 4 }),
    pump: piece,
    suffix: piece,
    size: fc.integer({ min: 2_000, max: 10_000 })
  })
  .map(({ prefix, pump, suffix, size }) => prefix + pump.repeat(Math.ceil(size / pump.length)) + suffix);

/** Attack strings recheck reported for the patterns that were replaced. */
const KNOWN = [
  '`'.repeat(4_000),
  '``'.repeat(2_000),
  '~~~\r'.repeat(1_500),
  '*\u0000' + '\t*\u0000'.repeat(1_500) + '\u0000',
  '_' + '\t_\u0000'.repeat(1_500),
  '\n[\n'.repeat(2_000),
  '<A@\u0000' + '.:'.repeat(3_000) + '<',
  ' ' + '\u0000'.repeat(6_000) + '\n',
  '[a](b' + ' '.repeat(6_000),
  "'<A'".repeat(2_000) + '"<A>',
  'E' + '<P\u0000R'.repeat(2_000),
  '<!--'.repeat(2_000),
  'P' + '<STYLE\u00000'.repeat(1_000),
  '<BR\u0000'.repeat(2_000),
  '\t'.repeat(6_000) + '\n\u0000',
  '\u0000' + '-'.repeat(6_000) + '-\u0000',
  '{{::'.repeat(2_000),
  '1. '.repeat(3_000),
  '*a'.repeat(5_000)
];

/** The import reads files in a worker, where a slow file delays the preview but freezes nothing. */
const WORKER_LIMIT_MS = 20_000;

function quick(name: string, run: () => unknown, limit = LIMIT_MS): void {
  const start = performance.now();
  run();
  const ms = performance.now() - start;
  expect(ms, `${name} took ${Math.round(ms)} ms`).toBeLessThan(limit);
}

const checks: [string, (text: string) => unknown][] = [
  ['plainText', plainText],
  ['normalizeAnswer', normalizeAnswer],
  ['checkAnswer', (text) => checkAnswer(text.slice(0, 200), text)],
  ['checkAnswer against itself', (text) => checkAnswer(text + 'x', text)],
  ['answerSort', (text) => answerSort({ prompt: text, answer: text, position: 'back' })],
  ['answerSort of a deletion', (text) => answerSort({ prompt: text, answer: text, position: 'cloze', hint: text })],
  ['htmlToText', htmlToText],
  ['cardPrompt', (text) => cardPrompt({ id: 'c', type: 'cloze', text })],
  ['slugify', slugify],
  ['cardIdMaker', (text) => cardIdMaker()(text)]
];

describe('hostile text', () => {
  it.each(checks)('%s is quick on the attack strings recheck found', (name, run) => {
    for (const text of KNOWN) quick(`${name}(${JSON.stringify(text.slice(0, 12))}…)`, () => run(text));
  });

  it.each(checks)('%s is quick on any pumped string', (name, run) => {
    fc.assert(
      fc.property(attack, (text) => quick(name, () => run(text))),
      { numRuns: 60 }
    );
  });

  it('distractors are quick among long, nearly equal answers', () => {
    const answers = Array.from({ length: 40 }, (_, i) => ({
      cardId: `c${i}`,
      answer: 'a'.repeat(9_990) + i,
      sort: 'thing'
    }));
    quick('pickDistractors', () => {
      const pool = answerPool(answers);
      const target = { cardId: 'c0', prompt: 'x', answer: answers[0].answer, accept: [], sort: 'thing' };
      pickDistractors(target, pool, 3, createRandom(1));
    });
  });

  it('a whole file of pumped text is read (or refused) quickly in every format', () => {
    fc.assert(
      fc.property(attack, fc.constantFrom('d.csv', 'd.tsv', 'd.txt', 'd.json', 'd.yaml', undefined), (text, fileName) =>
        quick(`parseImport(${fileName})`, () => parseImport({ text, fileName }), WORKER_LIMIT_MS)
      ),
      { numRuns: 60 }
    );
  });
});
