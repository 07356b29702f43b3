/**
 * Checks a deck made or edited in the app with the deck schema, the one content files and imports
 * are read with, and says for each problem which card and field it is in. Loaded on demand (it
 * brings zod) by the card editor and the review of a drafted deck. The problems are typed;
 * `t.problems.schemaIssue` words them.
 */
import { deckRuleIssues, deckSchema, storedDeckSchema, type Deck } from './deck.schema';
import { schemaIssue, type SchemaIssue } from './problems';

export interface DeckIssue {
  /** Index of the card in `deck.cards`, or undefined for the deck itself (its title, its source…). */
  card?: number;
  /** The card's field ("front", "cite"…), "" for the card as a whole; for the deck, its first key. */
  field: string;
  /** The whole path, dotted: "sources.0.author", "cards.3.cite.paragraphs.0". */
  where: string;
  issue: SchemaIssue;
}

/** Every problem the deck schema finds; `allowEmpty`: a deck stored on the device may have no cards yet. */
export function checkDeck(deck: Deck, allowEmpty = false): DeckIssue[] {
  const result = (allowEmpty ? storedDeckSchema : deckSchema).safeParse(deck);
  if (result.success) return [];
  const found: DeckIssue[] = result.error.issues.map((zodIssue) => {
    const path = zodIssue.path as (string | number)[];
    // A paragraph typed as something other than a whole number reaches the schema as NaN.
    const issue: SchemaIssue =
      zodIssue.code === 'invalid_type' && zodIssue.expected === 'number'
        ? { code: 'expected', expected: { code: 'whole-number' } }
        : zodIssue.code === 'invalid_type' && zodIssue.input === undefined
          ? { code: 'expected', expected: { code: 'not-empty' } }
          : zodIssue.code === 'invalid_format' && zodIssue.format === 'url'
            ? { code: 'expected', expected: { code: 'web-address' } }
            : schemaIssue(zodIssue);
    return place(path, issue);
  });
  // zod checks the rules across fields only once every field is right; an editor shows them all at once.
  if (!found.some((i) => i.issue.code === 'rule'))
    for (const { path, rule } of deckRuleIssues(deck)) found.push(place(path, { code: 'rule', rule }));
  return found;
}

function place(path: (string | number)[], issue: SchemaIssue): DeckIssue {
  const where = path.join('.');
  if (path[0] === 'cards' && typeof path[1] === 'number')
    return { card: path[1], field: String(path[2] ?? ''), where, issue };
  return { field: String(path[0] ?? ''), where, issue };
}
