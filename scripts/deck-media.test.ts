import { mkdtempSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Deck } from '../src/lib/domain/deck.schema';
import { bundleDeckMedia, writeDeckMedia } from './deck-media';

const dir = mkdtempSync(path.join(os.tmpdir(), 'deck-media-'));
const content = path.join(dir, 'content');
mkdirSync(path.join(content, 'media'), { recursive: true });
const png = Buffer.from('89504e470d0a1a0a', 'hex');
writeFileSync(path.join(content, 'peru flag.png'), png);
writeFileSync(path.join(content, 'media', 'hola.mp3'), Buffer.from('ID3'));
writeFileSync(path.join(content, 'notes.pdf'), Buffer.from('%PDF'));
writeFileSync(path.join(dir, 'secret.png'), png);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const deck = (cards: Deck['cards']): Deck => ({
  id: 'd',
  title: 'D',
  description: 'D',
  language: 'en',
  tags: [],
  cards
});

describe('media kept beside a deck in content/', () => {
  it('rewrites relative images and sounds to content-addressed references, leaving web addresses alone', async () => {
    const {
      deck: out,
      files,
      problems
    } = await bundleDeckMedia(
      deck([
        {
          id: 'a',
          type: 'basic',
          front: 'Flag? ![Flag of Peru](peru%20flag.png)',
          back: 'Peru ![](https://x.org/a.png)'
        },
        {
          id: 'b',
          type: 'cloze',
          text: '{{Hola}} ![](media/hola.mp3)',
          explanation: 'again ![Flag of Peru](peru%20flag.png)'
        }
      ]),
      path.join(content, 'd.deck.yaml'),
      '',
      content
    );
    expect(problems).toEqual([]);
    expect(out.cards[0]).toMatchObject({
      front: `Flag? ![Flag of Peru](media:${sha(png)}.png)`,
      back: 'Peru ![](https://x.org/a.png)'
    });
    expect(out.cards[1]).toMatchObject({ text: `{{Hola}} ![](media:${sha(Buffer.from('ID3'))}.mp3)` });
    expect([...files.keys()].sort()).toEqual([`${sha(Buffer.from('ID3'))}.mp3`, `${sha(png)}.png`].sort());

    const out2 = path.join(dir, 'static-media');
    mkdirSync(out2);
    writeFileSync(path.join(out2, 'stale.png'), png);
    await writeDeckMedia(files, out2);
    expect(readdirSync(out2).sort()).toEqual([...files.keys()].sort());
  });

  it('names what is wrong with a reference, where it is written', async () => {
    const yaml = 'cards:\n  - front: ![](missing.png)\n    back: ![](../secret.png) ![](notes.pdf)\n';
    const { problems } = await bundleDeckMedia(
      deck([{ id: 'a', type: 'basic', front: '![](missing.png)', back: '![](../secret.png) ![](notes.pdf)' }]),
      path.join(content, 'd.deck.yaml'),
      yaml,
      content
    );
    expect(problems).toEqual([
      { code: 'media-not-found', ref: 'missing.png', offset: yaml.indexOf('missing.png') },
      { code: 'media-outside-content', ref: '../secret.png', offset: yaml.indexOf('../secret.png') },
      { code: 'media-unsupported', ref: 'notes.pdf', offset: yaml.indexOf('notes.pdf') }
    ]);
  });

  it('reads hostile text in time in proportion to its length, rewriting only whole references', async () => {
    // Long enough that a pattern that backtracks would run past the test's time limit.
    const n = 300_000;
    const texts = [
      '![](peru%20flag.png' + ' '.repeat(n),
      '![' + '!['.repeat(n / 2),
      '![](peru%20flag.png "' + ' "'.repeat(n / 2),
      '![a [b](peru%20flag.png)'
    ];
    const { deck: out, problems } = await bundleDeckMedia(
      deck(texts.map((front, i) => ({ id: `h${i}`, type: 'basic', front, back: 'b' }))),
      path.join(content, 'd.deck.yaml'),
      '',
      content
    );
    expect(problems).toEqual([]);
    // A `[` inside an image's description starts a link of its own, as Markdown reads it.
    expect(out.cards.map((c) => (c.type === 'basic' ? c.front : ''))).toEqual(texts);
    const titled = await bundleDeckMedia(
      deck([{ id: 't', type: 'basic', front: `![x](peru%20flag.png${' '.repeat(n)}"t"${' '.repeat(n)})`, back: 'b' }]),
      path.join(content, 'd.deck.yaml'),
      '',
      content
    );
    expect(titled.deck.cards[0]).toMatchObject({
      front: `![x](media:${sha(png)}.png${' '.repeat(n)}"t"${' '.repeat(n)})`
    });
  });
});
