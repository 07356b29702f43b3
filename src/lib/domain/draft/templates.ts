/**
 * The English words drafted cards are made of: their prompts, options, hints and one-line
 * explanations, and the drafted deck's description. They are deck content (saved into the deck and
 * edited by the teacher like any card text), not the app's own words, so they live here rather than
 * in `src/lib/text/`. The drafting engine reads English only.
 */
import type { MentionSort } from './mentions';
import type { SignalRole } from './judgement';

export const DRAFT_LANGUAGE = 'en';

/** A card tag per question the card answers. */
export const TAGS = { fact: 'key-facts', claim: 'who-said-what', opinion: 'how-to-read-it' } as const;

/** Hints shown in a cloze gap. */
export const HINTS: Record<MentionSort, string> = {
  date: 'date',
  number: 'number',
  person: 'who?',
  org: 'organisation',
  place: 'place',
  name: 'name'
};

export const SIGNAL_HINTS: Record<SignalRole, string> = {
  view: 'whose view?',
  judgement: 'judgement',
  hedge: 'hedge',
  ought: 'what ought to be',
  forecast: 'forecast',
  dispute: 'whose view is questioned?'
};

const SIGNAL_VERBS: Record<SignalRole, string> = {
  view: 'gives the writer’s own view',
  judgement: 'judges',
  hedge: 'hedges',
  ought: 'says what ought to be',
  forecast: 'predicts',
  dispute: 'sets the writer against what others say'
};

export const deckDescription = (title: string, author: string): string =>
  `Key facts, who said what, and how to read “${title}”${author ? ` by ${author}` : ''}. Drafted from the article; each card cites the paragraph it comes from.`;

export const prompts = {
  role: (role: string) => `In the article, who is ${role}?`,
  roleClause: (clause: string) => `In the article, who ${clause}?`,
  /** "Who said the decision was…?": the sentence from its verb on. */
  whoPredicate: (predicate: string) => `Who ${predicate}?`,
  whoQuote: (verb: string, quote: string) => `Who ${verb} “${quote}”?`,
  whoThat: (verb: string, content: string) => `Who ${verb} that ${content}?`,
  whoAccording: (content: string) => `According to the article, who says that ${content}?`,
  unnamed: (group: string) => `${capitalise(group)} (the article does not name them)`,
  whoseView: (sentence: string) => `The article says: “${sentence}” Whose view is this?`,
  whatKind: (sentence: string) => `The article says: “${sentence}” What kind of statement is this?`
};

export const options = {
  writersView: 'The writer’s own view',
  fact: 'A fact the article reports',
  claimBy: (name: string) => `A claim by ${name}`,
  claimBySomeone: 'A claim by someone the article quotes',
  claim: 'A claim the article attributes to someone'
};

export const explanations = {
  fact: 'The article states this in its own voice, naming no source and adding no judgement, so it is a reported fact.',
  role: (name: string) => `The article gives ${name}’s role in its own words, so it is a reported fact.`,
  claim: (by: string, verb: string) =>
    verb
      ? `The article credits this to ${by} (“${verb}”), so it is ${by}’s claim, not a fact the article reports.`
      : `These are ${by}’s words, in quotation marks, so this is ${by}’s claim, not a fact the article reports.`,
  opinion: (signals: { role: SignalRole; text: string }[]) =>
    signals.length === 0
      ? 'No one else is credited with this judgement, so it is the writer’s opinion.'
      : `${joinAnd(signals.map((s) => `“${s.text}” ${SIGNAL_VERBS[s.role]}`))}: no one else is credited with it, so it is the writer’s opinion.`
};

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
