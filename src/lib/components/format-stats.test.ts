import { describe, expect, test } from 'vitest';
import { formatDay, formatDuration, formatPercent } from './format-stats';

describe('formatDuration', () => {
  test('rounds down to seconds, minutes, then hours and minutes', () => {
    expect(formatDuration(0)).toBe('0 min');
    expect(formatDuration(999)).toBe('0 min');
    expect(formatDuration(-5)).toBe('0 min');
    expect(formatDuration(45_500)).toBe('45 s');
    expect(formatDuration(12 * 60_000 + 59_000)).toBe('12 min');
    expect(formatDuration(3_600_000)).toBe('1 h');
    expect(formatDuration(3_600_000 + 5 * 60_000)).toBe('1 h 5 min');
  });
});

describe('formatPercent', () => {
  test('keeps one decimal only when there is one', () => {
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(12 / 13)).toBe('92.3%');
    expect(formatPercent(0)).toBe('0%');
  });
});

describe('formatDay', () => {
  test('reads the label as a local calendar date, not a UTC instant', () => {
    const day = formatDay('2026-01-05', { year: 'numeric', month: '2-digit', day: '2-digit' });
    expect(day).toBe(
      new Date(2026, 0, 5).toLocaleDateString(undefined, { year: 'numeric', month: '2-digit', day: '2-digit' })
    );
    expect(formatDay('2026-03-01', { month: 'numeric', day: 'numeric' })).toMatch(/\b1\b/);
  });
});
