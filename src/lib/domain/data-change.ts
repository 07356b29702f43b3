/**
 * What kind of change removed or replaced a deck's cards or progress, as recorded with each data
 * version (src/lib/db/data-version.ts), so an open session can say why it started again.
 */
export type DataChange = 'deleted' | 'imported' | 'edited' | 'restored' | 'reset' | 'repaired' | 'synced';
