/** Statistics over stored card states: how many cards are in each state, what falls due when, leeches. */
import { LEECH_LAPSES, State, type CardProgress } from './progress';
import { studyDayCounter, studyDayLabel, type StudyDayOptions } from './study-day';

/** Key of one study item across decks, as used in sets of suspended items. */
export function studyItemKey(deckId: string, cardId: string): string {
  return `${deckId}\u0000${cardId}`;
}

export interface CardStateCounts {
  new: number;
  learning: number;
  review: number;
  relearning: number;
  suspended: number;
}

/**
 * How many of `itemCount` study items are in each state. Items without stored progress, or stored as
 * New, are new. `suspended` holds `studyItemKey`s and must be limited to the same items as
 * `itemCount` (its never-studied members are taken off the new count); suspended items count only
 * as suspended.
 */
export function cardsByState(
  progress: readonly CardProgress[],
  itemCount: number,
  suspended: ReadonlySet<string> = new Set()
): CardStateCounts {
  const counts: CardStateCounts = { new: 0, learning: 0, review: 0, relearning: 0, suspended: 0 };
  let studied = 0;
  let studiedSuspended = 0;
  for (const p of progress) {
    if (p.state === State.New) continue;
    studied++;
    if (suspended.size > 0 && suspended.has(studyItemKey(p.deckId, p.cardId))) {
      studiedSuspended++;
      continue;
    }
    if (p.state === State.Learning) counts.learning++;
    else if (p.state === State.Review) counts.review++;
    else counts.relearning++;
  }
  counts.suspended = suspended.size;
  counts.new = Math.max(0, itemCount - studied - (suspended.size - studiedSuspended));
  return counts;
}

export interface DueDay {
  /** Study day, 'YYYY-MM-DD' local. */
  day: string;
  count: number;
}

/**
 * Cards falling due on each of the next `days` study days, today first; overdue cards count today.
 * Never-studied cards are not forecast. Leave suspended items out of `progress`.
 */
export function dueForecast(
  progress: readonly CardProgress[],
  now: Date,
  days = 30,
  options: StudyDayOptions = {}
): DueDay[] {
  days = Math.max(0, Math.floor(days));
  const dayOf = studyDayCounter(options);
  const nowMs = now.getTime();
  const today = dayOf(nowMs);
  const counts = new Array<number>(days).fill(0);
  for (const p of progress) {
    if (p.state === State.New) continue;
    // Anything due by now is due today at the latest; skips the day lookup for the overdue pile.
    const ahead = p.due <= nowMs ? 0 : dayOf(p.due) - today;
    if (ahead < days) counts[ahead]++;
  }
  return counts.map((count, i) => ({ day: studyDayLabel(today + i), count }));
}

/** Cards due today, overdue included, from a `dueForecast`. */
export function dueToday(forecast: readonly DueDay[]): number {
  return forecast[0]?.count ?? 0;
}

/** Cards falling due tomorrow, from a `dueForecast`. */
export function dueTomorrow(forecast: readonly DueDay[]): number {
  return forecast[1]?.count ?? 0;
}

/** Cards due over the seven study days from today, overdue included, from a `dueForecast`. */
export function dueNext7Days(forecast: readonly DueDay[]): number {
  let sum = 0;
  for (const d of forecast.slice(0, 7)) sum += d.count;
  return sum;
}

/** Items forgotten at least `threshold` times, most lapses first. */
export function leeches(progress: readonly CardProgress[], threshold = LEECH_LAPSES): CardProgress[] {
  return progress.filter((p) => p.lapses >= threshold).sort((a, b) => b.lapses - a.lapses);
}
