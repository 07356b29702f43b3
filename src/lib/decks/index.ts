export * from './deck-loader';
