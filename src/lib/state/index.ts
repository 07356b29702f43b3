export * from './deck-status';
export { StudySession } from './study-session.svelte';
