// English, in one module per page or feature, so that a page's code carries only its own words.
export * from './common';
export * from './card';
export * from './home';
export * from './deck';
export * from './study';
export * from './quiz';
export * from './import';
export * from './anki-package';
export * from './sources';
export * from './stats';
export * from './card-browser';
export * from './settings';
export * from './problems';
export * from './backup-problems';
export * from './data-change';
