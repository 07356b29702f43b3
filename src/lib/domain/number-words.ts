/** English number words 0-99 and ordinals to tenth: enough for "how many ships?" answers written either way. */

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen'
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINALS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

const unitOf = new Map(UNITS.map((w, i) => [w, i]));
const tenOf = new Map(TENS.flatMap((w, i) => (w ? [[w, i * 10] as const] : [])));
const ordinalOf = new Map(ORDINALS.flatMap((w, i) => (w ? [[w, i] as const] : [])));

/** Replaces number words in lowercase, space-separated text with digits: "twenty one ships" -> "21 ships". */
export function numberWordsToDigits(text: string): string {
  const words = text.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const ten = tenOf.get(w);
    const unit = unitOf.get(words[i + 1] ?? '');
    if (ten !== undefined && unit !== undefined && unit > 0 && unit < 10) {
      out.push(String(ten + unit));
      i++;
    } else out.push(String(ten ?? unitOf.get(w) ?? ordinalOf.get(w) ?? w));
  }
  return out.join(' ');
}

/** 0-99 in words ("twenty-one"); other numbers as digits. */
export function numberToWords(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 20) return UNITS[n];
  return TENS[Math.floor(n / 10)] + (n % 10 ? `-${UNITS[n % 10]}` : '');
}
