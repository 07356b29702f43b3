/**
 * `record[key]` only when `record` holds that key itself: a key that comes from user data (a deck or
 * card id, an entity name or a separator in a file, a word of an answer) must never find what every
 * object inherits (`constructor`, `toString`...). Read first, so a Svelte state proxy tracks the key.
 */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  const value = record[key];
  return Object.hasOwn(record, key) ? value : undefined;
}
