/** The order study mode shows a choice card's authored options in. */
import { createRandom } from './random';

/** FNV-1a: a text as a 32-bit number, so a card id can seed the shuffle. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * `options` shuffled as quizzes shuffle them, so the right answer's place in the file teaches nothing;
 * the same card in the same session (same `sessionStart`, in ms) always gets the same order.
 */
export function studyOptionOrder(options: readonly string[], cardId: string, sessionStart: number): string[] {
  return createRandom((hash(cardId) ^ sessionStart) >>> 0).shuffle(options);
}
