/** A source's page. */
import { plural } from './plural';

export const sources = {
  title: (source: string) => `${source} · Sources`,
  notFound: (sourceId: string) => `There is no source called "${sourceId}" on this device.`,
  author: 'Author',
  publishedBy: 'Published by',
  firstPublishedBy: 'First published by',
  genre: 'Type of text',
  original: 'Original',
  paragraphs: 'Paragraphs',
  summary: 'Summary',
  rights:
    'The text of this article belongs to its author and publisher and is not reproduced here. Our cards paraphrase it and cite it by paragraph.',
  mapHeading: 'Paragraph map',
  mapIntro: 'Which cards cite each paragraph.',
  uncovered: (ps: number[]) => `Not yet covered: ${ps.map((p) => `paragraph ${p}`).join(', ')}.`,
  allCovered: 'Every paragraph is covered.',
  paragraph: (n: number) => `Paragraph ${n}`,
  cards: (n: number) => `· ${plural(n, 'card')}`
};
