/**
 * Anki "Notes in Plain Text" exports as Anki writes them (tests/fixtures/anki/): every note type a
 * deck commonly has, HTML formatting, quoted fields, padded columns, and one note no card can hold.
 */
import { describe, expect, it } from 'vitest';
import mixed from '../../../../tests/fixtures/anki/capitals-notes.txt?raw';
import oneCloze from '../../../../tests/fixtures/anki/one-cloze-note.txt?raw';
import { parseCloze } from '../cloze';
import { studyItems } from '../study-items';
import { parseImport } from './index';
import { deckOf, skippedOf, where } from './test-helpers';

describe('an Anki export with many note types', () => {
  const result = parseImport({ text: mixed, fileName: 'Capitals.txt' });
  const deck = deckOf(result);
  const card = (n: number) => deck.cards[n];

  it('imports every note it can, each as the card its note type gives', () => {
    expect(result.format).toBe('anki-text');
    expect(deck.title).toBe('Capitals');
    expect(deck.cards.map((c) => c.type)).toEqual(['basic', 'reverse', 'cloze', 'typed', 'basic', 'cloze', 'reverse']);
  });

  it('keeps the formatting: bold, italics, underline, lists and line breaks', () => {
    expect(card(0)).toMatchObject({
      type: 'basic',
      front: 'What is the capital of **Australia**?',
      back: 'Canberra\n*not* Sydney',
      tags: ['oceania', 'capitals']
    });
    expect(card(4)).toMatchObject({ front: 'Name three capitals in Europe', back: '- Paris\n- Madrid\n- Rome' });
    expect(card(2)).toMatchObject({ explanation: '++Both++ are in South America.' });
  });

  it('"Basic (and reversed card)" is studied both ways; "optional reversed" only when its third field says so', () => {
    expect(card(1)).toMatchObject({ type: 'reverse', front: 'Canada', back: 'Ottawa' });
    expect(card(6)).toMatchObject({ type: 'reverse', front: 'Egypt', back: 'Cairo' });
    expect(studyItems({ cards: [card(1)] }).map((i) => i.id)).toEqual([card(1).id, `${card(1).id}#reverse`]);
  });

  it('a Cloze note is a cloze card with every deletion, its hints kept', () => {
    expect(card(2)).toMatchObject({
      type: 'cloze',
      text: 'The capital of Peru is {{Lima}} and the capital of Chile is {{Santiago::a city}}.'
    });
    expect(card(5)).toMatchObject({ text: '{{Berlin::a city on the Spree}} is the capital of {{Germany}}.' });
    const cloze = parseCloze((card(2) as { text: string }).text);
    expect(cloze.ok && cloze.deletions).toBe(2);
  });

  it('"Basic (type in the answer)" is a typed card', () => {
    expect(card(3)).toMatchObject({ type: 'typed', front: 'Type the capital of Kenya', answer: 'Nairobi' });
  });

  it('leaves out the Image Occlusion note with its reason; the rest imports', () => {
    expect(skippedOf(result)).toEqual(['12:1 An Anki "Image Occlusion" note cannot be a Factdeck card.']);
    // Its picture went with it: no other card had one.
    expect(result.warnings.map(where).join()).not.toMatch(/Pictures/);
  });
});

describe('an Anki export with one Cloze note among Basic ones', () => {
  it('imports all of them, the cloze with each of its deletions', () => {
    const result = parseImport({ text: oneCloze, fileName: 'venezuela.txt' });
    const deck = deckOf(result);
    expect(result.skipped).toEqual([]);
    expect(deck.cards.map((c) => c.type)).toEqual(['basic', 'basic', 'cloze', 'basic']);
    expect(deck.cards[1]).toMatchObject({ back: "Venezuela's state oil company" });
    expect(deck.cards[2]).toMatchObject({
      text: 'Maduro spoke of buying {{short}}-, {{medium}}- and {{long}}-range missiles.'
    });
    expect(deck.cards[2]).not.toHaveProperty('explanation'); // "&nbsp;" alone is no explanation
    expect(deck.cards[3]).toMatchObject({
      front: 'Who is Nicolás Maduro?',
      back: 'President of Venezuela\n(since 2013)'
    });
    expect(studyItems(deck)).toHaveLength(6);
  });

  it('a nested cloze imports as Anki packages do: the inner deletion is part of the outer, said in a note', () => {
    const text =
      '#separator:tab\n#notetype column:1\nCloze\t{{c1::{{c2::Lima}} is the capital}}\t\nBasic\tPeru\tLima\n';
    const result = parseImport({ text, fileName: 'x.txt' });
    expect(deckOf(result).cards.map((c) => c.type)).toEqual(['cloze', 'basic']);
    expect(deckOf(result).cards[0]).toMatchObject({ text: '{{Lima is the capital}}' });
    expect(result.warnings.map(where)).toEqual([
      expect.stringMatching(/^3:\d+ Some cloze notes have a deletion inside another/)
    ]);
  });

  it('a Cloze note with no deletion is shown with its reason and left out; the rest imports', () => {
    const text = '#separator:tab\n#notetype column:1\nCloze\tLima is the capital of Peru\t\nBasic\tPeru\tLima\n';
    const result = parseImport({ text, fileName: 'x.txt' });
    expect(deckOf(result).cards.map((c) => c.type)).toEqual(['basic']);
    expect(skippedOf(result)).toEqual([expect.stringMatching(/^3:\d+ This cloze note's deletions cannot be read/)]);
  });

  it('keeps formatting inside a deletion and around it, through the same conversion as packages', () => {
    const text =
      '#separator:tab\n#html:true\n#notetype column:1\nCloze\t<b>Peru</b>: {{c1::<i>Lima</i>::a city}}<br>on the coast\t\n';
    expect(deckOf(parseImport({ text, fileName: 'x.txt' })).cards[0]).toMatchObject({
      text: '**Peru**: {{*Lima*::a city}}\non the coast'
    });
  });

  it("keeps web images, and says that pictures and sounds from Anki's media folder stay there", () => {
    const text =
      '#separator:tab\n#html:true\nFlag of Peru<img src="https://example.org/pe.png" alt="Peru">\tLima [sound:lima.mp3]\n' +
      'Chile <img src="cl.png" alt="flag">\tSantiago\n';
    const result = parseImport({ text, fileName: 'x.txt' });
    expect(deckOf(result).cards.map((c) => [c.type === 'basic' && c.front, c.type === 'basic' && c.back])).toEqual([
      ['Flag of Peru![Peru](https://example.org/pe.png)', 'Lima'],
      ['Chile flag', 'Santiago']
    ]);
    expect(result.warnings.map(where)).toEqual([expect.stringMatching(/Pictures and sounds are not imported/)]);
  });

  it('a field exported without HTML shows as written, its Markdown characters included', () => {
    const text = '#separator:tab\n#html:false\n2 * 3 < 7\t"6\nnot 7"\nC++\t{{c1::x}}\n';
    const cards = deckOf(parseImport({ text, fileName: 'x.txt' })).cards;
    expect(cards[0]).toMatchObject({ front: '2 \\* 3 < 7', back: '6\nnot 7' });
    expect(cards.map((c) => c.type)).toEqual(['basic', 'basic']);
  });

  it('warns that a number used twice is asked as two deletions', () => {
    const text = '#separator:tab\n#notetype column:1\nCloze\t{{c1::Lima}} and {{c1::Santiago}}\t\n';
    const result = parseImport({ text, fileName: 'x.txt' });
    expect(deckOf(result).cards[0]).toMatchObject({ text: '{{Lima}} and {{Santiago}}' });
    expect(result.warnings.map(where)).toEqual([
      expect.stringMatching(/^3:\d+ Some cloze notes use the same number twice/)
    ]);
  });
});
