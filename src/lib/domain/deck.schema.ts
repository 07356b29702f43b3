/**
 * The one definition of what a deck is. Content files, in-app imports and compiled JSON are all
 * parsed with these schemas; every other module takes its types from here. A check's message is a
 * code (`SchemaCode`), never words: src/lib/text words it, wherever the problem is shown.
 */
import { z } from 'zod';
import { parseCloze } from './cloze';
import { FIELD_LIMITS } from './field-limits';
import type { RuleProblem, SchemaCode } from './problems';

export { FIELD_LIMITS };

/** The code a check of this schema reports in place of a message. */
const code = (c: SchemaCode) => c;

// zod would otherwise probe `new Function('')` to compile faster parsers: under the app's Content
// Security Policy (no eval) that probe is a reported violation on every restore and import. Every
// schema module imports this one, so this runs before any of them parses.
z.config({ jitless: true });

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slug = z.string().max(FIELD_LIMITS.id).regex(SLUG, code('slug'));
const textOf = (max: number) => z.string().trim().min(1, code('not-empty')).max(max);
const text = textOf(FIELD_LIMITS.cardText);
const tags = z.array(textOf(FIELD_LIMITS.tag)).max(FIELD_LIMITS.tags);
const isoDate = z.iso.date(code('date'));

export const CARD_KINDS = ['fact', 'claim', 'opinion'] as const;
export const CARD_TYPES = ['basic', 'reverse', 'cloze', 'typed', 'choice', 'truefalse'] as const;

/** One numbered paragraph of a source, summed up for the source page. */
export const outlineEntrySchema = z.strictObject({
  /** What the paragraph says, in one line of our own words. */
  gist: text,
  /** A few exact words from the paragraph, to link to that place in the original (a text fragment). */
  quote: text.optional()
});

/**
 * A published text that cards cite: by paragraph number when it has numbered paragraphs, by its
 * byline (title, author, publisher, date), or as a whole when it has no numbered paragraphs.
 */
const sourceShape = z.strictObject({
  id: slug,
  title: textOf(FIELD_LIMITS.sourceName),
  author: textOf(FIELD_LIMITS.sourceName),
  /** The author's affiliation as the source itself states it. */
  authorAffiliation: textOf(FIELD_LIMITS.sourceName).optional(),
  publisher: textOf(FIELD_LIMITS.sourceName),
  originalPublisher: textOf(FIELD_LIMITS.sourceName).optional(),
  date: isoDate,
  /** How many numbered paragraphs the source has; cites must fall in 1..paragraphs. Left out, cards cite it as a whole. */
  paragraphs: z.number().int().positive().max(FIELD_LIMITS.paragraphs).optional(),
  /** One entry per numbered paragraph, in order. */
  outline: z.array(outlineEntrySchema).max(FIELD_LIMITS.paragraphs).optional(),
  url: z.url().max(FIELD_LIMITS.url).optional(),
  /** A short neutral summary in our own words. */
  summary: textOf(FIELD_LIMITS.sourceText).optional(),
  /** What sort of text it is (e.g. "opinion and analysis piece"). */
  genre: textOf(FIELD_LIMITS.sourceName).optional(),
  /** Rights and reading notes shown on the source page. */
  note: textOf(FIELD_LIMITS.sourceText).optional()
});

/** A rule a deck or source breaks, at the path of the value it is about. */
export type RuleIssue = { path: (string | number)[]; rule: RuleProblem };

/** Rules that span a source's fields: an outline has one entry per numbered paragraph. */
export function sourceRuleIssues(source: { paragraphs?: number; outline?: readonly unknown[] }): RuleIssue[] {
  if (!source.outline) return [];
  if (source.paragraphs === undefined) return [{ path: ['outline'], rule: { code: 'outline-needs-paragraphs' } }];
  if (source.outline.length !== source.paragraphs)
    return [
      {
        path: ['outline'],
        rule: { code: 'outline-length', entries: source.outline.length, paragraphs: source.paragraphs }
      }
    ];
  return [];
}

export const sourceSchema = sourceShape.superRefine((source, ctx) => {
  // The rule travels in `params`; the message is its code, never words.
  for (const { path, rule } of sourceRuleIssues(source))
    ctx.addIssue({ code: 'custom', path, message: rule.code, params: { rule } });
});

/**
 * Where a card's content comes from: paragraphs of a source, its byline, or both; a source without
 * numbered paragraphs is cited as a whole, by `source` alone.
 */
export const citeSchema = z.strictObject({
  source: slug,
  paragraphs: z
    .array(z.number().int().positive().max(FIELD_LIMITS.paragraphs))
    .min(1, code('paragraph-list'))
    .max(FIELD_LIMITS.paragraphs)
    .optional(),
  /** The title, author, publisher and date (and any attribution note), rather than the body. */
  byline: z.boolean().optional()
});

/** What sort of thing an answer is ("person", "city", "reason"…): quizzes offer wrong answers of the same sort. */
const answerSortField = z.string().trim().min(1, code('not-empty')).max(40, code('answer-sort'));

const cardBase = {
  id: slug,
  tags: tags.optional(),
  explanation: text.optional(),
  /** fact: reported without attribution; claim: attributed to someone; opinion: the author's own view. */
  kind: z.enum(CARD_KINDS).optional(),
  /** Who makes the claim, for kind "claim" (e.g. "Maduro"). */
  claimBy: textOf(FIELD_LIMITS.sourceName).optional(),
  cite: citeSchema.optional(),
  /** The sort of the card's answer (its back, answer or each deletion), when quizzes cannot tell. */
  sort: answerSortField.optional()
};

export const cardSchema = z.discriminatedUnion('type', [
  z.strictObject({ ...cardBase, type: z.literal('basic'), front: text, back: text }),
  z.strictObject({
    ...cardBase,
    type: z.literal('reverse'),
    front: text,
    back: text,
    /** The sort of the front, the answer when the card is asked back to front. */
    frontSort: answerSortField.optional()
  }),
  z.strictObject({ ...cardBase, type: z.literal('cloze'), text }),
  z.strictObject({
    ...cardBase,
    type: z.literal('typed'),
    front: text,
    answer: text,
    /** Other answers that count as right. */
    accept: z.array(text).max(FIELD_LIMITS.accept).optional()
  }),
  z.strictObject({
    ...cardBase,
    type: z.literal('choice'),
    front: text,
    answer: text,
    /** Every option shown, the answer included; without it, quizzes pick distractors from the deck. */
    options: z.array(text).min(2, code('option-list')).max(FIELD_LIMITS.options).optional()
  }),
  z.strictObject({ ...cardBase, type: z.literal('truefalse'), front: text, answer: z.boolean() })
]);

const deckShape = {
  id: slug,
  title: textOf(FIELD_LIMITS.title),
  description: textOf(FIELD_LIMITS.description),
  /** BCP 47 language tag of the card content, like "en" or "pt-BR". */
  language: z
    .string()
    .max(FIELD_LIMITS.language)
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, code('language-tag')),
  tags: tags.default([]),
  sources: z.array(sourceSchema).optional(),
  cards: z.array(cardSchema).min(1, code('card-list'))
};

/** Rules that span fields: unique ids, answers among options, cites that resolve. */
export function deckRuleIssues(deck: { sources?: Source[]; cards: Card[] }): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const sources = new Map((deck.sources ?? []).map((s) => [s.id, s]));
  const seenSource = new Set<string>();
  (deck.sources ?? []).forEach((s, i) => {
    if (seenSource.has(s.id))
      issues.push({ path: ['sources', i, 'id'], rule: { code: 'duplicate-source-id', id: s.id } });
    seenSource.add(s.id);
  });
  const seen = new Map<string, number>();
  deck.cards.forEach((card, i) => {
    const at = (...rest: (string | number)[]) => ['cards', i, ...rest];
    const first = seen.get(card.id);
    if (first !== undefined)
      issues.push({ path: at('id'), rule: { code: 'duplicate-card-id', id: card.id, first: first + 1 } });
    else seen.set(card.id, i);

    if (card.type === 'cloze') {
      const cloze = parseCloze(card.text);
      if (!cloze.ok) issues.push({ path: at('text'), rule: { code: 'cloze', error: cloze.error } });
    }
    if (card.type === 'choice' && card.options) {
      const norm = card.options.map((o) => o.trim().toLowerCase());
      norm.forEach((o, j) => {
        if (norm.indexOf(o) !== j)
          issues.push({ path: at('options', j), rule: { code: 'duplicate-option', option: card.options![j] } });
      });
      if (!norm.includes(card.answer.trim().toLowerCase()))
        issues.push({ path: at('answer'), rule: { code: 'answer-not-in-options', answer: card.answer } });
    }
    if (card.type === 'typed' && card.accept) {
      const answer = card.answer.trim().toLowerCase();
      card.accept.forEach((a, j) => {
        if (a.trim().toLowerCase() === answer)
          issues.push({ path: at('accept', j), rule: { code: 'accept-repeats-answer', accepted: a } });
      });
    }
    if (card.kind === 'claim' && !card.claimBy)
      issues.push({ path: at('kind'), rule: { code: 'claim-needs-claim-by' } });
    if (card.claimBy && card.kind !== 'claim')
      issues.push({ path: at('claimBy'), rule: { code: 'claim-by-needs-claim' } });

    if (sources.size > 0) {
      if (!card.kind) issues.push({ path: at(), rule: { code: 'missing-kind' } });
      if (!card.cite) issues.push({ path: at(), rule: { code: 'missing-cite' } });
    }
    if (card.cite) {
      const cite = card.cite;
      const source = sources.get(cite.source);
      if (!source) {
        const declared = [...sources.keys()];
        issues.push({
          path: at('cite', 'source'),
          rule: { code: 'unknown-cite-source', source: cite.source, declared }
        });
      }
      const count = source ? source.paragraphs : 1;
      if (count === undefined) {
        if (cite.paragraphs)
          issues.push({ path: at('cite', 'paragraphs'), rule: { code: 'cite-as-whole', source: source!.id } });
      } else if (!cite.paragraphs) {
        if (!cite.byline) issues.push({ path: at('cite'), rule: { code: 'cite-needs-paragraphs' } });
      } else if (source) {
        cite.paragraphs.forEach((p, j) => {
          if (p > count)
            issues.push({
              path: at('cite', 'paragraphs', j),
              rule: { code: 'paragraph-out-of-range', paragraph: p, source: source.id, paragraphs: count }
            });
        });
      }
    }
  });
  return issues;
}

/** A whole deck as compiled, imported or backed up: sources inline, every rule checked. */
export const deckSchema = z.strictObject(deckShape).superRefine((deck, ctx) => {
  // The rule travels in `params`; the message is its code, never words.
  for (const { path, rule } of deckRuleIssues(deck))
    ctx.addIssue({ code: 'custom', path, message: rule.code, params: { rule } });
});

/**
 * A deck stored on a device (imported, drafted, made in the app): as `deckSchema`, except that it
 * may have no cards yet, as an empty deck does until the teacher adds its first card.
 */
export const storedDeckSchema = z
  .strictObject({ ...deckShape, cards: z.array(cardSchema) })
  .superRefine((deck, ctx) => {
    for (const { path, rule } of deckRuleIssues(deck))
      ctx.addIssue({ code: 'custom', path, message: rule.code, params: { rule } });
  });

/** A deck as written in `content/`: a source may be named by id and defined in a `*.source.yaml` file. */
export const deckFileSchema = z.strictObject({
  ...deckShape,
  sources: z.array(z.union([slug, sourceSchema])).optional()
});

/** Summary of one deck in `/decks/index.json`. */
export const deckSummarySchema = z.strictObject({
  id: slug,
  title: text,
  description: text,
  language: z.string(),
  tags: z.array(z.string()),
  cardCount: z.number().int().nonnegative(),
  /** Cards studied separately: a reverse card counts twice, a cloze once per deletion. */
  itemCount: z.number().int().nonnegative(),
  sourceIds: z.array(slug)
});

export type Source = z.infer<typeof sourceSchema>;
export type OutlineEntry = z.infer<typeof outlineEntrySchema>;
export type Cite = z.infer<typeof citeSchema>;
export type Card = z.infer<typeof cardSchema>;
export type CardType = Card['type'];
export type CardKind = (typeof CARD_KINDS)[number];
export type Deck = z.infer<typeof deckSchema>;
export type DeckFile = z.infer<typeof deckFileSchema>;
export type DeckSummary = z.infer<typeof deckSummarySchema>;
