/** Wording for statistics: study-day labels as dates, answer time as minutes and hours, shares as percent. */
import * as t from '$lib/text';

/** A 'YYYY-MM-DD' study-day label as a local date, e.g. "Mon, 12 Jan 2026" or, with `options`, "12 Jan". */
export function formatDay(
  day: string,
  options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }
): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, options);
}

/** "0 min", "45 s", "12 min", "1 h 5 min": time studied, rounded down to what is worth reading. */
export function formatDuration(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  if (seconds === 0) return t.duration.none;
  if (seconds < 60) return t.duration.seconds(seconds);
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t.duration.minutes(minutes);
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? t.duration.hoursMinutes(hours, minutes % 60) : t.duration.hours(hours);
}

/** A share from 0 to 1 as a whole or one-decimal percent: "100%", "92.3%". */
export function formatPercent(share: number): string {
  const percent = Math.round(share * 1000) / 10;
  return `${percent}%`;
}
