/** Whether this device has a sync account: checked at start, apart, so that pages load sync only when it is on. */
import { db } from './factdeck-db';

export async function hasSyncAccount(): Promise<boolean> {
  return (await db.syncState.get('account')) !== undefined;
}
