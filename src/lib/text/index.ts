/**
 * Everything the app itself says, in plain English, one section per page or feature. Deck content
 * (cards, deck titles, sources) is not here: it comes with each deck, in the deck's own language.
 *
 * Import it as a namespace, `import * as t from '$lib/text'`, and read sections by name
 * (`t.home.heading`): the bundler then keeps only the sections a page reads, each in the chunk of the
 * pages that read it, so a page does not download every other page's words. Passing `t` itself
 * around as a value would defeat that (the size budget test would notice on the home page).
 *
 * One language for now: a translation is a copy of the `en` folder with the words changed, exported
 * here instead.
 */
export * from './en';
