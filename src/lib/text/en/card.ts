/** How a card and its progress are described wherever one is shown. */
import { plural } from './plural';

/** The four grades, by rating (1 to 4). */
export const grades = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as Record<1 | 2 | 3 | 4, string>;

export const states = {
  new: 'New',
  learning: 'Learning',
  review: 'Review',
  relearning: 'Relearning',
  suspended: 'Suspended',
  leech: 'Leech'
};

export const kinds = {
  fact: 'Reported fact',
  claim: 'Claim',
  claimBy: (who: string | undefined) => `Claim: ${who ?? 'someone'}`,
  opinion: "Author's opinion"
};

export const answers = { true: 'True', false: 'False' };

export const citation = {
  source: 'Source:',
  paragraph: (n: number) => `paragraph ${n}`,
  paragraphs: (first: string, last: number) => `paragraphs ${first} and ${last}`,
  /** The title, author, publisher and date of a source, as a part a card cites. */
  byline: 'byline',
  /** A source cited as a whole: who published it, and when. */
  whole: (publisher: string, date: string) => `${publisher}, ${date}`
};

export const cloze = {
  blank: 'blank',
  blankWithHint: (hint: string) => `blank, hint: ${hint}`
};

/** When a card is due, from now. */
export const due = {
  now: 'now',
  inMinutes: (m: number) => `in ${plural(m, 'minute')}`,
  inHours: (h: number) => `in ${plural(h, 'hour')}`,
  laterToday: 'later today',
  tomorrow: 'tomorrow',
  on: (date: string) => `on ${date}`
};

/** Images and sounds on cards. */
export const media = {
  /** The name of a sound's play control when the card gives none. */
  sound: 'Sound',
  /** In place of a sound whose file is not on this device. */
  soundMissing: '(sound not on this device)'
};

/** An image of an imported deck that lives on another site, before the learner allows it. */
export const remoteImages = {
  notLoaded: (host: string, alt: string) => `Image from ${host} not loaded${alt ? `: ${alt}` : ''}.`,
  load: (host: string) => `Load images from ${host}`
};
