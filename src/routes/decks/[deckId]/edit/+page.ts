// The editor opens a deck stored on this device, which the build cannot know: the page is always
// served by the app shell (200.html) and rendered in the browser, for built-in decks too.
export const prerender = false;
