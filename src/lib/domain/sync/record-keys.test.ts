import { expect, test } from 'vitest';
import { latestAt } from './record-keys';

test('the latest time of 300,000 records (a first sync of a long history) without overflowing the stack', () => {
  const records = Array.from({ length: 300_000 }, (_, i) => ({ at: (i * 7919) % 300_001 }));
  expect(latestAt(records)).toBe(Math.max(...records.slice(0, 1000).map((r) => r.at), 300_000));
  expect(latestAt([])).toBe(-Infinity);
});
