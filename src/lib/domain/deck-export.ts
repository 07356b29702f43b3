/**
 * Any deck, built-in or imported, as a file to download: Factdeck's YAML deck format (everything
 * kept; it imports back as the same deck) or CSV for other flashcard apps (front, back and tags
 * only). Loaded on demand by the deck page's export buttons.
 *
 * What CSV loses: card types (every row reads back as a basic card), the reverse direction,
 * accepted answers, choice options, answer sorts, explanations, kind, claimBy, cites, sources, card ids (and so
 * the link to a learner's progress) and the deck's title, description and language. A cloze card
 * becomes one row per deletion; a tag with spaces has them written as "_". A cell that starts like a
 * spreadsheet formula is written after a `'` (see `FORMULA_LIKE`).
 */
import Papa from 'papaparse';
import { Document, isMap, isScalar, isSeq, Scalar, visit } from 'yaml';
import { parseCloze } from './cloze';
import type { Card, Deck } from './deck.schema';

const DECK_KEYS = ['id', 'title', 'description', 'language', 'tags', 'sources', 'cards'];
/** Fields in the order a teacher reads a card: what it asks, its answer, then about it. */
const CARD_KEYS = [
  'id',
  'type',
  'front',
  'back',
  'text',
  'answer',
  'accept',
  'options',
  'sort',
  'frontSort',
  'explanation',
  'kind',
  'claimBy',
  'cite',
  'tags'
];
const SOURCE_KEYS = [
  'id',
  'title',
  'author',
  'authorAffiliation',
  'publisher',
  'originalPublisher',
  'date',
  'paragraphs',
  'outline',
  'url',
  'summary',
  'genre',
  'note'
];
/** Short lists of words or numbers are written on one line, `[a, b]`, as in content/. */
const FLOW_MAX_CHARS = 60;
/** Text longer than this is written as a folded block, as in content/. */
const LONG_TEXT = 80;

/** The deck as a `.deck.yaml` file, sources inline, that the importer reads back as the same deck. */
export function deckToYaml(deck: Deck): string {
  const data = ordered(deck, DECK_KEYS);
  if (deck.sources) data.sources = deck.sources.map((s) => ordered(s, SOURCE_KEYS));
  data.cards = deck.cards.map((c) => ordered(c, CARD_KEYS));

  const doc = new Document(data, { aliasDuplicateObjects: false });
  doc.commentBefore = ' Exported from Factdeck';
  visit(doc, {
    Seq(_, seq) {
      const items = seq.items;
      if (items.every(isScalar) && items.reduce((n, s) => n + String(s.value).length + 2, 0) <= FLOW_MAX_CHARS)
        seq.flow = true;
    },
    Pair(_, pair) {
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      const value = pair.value;
      if (key === 'cite' && isMap(value)) value.flow = true;
      if (!isScalar(value) || typeof value.value !== 'string') return;
      // Quoted, so tools still on YAML 1.1 do not read it as a date object.
      if (key === 'date') value.type = Scalar.QUOTE_SINGLE;
      // Long text as an indented paragraph (`>-`) rather than a plain value running on.
      else if (value.value.length > LONG_TEXT) value.type = Scalar.BLOCK_FOLDED;
    }
  });
  // A blank line between cards, as in content/.
  const cards = doc.get('cards', true);
  if (isSeq(cards)) cards.items.forEach((card, i) => i > 0 && isMap(card) && (card.spaceBefore = true));
  return doc.toString({ lineWidth: 100, singleQuote: true, flowCollectionPadding: false });
}

/** The deck as CSV with a header `front,back,tags`: one row per card, or per cloze deletion. */
export function deckToCsv(deck: Deck): string {
  const rows = deck.cards.flatMap((card) => {
    const tags = (card.tags ?? []).map((t) => t.trim().replace(/\s+/g, '_')).join(' ');
    return sidesOf(card).map(([front, back]) => [front, back, tags]);
  });
  return Papa.unparse(
    { fields: ['front', 'back', 'tags'], data: rows },
    { newline: '\r\n', escapeFormulae: FORMULA_LIKE }
  );
}

/**
 * Cells a spreadsheet would run as a formula (OWASP's CSV injection list: `=`, `+`, `-`, `@`, tab,
 * carriage return), also after quote marks, get one more leading `'`, which spreadsheets read as
 * "this is text" and do not show. The importer takes one `'` off the same cells
 * (`import/formula-escape.ts`), so any text, even one that starts with `'=`, reads back exactly.
 */
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/** A file name for the deck, like `world-capitals.deck.yaml` or `world-capitals.csv`. */
export function exportFileName(deck: Pick<Deck, 'id'>, ext: 'yaml' | 'csv'): string {
  return ext === 'yaml' ? `${deck.id}.deck.yaml` : `${deck.id}.csv`;
}

/** Front and back of each row a card becomes in a table. */
function sidesOf(card: Card): [string, string][] {
  switch (card.type) {
    case 'basic':
    case 'reverse':
      return [[card.front, card.back]];
    case 'typed':
    case 'choice':
      return [[card.front, card.answer]];
    case 'truefalse':
      return [[card.front, card.answer ? 'True' : 'False']];
    case 'cloze': {
      const cloze = parseCloze(card.text);
      if (!cloze.ok) return [[card.text, '']];
      const deletions = cloze.parts.filter((p) => typeof p !== 'string');
      return deletions.map((asked) => [
        cloze.parts.map((p) => (typeof p === 'string' ? p : p === asked ? `[${p.hint ?? '…'}]` : p.answer)).join(''),
        asked.answer
      ]);
    }
  }
}

/** A copy of `value` with `keys` first, in that order, then any others; undefined fields left out. */
function ordered(value: object, keys: string[]): Record<string, unknown> {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  const rank = (k: string) => (keys.includes(k) ? keys.indexOf(k) : keys.length);
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b)));
}
