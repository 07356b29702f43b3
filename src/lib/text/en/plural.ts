/** "1 card", "3 cards". */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "is" or "are", for a count. */
export const isAre = (n: number) => (n === 1 ? 'is' : 'are');
