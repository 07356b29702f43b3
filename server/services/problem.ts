/**
 * The one kind of failure a service reports to a client: an HTTP status, a stable code the app can
 * branch on, words for a developer, and the values that locate the problem (a record's index, a field).
 * The HTTP layer sends it as `{ error: code, message, ...details }`.
 */
export type ProblemCode =
  | 'unauthorized'
  | 'not-found'
  | 'invalid-request'
  | 'invalid-json'
  | 'unsupported-media-type'
  | 'body-too-large'
  | 'invalid-record'
  | 'invalid-link-code'
  | 'invalid-recovery-key'
  | 'invalid-join-code'
  | 'display-name-taken'
  | 'own-class'
  | 'deck-id-taken'
  | 'unknown-cursor'
  | 'too-many-attempts'
  | 'server-error'
  | 'unavailable';

export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    message: string,
    readonly details: Record<string, string | number> = {},
    /** Seconds, for 429: sent as Retry-After. */
    readonly retryAfter?: number
  ) {
    super(message);
    this.name = 'Problem';
  }

  toJSON() {
    return { error: this.code, message: this.message, ...this.details };
  }
}

export const unauthorized = () =>
  new Problem(401, 'unauthorized', 'this request needs the token of a device that is linked to an account');

export const notFound = (what: string) => new Problem(404, 'not-found', `${what} not found`);
