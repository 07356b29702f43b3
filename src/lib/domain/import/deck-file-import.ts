/**
 * Factdeck's own formats: a deck written in YAML as in content/, and compiled deck JSON as in
 * static/decks/. Both go through the same checks as built-in decks, with sources written inline
 * because an imported deck has no source files beside it.
 */
import { deckSchema, type Deck } from '../deck.schema';
import { parseDeckText } from '../deck-parse';
import { loadYaml, offsetOf, type Path } from '../deck-yaml';
import { IMPORT_LIMITS } from './import-types';
import { findJsonSyntaxError } from './json-syntax';
import type { Report } from './report';

export function readDeckYaml(text: string, report: Report): Deck | undefined {
  const { deck, problems } = parseDeckText(text, report.path);
  report.problems.push(...problems.map((p) => ({ ...p, message: reword(p.message) })));
  return deck && checkLimits(deck, text, report);
}

export function readDeckJson(text: string, report: Report): Deck | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const error = findJsonSyntaxError(text) ?? engineError(e, text, report);
    report.problem(error.at, `JSON syntax error: ${error.message}`);
    return undefined;
  }
  const parsed = deckSchema.safeParse(data);
  if (parsed.success) return checkLimits(parsed.data, text, report);

  // JSON is YAML too: the YAML deck reader words and places each problem as for content files.
  const asYaml = parseDeckText(text, report.path).problems;
  if (asYaml.length && !asYaml.some((p) => p.message.startsWith('YAML syntax error')))
    report.problems.push(...asYaml.map((p) => ({ ...p, message: reword(p.message) })));
  else
    for (const issue of parsed.error.issues)
      report.problem(0, `${issue.path.length ? `"${issue.path.join('.')}" ` : 'The deck '}${issue.message}`);
  return undefined;
}

/** Source files do not exist on a device, so a source named by id cannot be found. */
function reword(message: string): string {
  const unknown = /^unknown source "(.*)": no content\/\*\.source\.yaml file has id/.exec(message);
  if (!unknown) return message;
  return (
    `the source "${unknown[1]}" is named by its id only; an imported deck must write each source in full ` +
    'under "sources" (id, title, author, publisher, date, paragraphs)'
  );
}

/** Where an engine's JSON.parse message says the error is: "line 3 column 5" or "position 42". */
function engineError(e: unknown, text: string, report: Report): { at: number; message: string } {
  const message = e instanceof Error ? e.message : String(e);
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  const position = /position (\d+)/.exec(message);
  const at = lineCol
    ? report.lines.lineStart(Number(lineCol[1])) + Number(lineCol[2]) - 1
    : position
      ? Number(position[1])
      : 0;
  return { at: Math.min(at, text.length), message };
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
  const count = (n: number) => n.toLocaleString('en');
  if (deck.cards.length > maxCards) {
    report.problem(
      locate(['cards', maxCards]),
      `The deck has ${count(deck.cards.length)} cards; the limit is ${count(maxCards)} cards per deck. ` +
        'Split it into smaller decks.'
    );
    return undefined;
  }
  deck.cards.forEach((card, i) => {
    const fields = card as Record<string, unknown>;
    for (const field of TEXT_FIELDS) {
      const value = fields[field];
      const texts = Array.isArray(value) ? value : [value];
      texts.forEach((t, j) => {
        if (typeof t === 'string' && t.length > maxFieldChars)
          report.problem(
            locate(Array.isArray(value) ? ['cards', i, field, j] : ['cards', i, field]),
            `card "${card.id}": "${field}" is ${count(t.length)} characters long; the limit is ` +
              `${count(maxFieldChars)} characters. Shorten it or split it into several cards.`
          );
      });
    }
  });
  return report.problems.length ? undefined : deck;
}
