/**
 * Anki notes as Factdeck cards. A note becomes one card: Basic a basic card, "Basic (and reversed
 * card)" a reverse card (two study items), a cloze note a cloze card (one item per deletion),
 * "Basic (type in the answer)" a typed card; any other note type gives its first two fields as front
 * and back. Anki's top-level decks become Factdeck decks, each titled with the deepest deck name
 * all its cards share (`Languages::Spanish`); cards from deeper decks carry that deck's name as a tag.
 */
import { parseCloze } from '../../cloze';
import type { Card, Deck } from '../../deck.schema';
import { plainText } from '../../plain-text';
import { htmlToText } from '../anki-html';
import { htmlToCardText, placeMedia, withoutSoundTags, type CardText, type FieldMedia } from '../anki-field-html';
import { hash53, slugify, titleFromFileName } from '../card-ids';
import { IMPORT_LIMITS, type DeckNaming } from '../import-types';
import { convertClozeField } from './anki-cloze';
import type { AnkiCollection, AnkiNote } from './collection-types';
import { mapNoteType, type NoteTypeMapping } from './note-types';
import type { NoteTypeSummary } from './package-types';
import type { PackageWarning } from './package-problems';

/** A converted note whose media is not placed yet. */
export interface PendingCard {
  note: AnkiNote;
  type: 'basic' | 'reverse' | 'typed' | 'cloze';
  front?: CardText;
  back?: CardText;
  text?: CardText;
  explanation?: CardText;
  /** A typed card's answer, plain text: the learner types it. */
  answer?: string;
  ankiDeck: string;
  /** Study item suffixes ('' for the card itself, '#reverse', '#c2') of each Anki card, by its ord. */
  items: Map<number, string[]>;
  /** Anki cards of this note, by id, with their ord and whether Anki had them suspended. */
  ankiCards: { id: number; ord: number; suspended: boolean }[];
}

export interface ReadNotes {
  pending: PendingCard[];
  noteTypes: NoteTypeSummary[];
  warnings: PackageWarning[];
  /** Notes with formatting the subset cannot show. */
  droppedFormatting: number;
  /** Name of Anki's default deck (id 1), which says nothing about the cards in it. */
  defaultDeck?: string;
}

const DEFAULT_DECK_ID = 1;

export function readNotes(collection: AnkiCollection): ReadNotes {
  const types = new Map(collection.noteTypes.map((t) => [t.id, t]));
  const mappings = new Map<number, NoteTypeMapping>();
  const used = new Map<number, number>();
  const decks = new Map(collection.decks.map((d) => [d.id, d.name]));
  const cardsByNote = new Map<number, AnkiCollection['cards']>();
  for (const card of collection.cards)
    (cardsByNote.get(card.noteId) ?? cardsByNote.set(card.noteId, []).get(card.noteId)!).push(card);

  const pending: PendingCard[] = [];
  const warnings: PackageWarning[] = [];
  let grouped = 0;
  let nested = 0;
  let dropped = 0;
  for (const note of collection.notes) {
    const type = types.get(note.noteTypeId);
    const cards = (cardsByNote.get(note.id) ?? []).sort((a, b) => a.ord - b.ord);
    if (!type || !cards.length) continue;
    let mapping = mappings.get(type.id);
    if (!mapping) mappings.set(type.id, (mapping = mapNoteType(type)));
    used.set(type.id, (used.get(type.id) ?? 0) + 1);
    if (mapping.to === 'skip') continue;

    const field = (i: number) => note.fields[i] ?? '';
    const convert = (i: number) => htmlToCardText(field(i));
    const base = {
      note,
      ankiDeck: decks.get(cards[0].deckId) ?? decks.get(DEFAULT_DECK_ID) ?? 'Default',
      ankiCards: cards.map((c) => ({ id: c.id, ord: c.ord, suspended: c.queue === -1 }))
    };
    let card: PendingCard;
    if (mapping.to === 'cloze') {
      const text = convertClozeField(field(mapping.text));
      const extras = mapping.extra.map(convert).filter((e) => e.text.trim());
      if (text.nested) nested++;
      const counts = new Map<number, number>();
      for (const ordinals of text.ordinals) for (const n of ordinals) counts.set(n, (counts.get(n) ?? 0) + 1);
      if ([...counts.values()].some((c) => c > 1) || text.ordinals.some((o) => o.length > 1)) grouped++;
      const items = new Map<number, string[]>();
      text.ordinals.forEach((ordinals, position) => {
        for (const n of ordinals) (items.get(n - 1) ?? items.set(n - 1, []).get(n - 1)!).push(`#c${position + 1}`);
      });
      card = { ...base, type: 'cloze', text, explanation: joinTexts(extras), items };
    } else if (mapping.to === 'typed') {
      card = {
        ...base,
        type: 'typed',
        front: convert(mapping.front),
        answer: htmlToText(withoutSoundTags(field(mapping.answer))),
        items: new Map([[0, ['']]])
      };
    } else {
      const reverse = mapping.to === 'reverse' || (mapping.to === 'optional-reverse' && cards.some((c) => c.ord === 1));
      card = {
        ...base,
        type: reverse ? 'reverse' : 'basic',
        front: convert(mapping.front),
        back: convert(mapping.back),
        items: new Map(
          reverse
            ? [
                [0, ['']],
                [1, ['#reverse']]
              ]
            : [[0, ['']]]
        )
      };
    }
    if ([card.front, card.back, card.text, card.explanation].some((t) => t?.droppedFormatting)) dropped++;
    pending.push(card);
  }

  const noteTypes: NoteTypeSummary[] = [];
  for (const [id, notes] of used) {
    const type = types.get(id)!;
    const mapping = mappings.get(id)!;
    noteTypes.push({ name: type.name, notes, to: mapping.to });
    if (mapping.to === 'first-two')
      warnings.push({
        code: 'first-two-fields',
        noteType: type.name,
        notes,
        front: type.fields[mapping.front],
        back: type.fields[mapping.back]
      });
    else if (mapping.to === 'skip')
      warnings.push({
        code: mapping.reason === 'image-occlusion' ? 'image-occlusion-skipped' : 'too-few-fields-skipped',
        noteType: type.name,
        notes
      });
    const shown = new Set(
      mapping.to === 'cloze'
        ? [mapping.text, ...mapping.extra]
        : mapping.to === 'typed'
          ? [mapping.front, mapping.answer]
          : mapping.to === 'skip'
            ? type.fields.map((_, i) => i)
            : mapping.to === 'optional-reverse'
              ? [mapping.front, mapping.back, mapping.condition]
              : [mapping.front, mapping.back]
    );
    const left = type.fields.filter((_, i) => !shown.has(i));
    if (left.length && mapping.to !== 'skip')
      warnings.push({ code: 'fields-left-out', noteType: type.name, fields: left });
  }
  if (grouped) warnings.push({ code: 'cloze-grouped', notes: grouped });
  if (nested) warnings.push({ code: 'cloze-nested', notes: nested });
  return { pending, noteTypes, warnings, droppedFormatting: dropped, defaultDeck: decks.get(DEFAULT_DECK_ID) };
}

function joinTexts(texts: CardText[]): CardText | undefined {
  if (!texts.length) return undefined;
  const media: FieldMedia[] = [];
  const parts = texts.map((t) => {
    const offset = media.length;
    media.push(...t.media);
    return t.text.replace(/\uE010(\d+)\uE011/g, (_, k: string) => `\uE010${Number(k) + offset}\uE011`);
  });
  return { text: parts.join('\n\n'), media, droppedFormatting: texts.some((t) => t.droppedFormatting) };
}

/** The media names a pending card shows. */
export function mediaOf(card: PendingCard): FieldMedia[] {
  return [card.front, card.back, card.text, card.explanation].flatMap((t) => t?.media ?? []);
}

export interface BuiltDeck {
  deck: Deck;
  ankiDecks: string[];
  /** Study item ids of each Anki card id. */
  items: Map<number, string[]>;
  suspended: string[];
}

export interface DeckInfo {
  fileName?: string;
  /** How to describe a deck Anki gives no description (the app passes its words). */
  naming?: DeckNaming;
  language?: string;
  defaultDeck?: string;
  /** Anki deck descriptions (HTML) by name. */
  descriptions: Map<string, string>;
}

/**
 * Places media in each card and builds the decks. Notes left empty (an empty back, an image whose
 * file is missing), too long or with a cloze Factdeck cannot read are left out with a warning.
 */
export function buildDecks(
  pending: PendingCard[],
  address: (m: FieldMedia) => string | undefined,
  info: DeckInfo,
  warnings: PackageWarning[]
): BuiltDeck[] {
  const skipped = { empty: [] as string[], long: [] as string[], cloze: [] as string[] };
  const groups = new Map<string, { names: Set<string>; cards: { card: Card; pending: PendingCard }[] }>();
  const place = (t: CardText | undefined) => (t ? placeMedia(t.text, t.media, address).trim() : '');

  for (const p of pending) {
    const example = () =>
      plainText(place(p.front ?? p.text)).slice(0, 60) || htmlToText(p.note.fields[0] ?? '').slice(0, 60);
    const texts: Record<string, string> = {};
    if (p.type === 'cloze') texts.text = place(p.text);
    else if (p.type === 'typed') {
      texts.front = place(p.front);
      texts.answer = (p.answer ?? '').trim();
    } else {
      texts.front = place(p.front);
      texts.back = place(p.back);
    }
    const explanation = place(p.explanation);
    const values = Object.values(texts);
    if (values.some((v) => !v)) {
      skipped.empty.push(example());
      continue;
    }
    if ([...values, explanation].some((v) => v.length > IMPORT_LIMITS.maxFieldChars)) {
      skipped.long.push(example());
      continue;
    }
    if (p.type === 'cloze' && !parseCloze(texts.text).ok) {
      skipped.cloze.push(example());
      continue;
    }
    const card = { id: '', type: p.type, ...texts, ...(explanation ? { explanation } : {}) } as Card;
    const root = p.ankiDeck.split('::')[0];
    const group = groups.get(root) ?? groups.set(root, { names: new Set(), cards: [] }).get(root)!;
    group.names.add(p.ankiDeck);
    group.cards.push({ card, pending: p });
  }
  if (skipped.empty.length)
    warnings.push({ code: 'empty-notes-skipped', notes: skipped.empty.length, example: skipped.empty[0] });
  if (skipped.long.length)
    warnings.push({
      code: 'long-notes-skipped',
      notes: skipped.long.length,
      limit: IMPORT_LIMITS.maxFieldChars,
      example: skipped.long[0]
    });
  if (skipped.cloze.length)
    warnings.push({ code: 'cloze-unreadable-skipped', notes: skipped.cloze.length, example: skipped.cloze[0] });

  const usedDeckIds = new Set<string>();
  const built: BuiltDeck[] = [];
  for (const group of groups.values()) {
    const title = sharedName([...group.names]);
    const shownTitle = title === info.defaultDeck && info.fileName ? titleFromFileName(info.fileName) || title : title;
    const nextId = cardIds();
    const items = new Map<number, string[]>();
    const suspended: string[] = [];
    const cards = group.cards.map(({ card, pending: p }) => {
      const id = nextId(p.note.guid);
      const tags = [...new Set([...p.note.tags, ...(p.ankiDeck !== title ? [p.ankiDeck] : [])])];
      for (const anki of p.ankiCards) {
        const ids = (p.items.get(anki.ord) ?? []).map((suffix) => id + suffix);
        items.set(anki.id, ids);
        if (anki.suspended) suspended.push(...ids);
      }
      return { ...card, id, ...(tags.length ? { tags } : {}) } as Card;
    });
    const deckId = uniqueId(slugify(shownTitle.replaceAll('::', ' '), 60) || 'anki-deck', usedDeckIds);
    const description = htmlToText(info.descriptions.get(title) ?? '').slice(0, 2000);
    const fileName = info.fileName?.split(/[\\/]/).pop()?.trim();
    built.push({
      deck: {
        id: deckId,
        title: shownTitle,
        description: description || (info.naming ? info.naming.importedFrom(fileName || null) : fileName || deckId),
        language: info.language?.trim() || 'en',
        tags: [],
        cards
      },
      ankiDecks: [...group.names].sort(),
      items,
      suspended
    });
  }
  return built;
}

/** The deepest `::` name every name starts with: "A::B::C" and "A::B::D" share "A::B". */
function sharedName(names: string[]): string {
  const split = names.map((n) => n.split('::'));
  const shared: string[] = [];
  for (let i = 0; split.every((parts) => i < parts.length && parts[i] === split[0][i]); i++) shared.push(split[0][i]);
  return shared.join('::') || names[0];
}

/**
 * Card ids from Anki's note guid, which stays when a note is edited: importing a newer version of a
 * deck keeps each card's progress (and marks it changed) however its text changed.
 */
function cardIds(): (guid: string) => string {
  const used = new Set<string>();
  return (guid) => uniqueId(`anki-${hash53(guid).toString(16).padStart(14, '0').slice(0, 12)}`, used);
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
