/**
 * Which Factdeck card type an Anki note type becomes, told from its structure (cloze kind, templates
 * and the fields they show) rather than its name, which people rename and Anki translates.
 */
import type { AnkiNoteType } from './collection-types';

/** How the fields of one note type's notes become a card. Field numbers are 0-based. */
export type NoteTypeMapping =
  | { to: 'basic'; front: number; back: number }
  | { to: 'reverse'; front: number; back: number }
  /**
   * "Basic (optional reversed card)": reverse for notes that have the second card, basic for the
   * rest. `condition` is the field that turns the second card on ("Add Reverse").
   */
  | { to: 'optional-reverse'; front: number; back: number; condition: number }
  | { to: 'typed'; front: number; answer: number }
  /** `extra`: fields the answer side shows besides the cloze, kept as the card's explanation. */
  | { to: 'cloze'; text: number; extra: number[] }
  /** Anything else: the first two fields as front and back (the preview says so). */
  | { to: 'first-two'; front: number; back: number }
  /** Notes that cannot become cards here: Image Occlusion, or fewer than two fields. */
  | { to: 'skip'; reason: 'image-occlusion' | 'too-few-fields' };

/** One `{{…}}` of a template. */
interface Ref {
  /** '#' and '^' open a section shown when the field is (not) empty, '/' closes it, '' shows a field. */
  section: '' | '#' | '^' | '/';
  field: string;
  filters: string[];
}

/** Names a template can show that are not fields of the note. */
const SPECIAL = new Set(['FrontSide', 'Tags', 'Deck', 'Subdeck', 'Card', 'CardFlag', 'Type', 'CardID']);
/** Anki's stock kind for Image Occlusion (notetypes.proto, OriginalStockKind). */
export const IMAGE_OCCLUSION_STOCK_KIND = 6;

function refsOf(template: string): Ref[] {
  const refs: Ref[] = [];
  for (const m of template.matchAll(/\{\{([#^/]?)([^{}]*)\}\}/g)) {
    const section = m[1] as Ref['section'];
    const parts = m[2].split(':').map((p) => p.trim());
    const field = parts.pop() ?? '';
    if (field) refs.push({ section, field, filters: parts.map((p) => p.toLowerCase()) });
  }
  return refs;
}

/** The fields a template shows, in order, once each (sections and special names left out). */
function shownFields(template: string, fields: string[]): number[] {
  const shown: number[] = [];
  for (const ref of refsOf(template)) {
    if (ref.section || SPECIAL.has(ref.field) || ref.filters.includes('type') || ref.filters.includes('cloze'))
      continue;
    const i = fields.indexOf(ref.field);
    if (i !== -1 && !shown.includes(i)) shown.push(i);
  }
  return shown;
}

/** Fields a template's sections depend on (`{{#Add Reverse}}`). */
function sectionFields(template: string, fields: string[]): number[] {
  return refsOf(template)
    .filter((r) => r.section === '#' || r.section === '^')
    .map((r) => fields.indexOf(r.field))
    .filter((i) => i !== -1);
}

const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** How a note type's notes become cards. */
export function mapNoteType(type: AnkiNoteType): NoteTypeMapping {
  const { fields, templates } = type;
  const firstTwo = (): NoteTypeMapping =>
    fields.length >= 2 ? { to: 'first-two', front: 0, back: 1 } : { to: 'skip', reason: 'too-few-fields' };
  const [first, second] = templates;
  if (!first) return firstTwo();

  if (type.kind === 'cloze') {
    const occlusion = type.stockKind === IMAGE_OCCLUSION_STOCK_KIND || /image-occlusion/i.test(first.qfmt + first.afmt);
    if (occlusion) return { to: 'skip', reason: 'image-occlusion' };
    const cloze = refsOf(first.qfmt).find((r) => r.filters.includes('cloze') && !r.section);
    const text = cloze ? fields.indexOf(cloze.field) : -1;
    if (text === -1) return firstTwo();
    const extra = shownFields(first.afmt, fields).filter((i) => i !== text);
    return { to: 'cloze', text, extra };
  }

  const front = shownFields(first.qfmt, fields);
  const typedRefs = refsOf(first.qfmt).filter((r) => r.filters.includes('type') && !r.section);
  if (templates.length === 1 && front.length === 1 && typedRefs.length === 1) {
    const answer = fields.indexOf(typedRefs[0].field);
    if (answer !== -1 && answer !== front[0]) return { to: 'typed', front: front[0], answer };
  }
  if (typedRefs.length) return firstTwo();

  const back = shownFields(first.afmt, fields).filter((i) => !front.includes(i));
  if (front.length !== 1 || back.length !== 1 || sectionFields(first.qfmt, fields).length) return firstTwo();
  if (templates.length === 1) return { to: 'basic', front: front[0], back: back[0] };
  if (templates.length > 2) return firstTwo();

  // The second template asks the other way round: back on the question, front on the answer.
  const secondFront = shownFields(second.qfmt, fields);
  const secondBack = shownFields(second.afmt, fields).filter((i) => !secondFront.includes(i));
  if (!same(secondFront, back) || !same(secondBack, front)) return firstTwo();
  const [condition] = sectionFields(second.qfmt, fields).filter((i) => i !== front[0] && i !== back[0]);
  return condition === undefined
    ? { to: 'reverse', front: front[0], back: back[0] }
    : { to: 'optional-reverse', front: front[0], back: back[0], condition };
}
