/** A source's page. */
import { plural } from './plural';

export const sources = {
  title: (source: string) => `${source} · Sources`,
  notFound: (sourceId: string) => `There is no source called "${sourceId}" on this device.`,
  notInDeck: (sourceId: string, deck: string) => `The deck “${deck}” has no source called "${sourceId}".`,
  /** Before the deck's title, on a source as a deck stored on this device describes it. */
  citedIn: 'As described in the deck',
  author: 'Author',
  publishedBy: 'Published by',
  firstPublishedBy: 'First published by',
  genre: 'Type of text',
  original: 'Original',
  paragraphs: 'Paragraphs',
  summary: 'Summary',
  rights:
    'The text of this article belongs to its author and publisher and is not reproduced here. Our cards paraphrase it and cite it by paragraph.',
  rightsWhole:
    'This document belongs to its author and publisher and is not reproduced here. Our cards sum up what it says and cite it as a whole.',
  mapHeading: 'Paragraph map',
  mapIntro: 'Which cards cite each paragraph.',
  uncovered: (ps: number[]) => `Not yet covered: ${ps.map((p) => `paragraph ${p}`).join(', ')}.`,
  allCovered: 'Every paragraph is covered.',
  paragraph: (n: number) => `Paragraph ${n}`,
  inOriginal: (n: number) => `Paragraph ${n} in the original`,
  byline: 'Byline',
  bylineGist: 'Title, author, publishers and date, with any note on where the text first appeared.',
  wholeHeading: 'Cards that cite it',
  wholeIntro: 'This source has no numbered paragraphs, so cards cite it as a whole.',
  noCards: 'No card cites it yet.',
  cards: (n: number) => `· ${plural(n, 'card')}`
};
