/**
 * The deck-wide rules (unique ids, answers among options, cites that resolve...) run on a deck that
 * failed to parse, so a teacher sees every problem in one pass instead of one layer at a time.
 */
import type { z } from 'zod';
import { cardSchema, deckRuleIssues, sourceSchema, type Card, type RuleIssue, type Source } from './deck.schema';

/** The fields each card type allows, keyed by type. */
export const CARD_SHAPES = new Map<string, Record<string, z.ZodType>>(
  cardSchema.options.map((o) => [o.shape.type.value, o.shape as Record<string, z.ZodType>])
);

/** A paragraph count no cite exceeds, for a source whose own count is broken. */
const NOWHERE = Number.MAX_SAFE_INTEGER;

/**
 * `deckRuleIssues` on the parts of a raw deck that parse: each broken card field is replaced by a
 * stand-in, and any rule issue that depends on a replaced field is left out (it was reported already).
 */
export function partialDeckRuleIssues(raw: unknown, known: Map<string, Source>): RuleIssue[] {
  if (!isRecord(raw) || !Array.isArray(raw.cards)) return [];
  const sources = Array.isArray(raw.sources)
    ? raw.sources.map((item: unknown, i) => repairSource(item, i, known))
    : undefined;
  const replaced: Set<string>[] = [];
  const cards = raw.cards.map((item: unknown, i) => {
    const bad = new Set<string>();
    replaced.push(bad);
    return repairCard(item, i, bad);
  });
  return deckRuleIssues({ sources, cards }).filter((issue) => {
    if (issue.path[0] !== 'cards') return true;
    const bad = replaced[issue.path[1] as number];
    return !bad.has('*') && !dependsOn(issue).some((f) => bad.has(f));
  });
}

/** The card fields a rule issue was computed from. */
function dependsOn(issue: RuleIssue): string[] {
  const field = issue.path[2];
  if (field === undefined) return issue.rule.code === 'missing-kind' ? ['kind'] : ['cite'];
  const deps: Record<string, string[]> = {
    options: ['options', 'answer'],
    answer: ['options', 'answer'],
    accept: ['accept', 'answer'],
    kind: ['kind', 'claimBy'],
    claimBy: ['kind', 'claimBy']
  };
  return deps[String(field)] ?? [String(field)];
}

/** The card with each broken field replaced by a harmless stand-in; `bad` collects what was replaced. */
function repairCard(item: unknown, i: number, bad: Set<string>): Card {
  // The NUL character keeps the stand-in id from matching any real id.
  const standIn = { id: `\u0000${i}`, type: 'basic', front: '-', back: '-' };
  if (!isRecord(item)) {
    bad.add('*');
    return standIn as Card;
  }
  let shape = typeof item.type === 'string' ? CARD_SHAPES.get(item.type) : undefined;
  if (!shape) {
    bad.add('type');
    shape = CARD_SHAPES.get('basic')!;
  }
  const card: Record<string, unknown> = { ...standIn, type: bad.has('type') ? 'basic' : item.type };
  for (const [key, schema] of Object.entries(shape)) {
    if (key === 'type') continue;
    const parsed = schema.safeParse(item[key]);
    if (parsed.success) {
      card[key] = parsed.data;
      continue;
    }
    bad.add(key);
    if (schema.safeParse(undefined).success) delete card[key];
    else if (key === 'text') card[key] = '{{-}}';
    else if (key === 'answer' && card.type === 'truefalse') card[key] = false;
    else if (key !== 'id') card[key] = '-';
  }
  return card as Card;
}

function repairSource(item: unknown, i: number, known: Map<string, Source>): Source {
  const standIn = (id: unknown, paragraphs: unknown) =>
    ({
      id: typeof id === 'string' ? id : `\u0000${i}`,
      // Left out, the source is cited as a whole; written but broken, any paragraph passes.
      paragraphs:
        paragraphs === undefined
          ? undefined
          : Number.isInteger(paragraphs) && (paragraphs as number) > 0
            ? paragraphs
            : NOWHERE
    }) as Source;
  if (typeof item === 'string') return known.get(item) ?? standIn(item, NOWHERE);
  const parsed = sourceSchema.safeParse(item);
  if (parsed.success) return parsed.data;
  return isRecord(item) ? standIn(item.id, item.paragraphs) : standIn(undefined, NOWHERE);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
