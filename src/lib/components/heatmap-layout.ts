/** Where each day of a review heatmap goes: one column per week (Monday on top), one row per weekday. */

export interface HeatmapInputDay {
  /** 'YYYY-MM-DD'. */
  day: string;
  reviews: number;
}

export interface HeatmapCell {
  day: string;
  reviews: number;
  col: number;
  /** 0 Monday ... 6 Sunday. */
  row: number;
  /** 0 for no reviews, then 1 to 4 by share of the busiest day. */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface HeatmapLayout {
  cells: HeatmapCell[];
  columns: number;
  /** The first column of each month that starts in the range, with the month's 'YYYY-MM'. */
  months: { col: number; month: string }[];
  max: number;
}

function weekdayMondayFirst(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** Lays out consecutive days, oldest first. */
export function heatmapLayout(days: readonly HeatmapInputDay[]): HeatmapLayout {
  const max = days.reduce((m, d) => Math.max(m, d.reviews), 0);
  const offset = days.length ? weekdayMondayFirst(days[0].day) : 0;
  const cells: HeatmapCell[] = [];
  const months: HeatmapLayout['months'] = [];
  days.forEach((d, i) => {
    const slot = i + offset;
    const col = Math.floor(slot / 7);
    const level = d.reviews === 0 ? 0 : (Math.max(1, Math.ceil((4 * d.reviews) / max)) as 1 | 2 | 3 | 4);
    cells.push({ day: d.day, reviews: d.reviews, col, row: slot % 7, level });
    if (d.day.endsWith('-01')) months.push({ col: slot % 7 === 0 ? col : col + 1, month: d.day.slice(0, 7) });
  });
  const columns = days.length ? Math.floor((days.length - 1 + offset) / 7) + 1 : 0;
  return { cells, columns, months: months.filter((m) => m.col < columns), max };
}
