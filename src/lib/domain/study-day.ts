/** The study day starts at 4 a.m. local time, as in Anki, so late-night study counts for the day before. */
export const ROLLOVER_HOUR = 4;

/** Start of the study day containing `now` (local time). */
export function studyDayStart(now: Date, rolloverHour = ROLLOVER_HOUR): Date {
  const start = new Date(now);
  start.setHours(rolloverHour, 0, 0, 0);
  if (start.getTime() > now.getTime()) start.setDate(start.getDate() - 1);
  return start;
}

/** Start of the next study day after `now`. */
export function nextStudyDayStart(now: Date, rolloverHour = ROLLOVER_HOUR): Date {
  const next = studyDayStart(now, rolloverHour);
  next.setDate(next.getDate() + 1);
  return next;
}
