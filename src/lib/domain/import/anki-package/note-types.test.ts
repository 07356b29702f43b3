import { describe, expect, it } from 'vitest';
import type { AnkiNoteType } from './collection-types';
import { mapNoteType } from './note-types';

const BACK = '{{FrontSide}}<hr id=answer>';
const type = (
  fields: string[],
  templates: [string, string][],
  kind: 'normal' | 'cloze' = 'normal',
  name = 'x'
): AnkiNoteType => ({
  id: 1,
  name,
  kind,
  fields,
  templates: templates.map(([qfmt, afmt], i) => ({ name: `Card ${i + 1}`, qfmt, afmt }))
});

describe('note types by structure', () => {
  it('tells the stock note types apart whatever they are called', () => {
    expect(
      mapNoteType(
        type(['Vorderseite', 'Rückseite'], [['{{Vorderseite}}', `${BACK}{{Rückseite}}`]], 'normal', 'Einfach')
      )
    ).toEqual({
      to: 'basic',
      front: 0,
      back: 1
    });
    expect(
      mapNoteType(
        type(
          ['Front', 'Back'],
          [
            ['{{Front}}', `${BACK}{{Back}}`],
            ['{{Back}}', `${BACK}{{Front}}`]
          ]
        )
      )
    ).toEqual({ to: 'reverse', front: 0, back: 1 });
    expect(
      mapNoteType(
        type(
          ['Front', 'Back', 'Add Reverse'],
          [
            ['{{Front}}', `${BACK}{{Back}}`],
            ['{{#Add Reverse}}{{Back}}{{/Add Reverse}}', `${BACK}{{Front}}`]
          ]
        )
      )
    ).toEqual({ to: 'optional-reverse', front: 0, back: 1, condition: 2 });
    expect(
      mapNoteType(type(['Front', 'Back'], [['{{Front}}\n{{type:Back}}', '{{Front}}<hr id=answer>{{type:Back}}']]))
    ).toEqual({
      to: 'typed',
      front: 0,
      answer: 1
    });
    expect(
      mapNoteType(type(['Text', 'Back Extra'], [['{{cloze:Text}}', '{{cloze:Text}}<br>{{Back Extra}}']], 'cloze'))
    ).toEqual({
      to: 'cloze',
      text: 0,
      extra: [1]
    });
  });

  it('reads fields in any order, and with filters', () => {
    expect(mapNoteType(type(['Answer', 'Question'], [['{{text:Question}}', `${BACK}{{furigana:Answer}}`]]))).toEqual({
      to: 'basic',
      front: 1,
      back: 0
    });
    expect(
      mapNoteType(type(['Extra', 'Text'], [['{{cloze:Text}}', '{{cloze:Text}}{{#Extra}}{{Extra}}{{/Extra}}']], 'cloze'))
    ).toEqual({
      to: 'cloze',
      text: 1,
      extra: [0]
    });
  });

  it('gives anything else its first two fields, and leaves out what cannot be a card', () => {
    expect(
      mapNoteType(type(['Word', 'Meaning', 'Example'], [['{{Word}}<br>{{Example}}', `${BACK}{{Meaning}}`]]))
    ).toEqual({
      to: 'first-two',
      front: 0,
      back: 1
    });
    expect(
      mapNoteType(
        type(
          ['A', 'B', 'C'],
          [
            ['{{A}}', `${BACK}{{B}}`],
            ['{{A}}', `${BACK}{{C}}`],
            ['{{B}}', `${BACK}{{C}}`]
          ]
        )
      )
    ).toMatchObject({ to: 'first-two' });
    expect(mapNoteType(type(['Only'], [['{{Only}}', `${BACK}`]]))).toEqual({ to: 'skip', reason: 'too-few-fields' });
    expect(
      mapNoteType({
        ...type(['Occlusion', 'Image'], [['{{cloze:Occlusion}}{{Image}}', '{{cloze:Occlusion}}']], 'cloze'),
        stockKind: 6
      })
    ).toEqual({ to: 'skip', reason: 'image-occlusion' });
  });
});
