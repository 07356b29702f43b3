/** The statistics page and its charts. */
import { plural } from './plural';

export const stats = {
  title: 'Statistics',
  deckTitle: (deck: string) => `${deck}: statistics`,
  decksFailed: (reason: string) => `The decks could not be loaded: ${reason}`,
  progressFailed: (reason: string) => `Your progress could not be read: ${reason}`,
  deck: 'Deck',
  allDecks: 'All decks',
  noSuchDeck: (id: string) => `There is no deck “${id}” on this device: showing all decks.`,
  counting: 'Counting…',
  cardsHeading: 'Cards',
  itemCount: (n: number) =>
    `${plural(n, 'card')} to study in all; a card asked both ways or with several blanks counts once for each.`,
  dueHeading: 'Due',
  today: 'Today',
  tomorrow: 'Tomorrow',
  next7Days: 'Next 7 days',
  forecastTitle: 'Cards due in the next 30 days',
  forecastSummary: (total: number, today: number, busiestDay: string, busiest: number) =>
    `${total} cards fall due over the next 30 days, ${today} of them today; the most fall due ${busiestDay}: ${busiest}.`,
  forecastOn: (day: string) => `on ${day}`,
  forecastHeaders: ['Day', 'Cards due'] as [string, string],
  nothingScheduled: 'Nothing is scheduled yet: cards you study come back here on the days they fall due.',
  reviewsHeading: 'Reviews',
  noReviews: 'No reviews yet. Study a deck and your reviews, streak and retention show up here.',
  reviewsToday: 'Reviews today',
  streak: 'Study streak',
  longestStreak: 'Longest streak',
  timeToday: 'Time today',
  timeTotal: 'Time in total',
  days: (n: number) => plural(n, 'day'),
  pastYear: 'The past year',
  heatmapTitle: 'Reviews per day, past year',
  retentionHeading: 'True retention',
  last7: 'Last 7 days',
  last30: 'Last 30 days',
  noMature: 'no mature reviews',
  retention: (percent: string, passed: number, total: number) => `${percent} (${passed} of ${total})`,
  retentionNote: (days: number) =>
    `The share of reviews of mature cards (an interval of ${days} days or more) that you passed: graded Hard, Good or Easy rather than Again, as Anki counts it.`,
  quizHeading: 'Quiz scores',
  quizTitle: (deck: string) => `Quiz scores, ${deck}`,
  quizSummary: (attempts: number, first: number, latest: number, best: number) =>
    `${plural(attempts, 'attempt')}; first ${first}%, latest ${latest}%, best ${best}%.`,
  quizHeaders: ['Attempt', 'Score'] as [string, string],
  noQuiz: 'No quiz taken yet.',
  noQuizLink: 'Take a quiz',
  noQuizAfter: 'and your scores are charted here.',
  leechHeading: 'Leeches',
  noLeeches: (lapses: number) =>
    `No leeches. A card you forget ${lapses} times becomes one: it is suspended, so you can rewrite it or let it go.`,
  leechIntro: (lapses: number) =>
    `Forgotten ${lapses} times or more, and suspended for it. Open one to unsuspend it or reset it.`,
  leechMeta: (deck: string, lapses: number, suspended: boolean) =>
    `${deck} · ${lapses} lapses${suspended ? ' · suspended' : ''}`,
  moreLeeches: (n: number) => `And ${n} more:`,
  allLeeches: 'see them all in the card browser'
};

export const charts = {
  showTable: (caption: string) => `Show “${caption}” as a table`,
  empty: 'Nothing to show.',
  heatmapDefaultTitle: 'Reviews per day',
  heatmapScrolls: (title: string) => `${title}, scrolls sideways`,
  heatmapNone: (days: number) => `No reviews in the ${days} days shown.`,
  heatmapSummary: (total: number, studied: number, days: number, max: number) =>
    `${plural(total, 'review')} on ${plural(studied, 'day')} of the last ${days}; the most in one day was ${max}.`,
  heatmapCell: (day: string, reviews: number) => `${day}: ${plural(reviews, 'review')}`,
  heatmapHeaders: ['Day', 'Reviews', 'Time'],
  heatmapEmpty: 'No reviews yet.',
  less: 'Less',
  more: 'More',
  weekdays: ['Mon', 'Wed', 'Fri']
};

export const duration = {
  none: '0 min',
  seconds: (s: number) => `${s} s`,
  minutes: (m: number) => `${m} min`,
  hours: (h: number) => `${h} h`,
  hoursMinutes: (h: number, m: number) => `${h} h ${m} min`
};
