/**
 * Ids for imported decks and cards, derived from their content so that importing the same file again
 * gives the same ids: a learner's progress is keyed by card id.
 */

/** Lowercase ASCII letters, digits and single hyphens, cut at a hyphen near `maxLength`; may be empty. */
export function slugify(text: string, maxLength = 48): string {
  const hyphenated = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  const slug = trimHyphens(hyphenated);
  if (slug.length <= maxLength) return slug;
  const cut = slug.slice(0, maxLength);
  const hyphen = cut.lastIndexOf('-');
  return trimHyphens(hyphen > maxLength / 2 ? cut.slice(0, hyphen) : cut);
}

/** Without hyphens at either end (a loop: a pattern anchored at the end would be quadratic). */
function trimHyphens(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === '-') start++;
  while (end > start && text[end - 1] === '-') end--;
  return text.slice(start, end);
}

/** Six base-36 characters of a 32-bit FNV-1a hash: tells apart texts whose slugs are the same. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return ((hash >>> 0) % 36 ** 6).toString(36).padStart(6, '0');
}

/**
 * A 53-bit hash of a text, as a number (cyrb53: two 32-bit multiply-xor lanes). Not cryptographic;
 * for ids derived from content, where sha256 would cost ten times as much over 100,000 rows.
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A function giving each card its id from its front: the front's slug plus a hash of the front, and
 * -2, -3... for later cards with the same front. The back is left out so fixing a typo in an answer
 * keeps the card's progress.
 */
export function cardIdMaker(): (front: string) => string {
  const used = new Set<string>();
  const next = new Map<string, number>();
  return (front) => {
    const text = front.trim();
    const base = `${slugify(text, 40) || 'card'}-${shortHash(text)}`;
    let n = next.get(base) ?? 1;
    let id = n === 1 ? base : `${base}-${n}`;
    while (used.has(id)) id = `${base}-${++n}`;
    next.set(base, n + 1);
    used.add(id);
    return id;
  };
}

/** The file name without its folder and its last extension. */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** Deck id from the file name, else the title, else "imported-deck". */
export function deckIdFor(fileName: string | undefined, title: string | undefined): string {
  return slugify(baseName(fileName ?? ''), 60) || slugify(title ?? '', 60) || 'imported-deck';
}

/** "world_capitals-2024.csv" → "World capitals 2024". */
export function titleFromFileName(fileName: string): string {
  const words = baseName(fileName)
    .replace(/[_\s-]+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
