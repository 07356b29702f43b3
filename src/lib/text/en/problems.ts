/**
 * Problems in a deck file or a file to import, in words: what `npm run decks` prints as
 * `path:line:col: words` and what the import page lists. The problems themselves (a code and its
 * values) come from src/lib/domain/problems.ts.
 */
import type {
  ClozeError,
  DeckProblem,
  Expectation,
  FieldAdvice,
  FieldRef,
  ItemRef,
  JsonError,
  NotTextKind,
  Problem,
  RuleProblem,
  SchemaIssue,
  SideName,
  TypeHint,
  YamlError
} from '$lib/domain/problems';

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
/** Thousands with a comma, as the limits are written: 50,000. */
const count = (n: number) => n.toLocaleString('en');

const item = (ref: ItemRef) => ('id' in ref ? `${ref.kind} "${ref.id}"` : `${ref.kind} ${ref.number}`);
const field = (ref: FieldRef) => (ref.item === undefined ? `"${ref.names}"` : `"${ref.names}" item ${ref.item}`);
/** `card "x": words`, or the words alone for the deck or source itself. */
const about = (ref: ItemRef | null, words: string) => (ref ? `${item(ref)}: ${words}` : words);

const TYPES = {
  text: 'must be text',
  number: 'must be a number',
  'whole-number': 'must be a whole number',
  boolean: 'must be true or false',
  list: 'must be a list',
  fields: 'must be a group of fields, one "name: value" per line'
};

/** "must …": what a value of a deck must be. */
function expectation(e: Expectation): string {
  switch (e.code) {
    case 'text':
    case 'number':
    case 'whole-number':
    case 'boolean':
    case 'list':
    case 'fields':
      return TYPES[e.code];
    case 'min-items':
      return `must list at least ${e.minimum} item${e.minimum === 1 ? '' : 's'}`;
    case 'max-items':
      return `must list at most ${e.maximum} items`;
    case 'not-empty':
      return 'must not be empty';
    case 'min':
      if (!e.inclusive && e.minimum === 0) return 'must be 1 or more';
      return e.inclusive ? `must be ${e.minimum} or more` : `must be more than ${e.minimum}`;
    case 'max':
      return `must be at most ${e.maximum}`;
    case 'max-length':
      return `must be at most ${e.maximum.toLocaleString('en')} characters long`;
    case 'web-address':
      return 'must be a web address starting with https://';
    case 'format':
      return `must be a valid ${e.format}`;
    case 'one-of': {
      const given = e.given.kind === 'list' ? 'a list' : e.given.kind === 'fields' ? 'a group of fields' : e.given.text;
      return `must be one of ${quoted(e.values)}, not "${given}"`;
    }
    case 'slug':
      return 'must be a slug: lowercase letters, digits and single hyphens, like "world-capitals"';
    case 'date':
      return 'must be a date written YYYY-MM-DD, like 2020-08-25';
    case 'language-tag':
      return 'must be a language tag like "en" or "pt-BR"';
    case 'paragraph-list':
      return 'must list at least one paragraph';
    case 'option-list':
      return 'must list at least two options';
    case 'card-list':
      return 'must hold at least one card';
    case 'answer-sort':
      return 'must be a word or two, like "person", "job title" or "city"';
    case 'source':
      return 'must be a source id (like "bbc-2020-report") or a source with its fields';
  }
}

function hint(h: TypeHint): string {
  switch (h.code) {
    case 'empty':
      return ', but it is empty';
    case 'quote-it':
      return `; put it in quotes to make it text: "${h.written}"`;
    case 'unquote-it':
      return '; write true or false without quotes';
    case 'not-this':
      return `, not "${h.written}"`;
    case 'not-this-number':
      return `, not ${h.written}`;
    case 'list-syntax':
      return '; put each item on its own line starting with "- ", or write [first, second]';
  }
}

const CLOZE: Record<ClozeError, string> = {
  'stray-close': 'cloze has "}}" with no "{{" before it',
  unclosed: 'cloze deletion "{{" is never closed with "}}"',
  nested: 'cloze deletions cannot be nested: close "{{" with "}}" first',
  empty: 'cloze deletion "{{}}" is empty: put the hidden words inside',
  'two-hints': 'cloze deletion has more than one "::"; write {{answer::hint}}',
  'no-deletion': 'cloze card has no deletion: wrap the words to hide in double braces, like {{Caracas}}'
};

/** A deck-wide rule a deck breaks. */
function rule(r: RuleProblem): string {
  switch (r.code) {
    case 'duplicate-source-id':
      return `duplicate source id "${r.id}"`;
    case 'duplicate-card-id':
      return `duplicate card id "${r.id}" (also used by card ${r.first}); card ids must be unique in a deck`;
    case 'cloze':
      return CLOZE[r.error];
    case 'duplicate-option':
      return `duplicate option "${r.option}"; each option must be different`;
    case 'answer-not-in-options':
      return `the answer "${r.answer}" is not among the options; add it to "options"`;
    case 'accept-repeats-answer':
      return `"${r.accepted}" repeats the answer; list only other answers`;
    case 'claim-needs-claim-by':
      return 'a card of kind "claim" needs "claimBy": who makes the claim';
    case 'claim-by-needs-claim':
      return '"claimBy" is only for cards of kind "claim"';
    case 'missing-kind':
      return 'missing field "kind": this deck declares a source, so every card says if it is a fact, claim or opinion';
    case 'missing-cite':
      return 'missing field "cite": this deck declares a source, so every card cites its source and paragraphs';
    case 'unknown-cite-source':
      return `cites source "${r.source}", which this deck does not declare${
        r.declared.length ? ` (declared: ${r.declared.join(', ')})` : ' (add it under "sources")'
      }`;
    case 'paragraph-out-of-range':
      return `cites paragraph ${r.paragraph}, but source "${r.source}" has only ${r.paragraphs} paragraphs`;
    case 'cite-as-whole':
      return `source "${r.source}" has no numbered paragraphs; cite it as a whole: { source: ${r.source} }`;
    case 'cite-needs-paragraphs':
      return 'missing field "paragraphs" in "cite"';
    case 'outline-needs-paragraphs':
      return '"outline" needs "paragraphs": how many numbered paragraphs the source has';
    case 'outline-length':
      return `"outline" has ${r.entries} entries, but the source has ${r.paragraphs} paragraphs; write one entry per paragraph, in order`;
  }
}

/** A deck schema issue met outside a deck file (an imported table, a deck inside a backup). */
function schemaIssue(issue: SchemaIssue): string {
  if (issue.code === 'expected') return expectation(issue.expected);
  if (issue.code === 'rule') return rule(issue.rule);
  return issue.message;
}

function yaml(e: YamlError): string {
  switch (e.code) {
    case 'duplicate-key':
      return `"${e.key}" appears twice in the same place; keep only one of them`;
    case 'unclosed-quote':
      return `this quoted text is never closed: add a ${e.quote} at its end`;
    case 'tab-indent':
      return 'this line is indented with a tab; indent with spaces only';
    case 'colon-in-value':
      return 'this value contains ": " (a colon and a space), which YAML reads as a new field; put the whole value in quotes';
    case 'unclosed-list':
      return 'a list opened with "[" is not closed with "]"';
    case 'unclosed-group':
      return 'a group opened with "{" is not closed with "}"';
    case 'indentation':
      return (
        `the indentation or a colon is wrong around here (${e.detail}); ` +
        'the fields of one card start in the same column, each written as "name: value"'
      );
    case 'other':
    case 'unreadable':
      return e.detail;
  }
}

function advice(key: string, a: FieldAdvice): string {
  switch (a.code) {
    case 'did-you-mean':
      return `did you mean "${a.field}"?`;
    case 'only-for-types':
      return `"${key}" is only for cards of type ${a.types.join(', ')}`;
    case 'allowed':
      return `allowed fields here: ${a.fields.join(', ')}`;
  }
}

function json(e: JsonError): string {
  switch (e.code) {
    case 'ends-early':
      return `the text ends too early: ${e.missing === 'value' ? 'a value is missing' : `a ${e.missing} is missing`} at the end`;
    case 'too-deep':
      return 'lists and groups are nested too deeply';
    case 'single-quotes':
      return 'text must be in "double quotes", not single quotes';
    case 'expected-value':
      return 'expected a value here: text in "double quotes", a number, true, false, null, a list [ ] or a group { }';
    case 'comma-before':
      return `a comma before ${e.close} is not allowed in JSON; remove the comma`;
    case 'unquoted-name':
      return 'a field name must be written in "double quotes"';
    case 'expected-colon':
      return 'expected ":" after the field name';
    case 'expected-comma':
      return e.close === '}'
        ? 'expected "," or "}" after this value; is a comma missing before it?'
        : 'expected "," or "]" after this item; is a comma missing before it?';
    case 'line-break-in-text':
      return 'this quoted text is never closed: add a " at its end (write a line break as \\n)';
    case 'control-character':
      return 'a control character must be written as an escape like \\t';
    case 'bad-escape':
      return `"\\${e.escape}" is not a valid escape; write a backslash itself as \\\\`;
    case 'unclosed-text':
      return 'this quoted text is never closed: add a " at its end';
    case 'bad-number':
      return 'this is not a valid number';
    case 'text-after-end':
      return 'unexpected text after the end of the deck';
    case 'engine':
      return e.detail;
  }
}

const NOT_TEXT: Record<NotTextKind, string> = {
  apkg: 'This is an Anki package (.apkg), which cannot be read here. In Anki, export the deck as "Notes in Plain Text" and import that file.',
  colpkg:
    'This is an Anki collection (.colpkg), which cannot be read here. In Anki, export a deck as "Notes in Plain Text" and import that file.',
  xlsx: 'This is an Excel workbook, which cannot be read here. In Excel, save it as "CSV UTF-8" and import that file.',
  xls: 'This is an Excel workbook, which cannot be read here. In Excel, save it as "CSV UTF-8" and import that file.',
  ods: 'This is a spreadsheet, which cannot be read here. Save it as CSV (UTF-8) and import that file.',
  numbers: 'This is a Numbers spreadsheet, which cannot be read here. Export it as CSV and import that file.'
};

const DELIMITERS = { ',': 'a comma', ';': 'a semicolon', '\t': 'a tab' };
const SEPARATORS: Record<string, string> = { '\t': 'tab', ',': 'comma', ';': 'semicolon', '\n': 'line break' };
const QUOTE_TWICE = 'To write a quote mark inside a field, put the whole field in quotes and write the mark twice: "".';

function side(s: SideName): string {
  if (s.side === 'tag') return `tag "${s.tag.slice(0, 20)}…"`;
  if ((s.side === 'front' || s.side === 'back') && s.column !== undefined) return `${s.side} (column ${s.column})`;
  return s.side;
}

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 100 || Number.isInteger(mb) ? String(Math.round(mb)) : mb.toFixed(1);
}

/** The words for one problem. */
function words(p: Problem): string {
  switch (p.code) {
    // A deck or source file
    case 'yaml-syntax':
      return `YAML syntax error: ${yaml(p.error)}`;
    case 'value': {
      const label = !p.field
        ? p.item
          ? item(p.item)
          : `the ${p.file} file`
        : p.item
          ? `${item(p.item)}: ${field(p.field)}`
          : field(p.field);
      return `${label} ${expectation(p.expected)}${p.hint ? hint(p.hint) : ''}`;
    }
    case 'not-valid':
      return about(p.item, 'is not valid here');
    case 'empty-file':
      return `the ${p.file} file is empty; write its fields: ${p.required.join(', ')}`;
    case 'missing-field':
      return about(p.item, `missing field "${p.field}"${p.inside ? ` in ${field(p.inside)}` : ''}`);
    case 'missing-type':
      return about(p.item, `missing field "type"; use one of: ${p.types.join(', ')}`);
    case 'unknown-type':
      return about(p.item, `unknown card type "${p.type}"; use one of: ${p.types.join(', ')}`);
    case 'type-not-text':
      return about(p.item, `"type" must be text; use one of: ${p.types.join(', ')}`);
    case 'unknown-field': {
      const owner = p.field
        ? `${field(p.field)} of ${p.item ? item(p.item) : `the ${p.file}`}`
        : p.item
          ? item(p.item)
          : `the ${p.file}`;
      return `unknown field "${p.key}" in ${owner}; ${advice(p.key, p.advice)}`;
    }
    case 'rule':
      return about(p.item, rule(p.rule));
    case 'unknown-source':
      return `unknown source "${p.id}": no content/*.source.yaml file has id "${p.id}"`;
    case 'duplicate-source-file':
      return `duplicate source id "${p.id}": ${p.first} already uses it; source ids must be unique`;
    case 'duplicate-deck-file':
      return `duplicate deck id "${p.id}": ${p.first} already uses it; deck ids must be unique`;
    case 'reserved-deck-id':
      return `deck id "${p.id}" is reserved for the list of decks; choose another id`;
    case 'broken-source':
      return `source "${p.id}" cannot be used until the problems in ${p.file} are fixed`;
    case 'media-not-found':
      return `image or sound "${p.ref}" not found: keep the file next to the deck (paths are relative to it)`;
    case 'media-outside-deck-folder':
      return `image or sound "${p.ref}" is outside the deck's folder: keep media files next to the deck`;
    case 'media-unsupported':
      return `"${p.ref}" is not a file cards can show: use PNG, JPEG, GIF, WebP, AVIF or SVG images; MP3, M4A, AAC, OGG, Opus, WAV, FLAC or WebM sounds`;
    case 'media-too-large':
      return `"${p.ref}" is ${(p.bytes / 1024 / 1024).toFixed(1)} MB; a deck's media file may be at most ${p.limit / 1024 / 1024} MB, as every learner downloads it with the app`;
    case 'not-deck-or-source':
      return `this file is neither a deck nor a source: name a deck "${p.name}.deck.yaml" and a source "${p.name}.source.yaml"`;
    case 'file-not-found':
      return 'file not found';
    case 'file-unreadable':
      return `cannot read the file (${p.detail})`;

    // A file to import
    case 'too-large':
      return (
        `The file is too large (${megabytes(p.bytes)} MB); the limit is ${megabytes(p.limit)} MB. ` +
        'Split it into smaller decks and import them one by one.'
      );
    case 'binary':
      return (
        'This does not look like a text file (it holds binary data, like an image or an Excel .xlsx workbook). ' +
        'Save or export the deck as CSV or plain text and try again.'
      );
    case 'not-text':
      return NOT_TEXT[p.kind];
    case 'empty':
      return 'The file is empty: there is nothing to import.';
    case 'undecoded':
      return (
        'Some characters show as "\uFFFD": the file itself holds that mark, so they were lost before, probably when it was converted from another encoding. ' +
        'Fix those cards after importing, or in the original file.'
      );
    case 'nothing-read':
      return 'No deck could be read from this file.';
    case 'crashed':
      return (
        `Something went wrong while reading this file (${p.detail}). ` +
        'Please report this problem, with the file if you can.'
      );
    case 'more':
      return (
        `…and ${count(p.count)} more ${p.of === 'skipped' ? `row${p.count === 1 ? '' : 's'} left out` : `${p.of}${p.count === 1 ? '' : 's'}`} from here on, not listed.` +
        (p.of === 'problem' ? ' Fix the ones above and import the file again to see the rest.' : '')
      );
    case 'delimiter':
      return `Columns are separated by ${DELIMITERS[p.delimiter]}, not commas; the file is read that way.`;
    case 'header-row':
      return `The first line (${p.cells.join(', ')}) is read as column names, not as a card.`;
    case 'one-column':
      return `This line has only one column; a card needs a front and a back separated by ${DELIMITERS[p.delimiter]}.`;
    case 'unnamed-columns':
      return 'Columns without a name in the first line are not imported.';
    case 'extra-column':
      return `The column "${p.name}" is not imported: only front, back and tags are.`;
    case 'one-field':
      return 'This note has only one field; a card needs a front and a back.';
    case 'extra-fields':
      return 'Only the first two fields of each note are imported; the others are left out.';
    case 'column-number':
      return `"#${p.header}" must be followed by a column number like 3, not "${p.value}".`;
    case 'unknown-separator':
      return `Unknown separator "${p.value}": use tab, comma, semicolon, pipe, space, colon or a single character.`;
    case 'html-flag':
      return `"#html" must be true or false, not "${p.value}".`;
    case 'unknown-header':
      return `The header line "${p.line.slice(0, 60)}" is not known; it is ignored.`;
    case 'comma-terms':
      return 'No tabs found, so each term is read up to the first comma and the definition after it.';
    case 'same-separators':
      return 'The separator between cards must differ from the one between term and definition.';
    case 'no-separator':
      return `No ${SEPARATORS[p.separator] ?? `"${p.separator}"`} between the term and the definition; every card needs both.`;
    case 'unclosed-quote':
      return `This quoted text is never closed: add a " at its end. ${QUOTE_TWICE}`;
    case 'bad-quote':
      return `A field in quotes must end right after its closing quote mark. ${QUOTE_TWICE}`;
    case 'unreadable-line':
      return `This line could not be read (${p.detail}).`;
    case 'too-many-rows':
      return (
        `The file has more than ${count(p.limit)} cards (this is card ${count(p.limit + 1)}); ` +
        `the limit is ${count(p.limit)} cards per deck. Split it into smaller decks.`
      );
    case 'no-cards':
      return `No cards found: no line has both a ${side(p.front)} and a ${side(p.back)}.`;
    case 'same-front':
      return `Same ${side(p.side)} as the card on line ${p.line}; both cards are kept.`;
    case 'empty-side':
      return `The ${side(p.side)} is empty.${p.ankiCloze ? ' This looks like an Anki cloze note: export with "Include notetype name" so it imports as a cloze card.' : ''}`;
    case 'side-too-long':
      return (
        `The ${side(p.side)} is ${count(p.length)} characters long; the limit is ${count(p.limit)} characters. ` +
        'Shorten it or split it into several cards.'
      );
    case 'anki-note-type':
      return `An Anki "${p.noteType}" note cannot be a Factdeck card.`;
    case 'anki-cloze':
      return `This cloze note's deletions cannot be read: ${CLOZE[p.error]}.`;
    case 'cloze-grouped':
      return 'Some cloze notes use the same number twice ({{c1::…}} … {{c1::…}}): Anki hides those together, Factdeck asks each on its own.';
    case 'cloze-nested':
      return 'Some cloze notes have a deletion inside another ({{c1::… {{c2::…}} …}}): the inner one is asked as part of the outer.';
    case 'anki-media':
      return 'Pictures and sounds are not imported: they stay in Anki’s media folder. The text of those cards is imported; to bring them too, export an Anki Deck Package (.apkg) and import that.';
    case 'deck-field':
      return `The deck's "${p.field}" ${schemaIssue(p.issue)}.`;
    case 'card-field':
      return `This card's "${p.field}" ${schemaIssue(p.issue)}.`;
    case 'json-syntax':
      return `JSON syntax error: ${json(p.error)}`;
    case 'deck-json':
      return `${p.path !== null ? `"${p.path}" ` : 'The deck '}${schemaIssue(p.issue)}`;
    case 'inline-source-needed':
      return (
        `the source "${p.id}" is named by its id only; an imported deck must write each source in full ` +
        'under "sources" (id, title, author, publisher, date, paragraphs)'
      );
    case 'too-many-cards':
      return (
        `The deck has ${count(p.count)} cards; the limit is ${count(p.limit)} cards per deck. ` +
        'Split it into smaller decks.'
      );
    case 'field-too-long':
      return (
        `card "${p.card}": "${p.field}" is ${count(p.length)} characters long; the limit is ` +
        `${count(p.limit)} characters. Shorten it or split it into several cards.`
      );
  }
}

export const problems = {
  words,
  /** `path:line:col: words`, the form editors and terminals turn into links. */
  line: (p: DeckProblem) => `${p.path}:${p.line}:${p.col}: ${words(p.problem)}`,
  schemaIssue
};
