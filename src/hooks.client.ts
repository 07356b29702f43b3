import type { ClientInit } from '@sveltejs/kit';
import { db } from '$lib/db';

// Every page reads IndexedDB before it can show its figures (the layout reads the theme, the study page
// the day's cards). Opening the database here, when the app starts, lets that (and, on a first visit,
// creating the stores) happen while the page hydrates instead of after. A failure is left to the
// page's own reads, which report it as they always have.
export const init: ClientInit = () => {
  db.open().catch(() => {});
};
