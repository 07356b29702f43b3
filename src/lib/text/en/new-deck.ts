/** The new-deck page: an empty deck, or a deck drafted from an article. */
import type { DraftProblem } from '$lib/domain/draft';
import { plural } from './plural';

export const newDeck = {
  /** Why drafting stopped, in words a teacher can act on. */
  problem: (p: DraftProblem): string => {
    switch (p.code) {
      case 'empty':
        return 'There is no text to draft from: paste the article, or open its file.';
      case 'too-long':
        return `The article has ${p.words.toLocaleString('en')} words; drafting takes at most ${p.limit.toLocaleString('en')}. Draft it in parts.`;
      case 'nothing-found':
        return `No card could be drafted from ${plural(p.paragraphs, 'paragraph')}: no dates, numbers, names, attributed statements or judgements were found. Is it an English article?`;
    }
  }
};
