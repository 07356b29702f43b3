// Progress a learner can see: pure statistics over card states, the review log and quiz attempts.
// Every per-day figure buckets instants with `studyDayCounter` (study-day.ts), so all agree on days.
export * from './stats-cards';
export * from './stats-reviews';
export * from './stats-quiz';
