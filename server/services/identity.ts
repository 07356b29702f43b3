/**
 * Accounts and devices without passwords: "Turn on sync" makes an account and its first device; a
 * device shows a one-time link code that another device uses to join; a recovery key, shown once, lets
 * a new device join when every device is lost. Each device has its own token; only hashes are stored.
 */
import type { Db } from '../db/schema';
import * as accounts from '../sql/accounts.sql';
import * as devices from '../sql/devices.sql';
import * as linkCodes from '../sql/link-codes.sql';
import * as recoveryKeys from '../sql/recovery-keys.sql';
import { notFound, Problem, unauthorized } from './problem';
import { assertUnderLimit, countFailure, LINK_LIMIT, RECOVER_LIMIT } from './rate-limit';
import {
  isUuid,
  LINK_CODE_LENGTH,
  newId,
  newLinkCode,
  newRecoveryKey,
  newToken,
  normalizeCode,
  RECOVERY_KEY_LENGTH,
  sha256,
  tokenAccount
} from './secrets';

export const LINK_CODE_LIFETIME_MS = 10 * 60_000;
/** How stale `lastSeenAt` may get before a request writes it again (one write a minute, not one a request). */
const SEEN_EVERY_MS = 60_000;

/** The device a request comes from. */
export interface DeviceAuth {
  accountId: string;
  deviceId: string;
}

export interface JoinedDevice {
  accountId: string;
  deviceId: string;
  token: string;
}

async function addDevice(db: Db, accountId: string, name: string, now: number): Promise<JoinedDevice> {
  const deviceId = newId();
  const token = newToken(accountId);
  await devices.insert(db, { accountId, id: deviceId, name, tokenHash: sha256(token), now: new Date(now) });
  return { accountId, deviceId, token };
}

/** "Turn on sync": a new account, this device in it, and the recovery key (returned once, never again). */
export async function createAccount(
  db: Db,
  deviceName: string,
  now: number
): Promise<JoinedDevice & { recoveryKey: string }> {
  const accountId = newId();
  const recoveryKey = newRecoveryKey();
  return db.transaction().execute(async (trx) => {
    await accounts.insert(trx, accountId, new Date(now));
    await recoveryKeys.insert(trx, sha256(normalizeCode(recoveryKey, RECOVERY_KEY_LENGTH)!), accountId, new Date(now));
    return { ...(await addDevice(trx, accountId, deviceName, now)), recoveryKey };
  });
}

/** The device whose token is in `Authorization: Bearer <token>`; 401 for any other header. */
export async function authenticate(db: Db, authorization: string | undefined, now: number): Promise<DeviceAuth> {
  const match = /^Bearer ([^\s]+)$/i.exec(authorization ?? '');
  const accountId = match && tokenAccount(match[1]);
  if (!match || !accountId) throw unauthorized();
  const device = await devices.findByToken(db, accountId, sha256(match[1]));
  if (!device) throw unauthorized();
  if (now - device.last_seen_at.getTime() >= SEEN_EVERY_MS)
    await devices.touch(db, accountId, device.id, new Date(now));
  return { accountId, deviceId: device.id };
}

export async function listDevices(db: Db, auth: DeviceAuth) {
  const rows = await devices.list(db, auth.accountId);
  return rows.map((d) => ({
    id: d.id,
    name: d.name,
    createdAt: d.created_at.getTime(),
    lastSeenAt: d.last_seen_at.getTime(),
    current: d.id === auth.deviceId
  }));
}

/** Removes a device of the account (this one included); its token stops working with this commit. */
export async function removeDevice(db: Db, auth: DeviceAuth, deviceId: string): Promise<void> {
  if (!isUuid(deviceId) || !(await devices.remove(db, auth.accountId, deviceId))) throw notFound('device');
}

/** A link code for this account, replacing any code this device showed before. */
export async function createLinkCode(db: Db, auth: DeviceAuth, now: number) {
  const code = newLinkCode();
  const expiresAt = now + LINK_CODE_LIFETIME_MS;
  await db.transaction().execute(async (trx) => {
    await linkCodes.purgeExpired(trx, new Date(now));
    await linkCodes.replaceForDevice(trx, {
      hash: sha256(normalizeCode(code, LINK_CODE_LENGTH)!),
      accountId: auth.accountId,
      deviceId: auth.deviceId,
      expiresAt: new Date(expiresAt)
    });
  });
  return { code, expiresAt };
}

const wrongCode = () =>
  new Problem(400, 'invalid-link-code', 'this link code is not valid: it may be mistyped, expired or already used');

/** "Link this device": joins the account whose live code this is, and uses the code up. */
export async function link(db: Db, typedCode: string, deviceName: string, client: string, now: number) {
  await assertUnderLimit(db, LINK_LIMIT, client, now);
  const code = normalizeCode(typedCode, LINK_CODE_LENGTH);
  const joined =
    code &&
    (await db.transaction().execute(async (trx) => {
      const taken = await linkCodes.take(trx, sha256(code));
      if (!taken || taken.expires_at.getTime() <= now) return null;
      return addDevice(trx, taken.account_id, deviceName, now);
    }));
  if (!joined) {
    await countFailure(db, LINK_LIMIT, client, now);
    throw wrongCode();
  }
  return joined;
}

/** Joins the account whose recovery key this is. The key stays valid. */
export async function recover(db: Db, typedKey: string, deviceName: string, client: string, now: number) {
  await assertUnderLimit(db, RECOVER_LIMIT, client, now);
  const key = normalizeCode(typedKey, RECOVERY_KEY_LENGTH);
  const accountId = key && (await recoveryKeys.findAccount(db, sha256(key)));
  if (!accountId) {
    await countFailure(db, RECOVER_LIMIT, client, now);
    throw new Problem(400, 'invalid-recovery-key', 'this recovery key is not valid');
  }
  return addDevice(db, accountId, deviceName, now);
}
