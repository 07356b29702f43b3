/** Editing a card's fields: the card editor and the review of a drafted deck. */
import type { CardType } from '$lib/domain';
import { plural } from './plural';

export const cardEditor = {
  type: 'Type',
  types: {
    basic: 'Question and answer',
    reverse: 'Both ways (studied front to back and back to front)',
    cloze: 'Fill in the blank (cloze)',
    typed: 'Typed answer',
    choice: 'Multiple choice',
    truefalse: 'True or false'
  } satisfies Record<CardType, string>,
  front: 'Front',
  back: 'Back',
  question: 'Question',
  statement: 'Statement',
  clozeText: 'Text',
  clozeHint:
    'Put the words to hide in double braces: The capital of Peru is {{Lima}}. A hint may follow two colons: {{Lima::city}}.',
  answer: 'Answer',
  accept: 'Other accepted answers, one per line',
  options: 'Options, one per line, the answer among them',
  isTrue: 'The statement is true',
  isFalse: 'The statement is false',
  explanation: 'Explanation (shown after the answer)',
  kind: 'Kind',
  noKind: 'Not labelled',
  claimBy: 'Claim by (who makes it)',
  source: 'Source',
  noSource: 'No source',
  paragraphs: 'Paragraphs (numbers, like 3 or 3, 4)',
  tags: 'Tags, separated by commas',
  problems: (n: number) => `${plural(n, 'problem')} in this card:`,
  field: {
    front: 'Front',
    back: 'Back',
    text: 'Text',
    answer: 'Answer',
    accept: 'Accepted answers',
    options: 'Options',
    explanation: 'Explanation',
    kind: 'Kind',
    claimBy: 'Claim by',
    cite: 'Cite',
    tags: 'Tags',
    id: 'Id'
  } as Record<string, string>
};
