/**
 * Factdeck's own formats: a deck written in YAML as in content/, and compiled deck JSON as in
 * static/decks/. Both go through the same checks as built-in decks, with sources written inline
 * because an imported deck has no source files beside it.
 */
import { deckSchema, type Deck } from '../deck.schema';
import { parseDeckText } from '../deck-parse';
import { loadYaml, offsetOf, type Path } from '../deck-yaml';
import { schemaIssue, type DeckProblem, type JsonError } from '../problems';
import { IMPORT_LIMITS } from './import-types';
import { findJsonSyntaxError } from './json-syntax';
import type { Report } from './report';

export function readDeckYaml(text: string, report: Report): Deck | undefined {
  const { deck, problems } = parseDeckText(text, report.path);
  report.problems.push(...problems.map(onDevice));
  return deck && checkLimits(deck, text, report);
}

export function readDeckJson(text: string, report: Report): Deck | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const { at, error } = findJsonSyntaxError(text) ?? engineError(e, text, report);
    report.problem(at, { code: 'json-syntax', error });
    return undefined;
  }
  const parsed = deckSchema.safeParse(data);
  if (parsed.success) return checkLimits(parsed.data, text, report);

  // JSON is YAML too: the YAML deck reader places each problem as for content files.
  const asYaml = parseDeckText(text, report.path).problems;
  if (asYaml.length && !asYaml.some((p) => p.problem.code === 'yaml-syntax'))
    report.problems.push(...asYaml.map(onDevice));
  else
    for (const issue of parsed.error.issues)
      report.problem(0, {
        code: 'deck-json',
        path: issue.path.length ? issue.path.join('.') : null,
        issue: schemaIssue(issue)
      });
  return undefined;
}

/** Source files do not exist on a device, so a source named by id cannot be found. */
function onDevice(p: DeckProblem): DeckProblem {
  return p.problem.code === 'unknown-source'
    ? { ...p, problem: { code: 'inline-source-needed', id: p.problem.id } }
    : p;
}

/**
 * Where an engine's JSON.parse message says the error is: "line 3 column 5" or "position 42". The
 * engine's words are all there is to go on; they are passed on as they are.
 */
function engineError(e: unknown, text: string, report: Report): { at: number; error: JsonError } {
  const detail = e instanceof Error ? e.message : String(e);
  const lineCol = /line (\d+) column (\d+)/.exec(detail);
  const position = /position (\d+)/.exec(detail);
  const at = lineCol
    ? report.lines.lineStart(Number(lineCol[1])) + Number(lineCol[2]) - 1
    : position
      ? Number(position[1])
      : 0;
  return { at: Math.min(at, text.length), error: { code: 'engine', detail } };
}

const TEXT_FIELDS = ['front', 'back', 'text', 'answer', 'explanation', 'claimBy', 'options', 'accept', 'tags'];

/** The deck when it is within the import limits; otherwise undefined and problems in `report`. */
function checkLimits(deck: Deck, text: string, report: Report): Deck | undefined {
  const { maxCards, maxFieldChars } = IMPORT_LIMITS;
  let loaded: ReturnType<typeof loadYaml> | undefined;
  const locate = (path: Path) => {
    loaded ??= loadYaml(text);
    return loaded.ok ? offsetOf(loaded.doc, path) : 0;
  };
  if (deck.cards.length > maxCards) {
    report.problem(locate(['cards', maxCards]), { code: 'too-many-cards', count: deck.cards.length, limit: maxCards });
    return undefined;
  }
  deck.cards.forEach((card, i) => {
    const fields = card as Record<string, unknown>;
    for (const field of TEXT_FIELDS) {
      const value = fields[field];
      const texts = Array.isArray(value) ? value : [value];
      texts.forEach((t, j) => {
        if (typeof t === 'string' && t.length > maxFieldChars)
          report.problem(locate(Array.isArray(value) ? ['cards', i, field, j] : ['cards', i, field]), {
            code: 'field-too-long',
            card: card.id,
            field,
            length: t.length,
            limit: maxFieldChars
          });
      });
    }
  });
  return report.problems.length ? undefined : deck;
}
