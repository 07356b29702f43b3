import type { Handle, HandleServerError } from '@sveltejs/kit';
import * as t from '$lib/text';

// The deck loader reads content-type to tell a JSON deck from a host's HTML "not found" page.
export const handle: Handle = ({ event, resolve }) =>
  resolve(event, { filterSerializedResponseHeaders: (name) => name === 'content-type' });

// Prerendering runs on the build machine: show why a page failed, not just "500".
export const handleError: HandleServerError = ({ error, event }) => {
  console.error(`Error while rendering ${event.url.pathname}:`, error);
  return { message: t.build.failed };
};
