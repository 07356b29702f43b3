/** "in 9 minutes", "in 3 hours", "tomorrow", "on 12 March": when a card is next due, relative to now. */
export function formatDue(due: number, now: Date): string {
  const ms = due - now.getTime();
  if (ms <= 60_000) return 'now';
  if (ms < 3_600_000) return `in ${Math.round(ms / 60_000)} minutes`;
  if (ms < 12 * 3_600_000) {
    const h = Math.round(ms / 3_600_000);
    return `in ${h} hour${h === 1 ? '' : 's'}`;
  }
  const d = new Date(due);
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  if (d.toDateString() === now.toDateString()) return 'later today';
  if (d.toDateString() === tomorrow.toDateString()) return 'tomorrow';
  return `on ${d.toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: d.getFullYear() === now.getFullYear() ? undefined : 'numeric' })}`;
}
