// Sync's pure half: records, how a device's data follows from them, and what local changes write.
// The zod check of untrusted records is in sync-record.schema.ts, imported where it is needed.
export * from './sync-record';
export * from './record-keys';
export * from './removals';
export * from './materialize';
export * from './incremental';
export * from './local-records';
export * from './restore-records';
export * from './sync-problem';
