/**
 * Device tokens, link codes and recovery keys: made from the system's secure random source, stored only
 * as SHA-256 hashes. A plain hash suffices: tokens and recovery keys carry 119 to 256 random bits, and a
 * link code lives 10 minutes, is used once, and guesses at it are rate-limited.
 */
import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';

/** Letters and digits that cannot be taken for one another: no 0/O, 1/I/L. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const LINK_CODE_LENGTH = 8;
export const RECOVERY_KEY_LENGTH = 24;

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export const newId = (): string => randomUUID();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const isUuid = (text: string): boolean => UUID.test(text);

/**
 * A device token: `<account id>.<43 characters of base64url>` (256 random bits). The account id in
 * front lets the server find the device within one account's rows, which keeps every lookup on one
 * shard when the tables are distributed by account.
 */
export function newToken(accountId: string): string {
  return `${accountId}.${randomBytes(32).toString('base64url')}`;
}

/** The account id a token names, or null when it is not shaped like a token. */
export function tokenAccount(token: string): string | null {
  const dot = token.indexOf('.');
  if (dot !== 36 || token.length !== 36 + 1 + 43) return null;
  const account = token.slice(0, dot);
  return isUuid(account) ? account : null;
}

function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** Groups of four joined by hyphens: `ABCD-EFGH`. */
const grouped = (code: string): string => code.match(/.{1,4}/g)!.join('-');

/** A new link code as shown (`XXXX-XXXX`). */
export const newLinkCode = (): string => grouped(randomCode(LINK_CODE_LENGTH));

/** A new recovery key as shown (`XXXX-XXXX-XXXX-XXXX-XXXX-XXXX`). */
export const newRecoveryKey = (): string => grouped(randomCode(RECOVERY_KEY_LENGTH));

/**
 * What a person typed, reduced to the code's characters: case, spaces and hyphens do not matter.
 * Null when it cannot be a code of that length.
 */
export function normalizeCode(typed: string, length: number): string | null {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== length) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}
