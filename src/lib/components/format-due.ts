import * as t from '$lib/text';

/** "in 9 minutes", "in 3 hours", "tomorrow", "on 12 March": when a card is next due, relative to now. */
export function formatDue(due: number, now: Date): string {
  const ms = due - now.getTime();
  if (ms < 30_000) return t.due.now;
  if (ms < 3_600_000) return t.due.inMinutes(Math.max(1, Math.round(ms / 60_000)));
  if (ms < 12 * 3_600_000) return t.due.inHours(Math.round(ms / 3_600_000));
  const d = new Date(due);
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  if (d.toDateString() === now.toDateString()) return t.due.laterToday;
  if (d.toDateString() === tomorrow.toDateString()) return t.due.tomorrow;
  const year = d.getFullYear() === now.getFullYear() ? undefined : 'numeric';
  return t.due.on(d.toLocaleDateString(undefined, { day: 'numeric', month: 'long', year }));
}

/** "2 March 2026, 09:00" in the learner's locale: when a backup or snapshot was made. */
export function formatWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { dateStyle: 'long', timeStyle: 'short' });
}
