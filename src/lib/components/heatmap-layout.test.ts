import { describe, expect, test } from 'vitest';
import { heatmapLayout } from './heatmap-layout';

function days(from: string, count: number, reviews: (i: number) => number = () => 0) {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => ({
    day: new Date(start + i * 86_400_000).toISOString().slice(0, 10),
    reviews: reviews(i)
  }));
}

describe('heatmapLayout', () => {
  test('puts each day under its weekday, Monday on top, one column per week', () => {
    // 2026-01-01 is a Thursday.
    const { cells, columns } = heatmapLayout(days('2026-01-01', 12));
    expect(cells[0]).toMatchObject({ day: '2026-01-01', col: 0, row: 3 });
    expect(cells[3]).toMatchObject({ day: '2026-01-04', col: 0, row: 6 });
    expect(cells[4]).toMatchObject({ day: '2026-01-05', col: 1, row: 0 });
    expect(cells[11]).toMatchObject({ day: '2026-01-12', col: 2, row: 0 });
    expect(columns).toBe(3);
  });

  test('a year of days fits in 53 or 54 columns', () => {
    const { columns, cells } = heatmapLayout(days('2025-03-11', 365));
    expect(columns).toBeGreaterThanOrEqual(53);
    expect(columns).toBeLessThanOrEqual(54);
    expect(cells.at(-1)!.col).toBe(columns - 1);
  });

  test('shades by share of the busiest day, empty days at level 0', () => {
    const counts = [0, 1, 4, 8, 2];
    const { cells, max } = heatmapLayout(days('2026-02-02', 5, (i) => counts[i]));
    expect(max).toBe(8);
    expect(cells.map((c) => c.level)).toEqual([0, 1, 2, 4, 1]);
  });

  test('labels a month at the first column whose Monday is in it', () => {
    const { months } = heatmapLayout(days('2026-01-26', 14));
    // 2026-02-01 is a Sunday, so February's first full column is the next one.
    expect(months).toEqual([{ col: 1, month: '2026-02' }]);
    expect(heatmapLayout([]).columns).toBe(0);
  });
});
