import { expect, test } from 'vitest';
import { formatDue } from './format-due';

const NOW = new Date(2026, 2, 2, 9, 0, 0);
const at = (ms: number) => NOW.getTime() + ms;

test('minutes and hours from now, in words', () => {
  expect(formatDue(at(10_000), NOW)).toBe('now');
  expect(formatDue(at(60_000), NOW)).toBe('in 1 minute');
  expect(formatDue(at(10 * 60_000), NOW)).toBe('in 10 minutes');
  expect(formatDue(at(3 * 3_600_000), NOW)).toBe('in 3 hours');
});

test('later days by name or date', () => {
  expect(formatDue(at(14 * 3_600_000), NOW)).toBe('later today');
  expect(formatDue(at(24 * 3_600_000), NOW)).toBe('tomorrow');
  expect(formatDue(new Date(2026, 2, 12, 9).getTime(), NOW)).toMatch(/12/);
});
