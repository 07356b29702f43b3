/**
 * What sort of thing an answer is (a person, a job title, an organisation, a date, a reason...), so
 * that a quiz offers only wrong answers of the same sort. Read from, in order: the sort a teacher
 * wrote on the card; the answer's own form (numbers, dates, job titles, organisations, places); the
 * question's cue ("Why", "When", "Who", "Which company", a cloze hint); the prompt (the answer to
 * "President of Venezuela" is a person); and for a long answer what its question asks for (an event,
 * a prediction, how a text sources something). What none of these tells is unknown (null), and an
 * unknown answer is offered no wrong answers but authored ones.
 */
import { plainText } from './plain-text';

/**
 * A sort: one of the named ones below, a teacher's own word from the deck, the head noun of the
 * question ("cargo" for "What cargo…?"), or `gloss:front`/`gloss:back` for a term's meaning in a
 * term-and-meaning deck (one per side, so a French word never stands in for an English one).
 */
export type AnswerSort = string;

export const SORTS = {
  boolean: 'boolean',
  number: 'number',
  date: 'date',
  person: 'person',
  title: 'title',
  organisation: 'organisation',
  place: 'place',
  city: 'city',
  country: 'country',
  reason: 'reason',
  /** What someone did or what happened: "What did Washington then do?" */
  event: 'event',
  /** What something was meant to do. */
  purpose: 'purpose',
  /** What someone claims, argues or thinks. */
  claim: 'claim',
  prediction: 'prediction',
  /** Where a text gets something from, or that it does not say. */
  sourcing: 'sourcing',
  /** What a text's wording does: "What does that wording do?" */
  assessment: 'assessment',
  origin: 'origin',
  /** "What is photosynthesis?" */
  definition: 'definition',
  /** Words quoted from a text. */
  phrase: 'phrase'
} as const;

/** A question asking why: "Why…?", "According to Maduro, why…?", not "…, and why notice it?". */
const REASON_CUE = /(?:^|[,:;]\s*)why\b/i;
/** What a long answer is, by what its question asks; the first that fits. */
const FRAMES: readonly [RegExp, AnswerSort][] = [
  [
    /\b(?:sources?|sourced|evidence|based on|base (?:it|this|that|its|their|his|her)|name (?:them|him|her)|cites?|cited|checking|attribut(?:e[sd]?|ions?|ing))\b/i,
    SORTS.sourcing
  ],
  [/\b(?:wording|framing|word choice|tone)\b|\bwhat does (?:that|this) \w+ (?:do|imply|suggest)\b/i, SORTS.assessment],
  [/\b(?:meant to|purpose|in order to|intended to)\b/i, SORTS.purpose],
  [/\b(?:predicts?|predicted|forecasts?|lead to)\b/i, SORTS.prediction],
  [/\b(?:speculates?|claims?|argues?|thinks?|believes?|confirm(?:s|ed)?|suggests?)\b/i, SORTS.claim],
  [
    /\b(?:respond|responded|responses?|react(?:ed)?|happened|doing)\b|\b(?:did|do|does)\s*(?:\?|to\b|with\b|next\b|then\b)/i,
    SORTS.event
  ],
  [/\bcomes? from\b|\bcame from\b/i, SORTS.origin],
  [/^(?:what|who) (?:is|are|was|were) (?!the\b)|^define\b/i, SORTS.definition]
];
/** Sorts of things with names, which a long sentence is not, whatever its question asks. */
const ENTITY_SORTS: ReadonlySet<AnswerSort> = new Set([
  'person',
  'title',
  'organisation',
  'place',
  'city',
  'country',
  'date',
  'number'
]);

/** Where the answer comes from, for reading it in context. */
export interface SortInput {
  prompt: string;
  answer: string;
  /** `front`/`back`: the side of a card the answer is; `cloze`: a deletion. */
  position: 'front' | 'back' | 'cloze';
  /** A cloze deletion's hint, like "what cargo?". */
  hint?: string;
  /** The sort the teacher wrote on the card. */
  authored?: string;
}

const MONTH = 'january|february|march|april|may|june|july|august|september|october|november|december';
const MONTH_RE = new RegExp(`\\b(?:${MONTH})\\b`, 'i');
const YEAR_RE = /\b(?:1\d{3}|20\d{2})s?\b/;
const MONTH_RE_G = new RegExp(`\\b(?:${MONTH})\\b`, 'gi');
/** Words a date may hold besides its numbers and month. */
const DATE_WORDS =
  /\b(?:\d+(?:st|nd|rd|th|s)?|first|second|third|last|half|quarter|early|late|mid|spring|summer|autumn|fall|winter|of|the|in|on|around|circa|c|since|until|by|century|decade)\b|[,.\-–]/gi;
const RELATIVE_TIME =
  /^(?:yesterday|today|tomorrow|(?:last|next|this|the following|the previous) (?:week|month|year|day|spring|summer|autumn|fall|winter|decade|century)|(?:\p{L}+|\d+) (?:days|weeks|months|years) (?:ago|later|earlier))$/iu;

const words = (list: string) => new Set(list.split(' '));
const TITLE_WORDS = words(
  'president vice-president minister secretary ambassador envoy chancellor governor mayor senator congressman congresswoman general admiral colonel commander chief head director ceo chair chairman chairwoman chairperson editor editor-in-chief reporter journalist correspondent columnist professor lecturer fellow researcher scientist analyst spokesman spokeswoman spokesperson king queen prince princess emperor empress pope bishop founder co-founder deputy officer diplomat judge prosecutor attorney commissioner mp representative premier dictator monarch sultan emir ayatollah leader'
);
const ORG_WORDS = words(
  'company corporation corp inc ltd llc plc bank channel network television televisión televisão tv radio newspaper news times post press agency ministry department university institute institution research centre center foundation council committee party association union league club college organisation organization outlet publisher broadcaster airline firm fund federation bureau authority commission service army navy parliament congress senate court'
);
const PLACE_WORDS = words(
  'sea ocean river lake gulf bay strait island islands mountain mountains desert peninsula coast valley canal falls'
);
const COUNTRY_WORDS = words('republic kingdom states emirates federation principality');
const COUNTRY_ACRONYMS = words('us usa uk uae ussr drc prc');
/** Small words a name may hold: "President of Colombia", "Lucas Leiroz de Almeida". */
const JOINING_WORDS = words('of the and de da do das dos del di du la le van von der y e al bin el & for on in');

/** Question nouns and what they ask for; any other noun is its own sort ("cargo", "hedge"). */
const CUE_NOUNS: Record<string, AnswerSort> = {
  ...Object.fromEntries(
    [
      'person people man woman president minister leader author writer official politician journalist reporter',
      'scientist king queen ruler general spokesman spokesperson actor artist composer painter poet inventor',
      'player founder prime ambassador'
    ]
      .join(' ')
      .split(' ')
      .map((w) => [w, SORTS.person])
  ),
  ...Object.fromEntries(
    'role job title position post office occupation profession rank affiliation'.split(' ').map((w) => [w, SORTS.title])
  ),
  ...Object.fromEntries(
    'organisation organization company firm outlet channel network newspaper publisher broadcaster agency party university institution bank station magazine website'
      .split(' ')
      .map((w) => [w, SORTS.organisation])
  ),
  ...Object.fromEntries('city capital town'.split(' ').map((w) => [w, SORTS.city])),
  ...Object.fromEntries('country nation'.split(' ').map((w) => [w, SORTS.country])),
  ...Object.fromEntries(
    'place sea ocean river lake region area continent island location'.split(' ').map((w) => [w, SORTS.place])
  ),
  ...Object.fromEntries('date year day month century decade'.split(' ').map((w) => [w, SORTS.date])),
  ...Object.fromEntries('number amount'.split(' ').map((w) => [w, SORTS.number])),
  ...Object.fromEntries('reason cause motive'.split(' ').map((w) => [w, SORTS.reason])),
  // Words quoted from a text: "What two-word phrase did Maduro use?", "Which hedging words…?"
  ...Object.fromEntries('phrase word expression hedge quote quotation term'.split(' ').map((w) => [w, SORTS.phrase]))
};
/** Words that end the noun phrase after "which" or "what". */
const STOP = words(
  'is are was were be been being do does did has have had will would can could should may might must shall of in on at to for from by with about into as than the a an this that these those he she it they we you i his her its their our your my and or not'
);
const PHRASE_END = words('of in at on for to with from by which that who whom whose where when and or');
const NUMBER_WORDS = words('one two three four five six seven eight nine ten several many few');

/** A teacher's sort as written ("Organization" and "organisation" are one). */
export function canonicalSort(sort: string): AnswerSort {
  const key = sort.trim().toLowerCase().replace(/\s+/g, ' ');
  if (key === 'organization') return SORTS.organisation;
  if (key === 'job' || key === 'job title' || key === 'role') return SORTS.title;
  if (key === 'people') return SORTS.person;
  return key;
}

/** The sort of an answer read in its question; null when nothing tells. */
export function answerSort(input: SortInput): AnswerSort | null {
  if (input.authored?.trim()) return canonicalSort(input.authored);
  const answer = plainText(input.answer).trim();
  const prompt = plainText(input.prompt).trim();
  const byForm = formSort(answer);
  if (byForm) return byForm;
  const cloze = input.position === 'cloze';
  if (/^because\b/i.test(answer) || (!cloze && REASON_CUE.test(prompt)) || (input.hint && REASON_CUE.test(input.hint)))
    return SORTS.reason;
  const cue = cloze ? (input.hint ? cueSort(input.hint, true) : null) : cueSort(prompt, false);
  if (cue === SORTS.phrase) return cue;
  if (isLong(answer)) {
    // A statement: what the question asks it to be, or nothing we can tell.
    const frame = cloze ? undefined : FRAMES.find(([re]) => re.test(prompt))?.[1];
    if (frame) return frame;
    // "Who denied it?" — "Foreign Minister Jorge Arreaza, who called it…": the person comes first.
    if (cue === SORTS.person) {
      const first = answer.split(/,\s/)[0];
      if (first.split(/\s+/).length <= 6 && entitySort(first) === SORTS.person) return SORTS.person;
    }
    // A long description ("Venezuelan state TV channel on which…"), not two sentences; after a bare
    // term, its first clause says what the term is ("President of Venezuela in 2020; his …").
    const clause = isTerm(prompt) ? answer.split(/[;.]\s/)[0] : /[.!;]/.test(answer) ? '' : answer;
    const entity = clause ? entitySort(clause) : null;
    if (entity) return entity;
    if (cue && !ENTITY_SORTS.has(cue)) return cue;
    return !cloze && isTerm(prompt) ? `gloss:${input.position}` : null;
  }
  const entity = entitySort(answer);
  if (entity) return entity;
  if (cue === SORTS.person) return isName(answer) ? cue : null;
  // "What role does the US play?" asks for a function ("naval hegemony"), not a job title.
  if (cue === SORTS.title) return isName(answer) ? cue : 'role';
  if (cue) return cue;
  if (cloze) return null;
  if (isTerm(prompt)) {
    const of = entitySort(prompt);
    if (of === SORTS.title && isName(answer)) return SORTS.person;
    if (of && isName(answer)) return of;
    return `gloss:${input.position}`;
  }
  if (isQuestion(prompt)) return isName(answer) ? 'answer:name' : 'answer:phrase';
  return null;
}

/** "Where did the idea come from?" asks for an origin, not a place. */
function comesFrom(lower: string): boolean {
  const where = /\bwhere (?:did|does|do)\b/.exec(lower);
  return !!where && /\bcomes? from\b/.test(lower.slice(where.index));
}

/** Sorts the answer's text alone shows: true/false, numbers and dates. */
export function formSort(text: string): AnswerSort | null {
  const t = plainText(text).trim().toLowerCase();
  if (/^(?:true|false|yes|no)$/.test(t)) return SORTS.boolean;
  if (/^(?:1\d{3}|20\d{2})s?$/.test(t)) return SORTS.date;
  const wordNumber = [...NUMBER_WORDS].some((w) => t === w || t.startsWith(`${w} `)) && t.split(' ').length <= 3;
  if (/^\d[\d,]*(?:\.\d+)?(?: \p{L}+)?$/u.test(t) && !MONTH_RE.test(t)) return SORTS.number;
  if (
    /^(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|eleven|twelve|\p{L}+teen)(?:-\p{L}+)?(?: \p{L}+)?$/u.test(
      t
    )
  )
    return SORTS.number;
  if (wordNumber && !['no', 'none'].includes(t)) return SORTS.number;
  if (RELATIVE_TIME.test(t)) return SORTS.date;
  // A date, and nothing but: "25 August 2020", "first half of 2020", "May 2021"; not "President in 2020".
  if (YEAR_RE.test(t) || (MONTH_RE.test(t) && /\d/.test(t)))
    return t.replace(DATE_WORDS, ' ').replace(MONTH_RE_G, ' ').trim() === '' ? SORTS.date : null;
  return null;
}

/** Job titles, organisations, countries and places: by any word of a name, by the head of a description. */
function entitySort(text: string): AnswerSort | null {
  const all = text.split(/\s+/);
  const bare = text.replace(/[^\p{L}\s]/gu, '').trim();
  if (all.length === 1 && /^\p{Lu}{2,6}$/u.test(bare))
    return COUNTRY_ACRONYMS.has(bare.toLowerCase()) ? SORTS.country : SORTS.organisation; // PDVSA, USA
  if (all.length === 1 && /^\p{Lu}\p{Ll}+\p{Lu}/u.test(text)) return SORTS.organisation; // InfoBrics
  const lower = all.map((w) => w.toLowerCase().replace(/[^\p{L}-]/gu, ''));
  // "United States and Colombia": two of a sort are not one of it.
  if (isName(text) && / and | & /.test(text)) {
    const parts = text
      .split(/,| and | & /)
      .map((p) => p.trim())
      .filter(Boolean);
    const sorts = new Set(parts.map((p) => entitySort(p) ?? (isName(p) ? 'name' : '')));
    return parts.length > 1 && sorts.size === 1 && !sorts.has('') ? `${[...sorts][0]} list` : null;
  }
  if (isName(text)) {
    const titleAt = lower.findIndex((w) => TITLE_WORDS.has(w));
    const orgAt = lower.findIndex((w) => ORG_WORDS.has(w));
    if (titleAt !== -1 && (orgAt === -1 || titleAt < orgAt)) {
      // "Defense Minister Vladimir Padrino" is a person, "Minister of Defence" a title.
      const rest = all.slice(titleAt + 1);
      return rest.length >= 2 && rest.every((w) => /^\p{Lu}/u.test(w)) ? SORTS.person : SORTS.title;
    }
    if (orgAt !== -1) return SORTS.organisation;
    if (lower.some((w) => COUNTRY_WORDS.has(w))) return SORTS.country;
    if (lower.some((w) => PLACE_WORDS.has(w))) return SORTS.place;
    return null;
  }
  // A description: its head is the last word before a preposition, "Research fellow | in law".
  const end = lower.findIndex((w, i) => i > 0 && PHRASE_END.has(w));
  const head = lower.slice(0, end === -1 ? 6 : Math.min(end, 6)).at(-1) ?? '';
  if (TITLE_WORDS.has(head)) return SORTS.title;
  if (ORG_WORDS.has(head)) return SORTS.organisation;
  if (PLACE_WORDS.has(head)) return SORTS.place;
  return null;
}

/** The sort a question asks for, from its wording; a cloze hint is read the same way. */
function cueSort(question: string, hint: boolean): AnswerSort | null {
  const q = question.replace(/["“”‘’]/g, '');
  const lower = q.toLowerCase();
  if (REASON_CUE.test(q)) return SORTS.reason;
  if (/\bhow (?:many|much)\b/.test(lower)) return SORTS.number;
  const noun = headNoun(q);
  if (noun) return CUE_NOUNS[noun] ?? noun;
  // "…? (two words)": the answer is the text's own few words.
  if (/\((?:one|two|three|\d) words?\)/.test(lower)) return SORTS.phrase;
  if (/\bwhen\b/.test(lower)) return SORTS.date;
  if (/\bwhere\b/.test(lower) && !comesFrom(lower)) return SORTS.place;
  if (/\bwho(?:m)?\b/.test(lower)) return SORTS.person;
  // No question word: "Type the capital of…", "Name Venezuela's Defense Minister", a hint "a city on the Spree".
  if (hint || !isQuestion(q)) {
    for (const w of lower.split(/[^\p{L}-]+/u)) {
      const s = CUE_NOUNS[singular(w)];
      if (s) return s;
    }
  }
  return null;
}

/** "which hedging words mark…" gives "word"; "what is the capital of…" gives "capital". */
function headNoun(question: string): string | null {
  const m = /\b(?:which|what)\s+(?:(?:kind|sort|type)s? of\s+)?([^?.,;:!()]*)/i.exec(question);
  if (!m) return null;
  let rest = m[1].split(/\s+/).filter(Boolean);
  if (/^(?:is|was|are|were)$/i.test(rest[0] ?? '') && /^the$/i.test(rest[1] ?? '')) rest = rest.slice(2);
  const phrase: string[] = [];
  for (const w of rest) {
    if (STOP.has(w.toLowerCase()) || phrase.length === 3) break;
    phrase.push(w);
  }
  const mapped = phrase.map((w) => singular(w.toLowerCase())).filter((w) => CUE_NOUNS[w]);
  if (mapped.length) return mapped.at(-1)!;
  const modifier = (w: string) =>
    w.includes('-') || /^\p{Lu}/u.test(w) || NUMBER_WORDS.has(w.toLowerCase()) || /(?:ing|ed)$/i.test(w);
  // English puts the noun last ("what military step"), unless a plural noun is followed by its verb
  // ("which hedging words mark").
  const words = phrase.filter((w) => !modifier(w)).slice(0, 2);
  const head = words.length === 2 && /[^s]s$/i.test(words[0]) ? words[0] : words.at(-1);
  return head ? singular(head.toLowerCase()) : null;
}

function singular(w: string): string {
  if (/ies$/.test(w) && w.length > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(w) || w.length <= 3) return w;
  return w.replace(/s$/, '');
}

/** A sentence or a long description rather than a name or a short phrase. */
function isLong(answer: string): boolean {
  const n = answer.split(/\s+/).length;
  return n > 6 || answer.includes(';') || (n >= 3 && /[.!]$/.test(answer));
}

/** Capitalised words, small joining words allowed: "Nicolás Maduro", "Caribbean Sea". */
function isName(text: string): boolean {
  const ws = text.split(/\s+/);
  return (
    ws.length <= 6 && /^\P{L}*\p{Lu}/u.test(ws[0]) && ws.every((w) => /^\P{L}*\p{Lu}/u.test(w) || JOINING_WORDS.has(w))
  );
}

function isQuestion(prompt: string): boolean {
  return /\?\s*$/.test(prompt) || /^(?:who|whom|whose|what|which|when|where|why|how)\b/i.test(prompt);
}

/** A bare term, like a flashcard's "Nicolás Maduro" or "chien", not a question or a sentence. */
function isTerm(prompt: string): boolean {
  return !isQuestion(prompt) && !/[.!]$/.test(prompt) && prompt.split(/\s+/).length <= 12;
}
