// Every known route is prerendered; 200.html serves the rest (decks added later) from the same app.
export const prerender = true;
export const trailingSlash = 'never';
