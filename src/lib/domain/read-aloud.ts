/**
 * What a card says when read aloud, as plain text (no Markdown), and which voice reads it. The app's
 * own words (the word for a cloze gap, true and false) come from the caller.
 */
import { plainText } from './plain-text';
import type { StudyItem } from './study-items';

export interface SpokenWords {
  /** Said in place of the gap a cloze asks for. */
  blank: string;
  true: string;
  false: string;
}

/** The question side of a study item: a cloze's asked gap is `words.blank`, its other gaps their answers. */
export function spokenQuestion(item: StudyItem, words: SpokenWords): string {
  if (item.side === 'cloze') {
    let n = 0;
    const text = item.parts
      .map((part) => (typeof part === 'string' ? part : ++n === item.deletion ? ` ${words.blank} ` : part.answer))
      .join('');
    return plainText(text)
      .replace(/\s+/g, ' ')
      .replace(/ ([,.;:!?])/g, '$1')
      .trim();
  }
  if (item.side === 'back') return plainText(item.card.back);
  return item.card.type === 'cloze' ? '' : plainText(item.card.front);
}

/** The answer side: the answer, then its explanation. A cloze reads its whole sentence. */
export function spokenAnswer(item: StudyItem, words: SpokenWords): string {
  const card = item.card;
  let answer: string;
  if (item.side === 'cloze')
    answer = item.parts.map((part) => (typeof part === 'string' ? part : part.answer)).join('');
  else if (item.side === 'back') answer = item.card.front;
  else if (card.type === 'basic' || card.type === 'reverse') answer = card.back;
  else if (card.type === 'truefalse') answer = card.answer ? words.true : words.false;
  else if (card.type === 'typed' || card.type === 'choice') answer = card.answer;
  else answer = '';
  return [answer, card.explanation ?? '']
    .map((s) => plainText(s).trim())
    .filter(Boolean)
    .join('. ');
}

export interface VoiceLike {
  lang: string;
  default?: boolean;
  localService?: boolean;
}

/**
 * The voice for a BCP 47 tag: one for exactly that tag ("pt-BR"), else one for its language ("pt"),
 * preferring the device's default and voices that work offline; null when the device has none.
 */
export function chooseVoice<V extends VoiceLike>(voices: readonly V[], lang: string): V | null {
  const want = lang.toLowerCase().replace(/_/g, '-');
  const base = want.split('-')[0];
  const tag = (v: V) => v.lang.toLowerCase().replace(/_/g, '-');
  const rank = (v: V) => (v.default ? 2 : 0) + (v.localService ? 1 : 0);
  const best = (list: V[]) => list.sort((a, b) => rank(b) - rank(a))[0] ?? null;
  return best(voices.filter((v) => tag(v) === want)) ?? best(voices.filter((v) => tag(v).split('-')[0] === base));
}
