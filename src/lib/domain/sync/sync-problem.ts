/** What can go wrong talking to the sync server, as the app tells the learner (src/lib/text words it). */
export type SyncProblem =
  /** No answer (offline, or the server is down or restarting): tried again later. */
  | { kind: 'unreachable' }
  /** This origin has no Factdeck server (a static host). */
  | { kind: 'no-server' }
  /** The device's token no longer works: another device removed it. */
  | { kind: 'removed' }
  | { kind: 'invalid-link-code' }
  | { kind: 'invalid-recovery-key' }
  | { kind: 'too-many-attempts'; retryAfterSeconds: number | null }
  | { kind: 'unknown-cursor' }
  | { kind: 'server'; status: number; error: string };
