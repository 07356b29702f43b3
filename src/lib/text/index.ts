// The app's own words. One language for now; a translation is a copy of en.ts.
export { t, type Text } from './en';
