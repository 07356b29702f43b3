/** Whether to remind the learner to download a backup: read by the home page, so kept small. */
import { backupReminderDue, DEVICE_SETTING_KEYS } from '$lib/domain';
import { db } from './factdeck-db';

export interface BackupStatus {
  /** When the last backup was downloaded on this device, epoch ms; null when never. */
  lastBackupAt: number | null;
  /** Reviews made since then. */
  unsavedReviews: number;
  /** Time to remind the learner: a week of study without a backup. */
  reminder: boolean;
}

export async function backupStatus(now: Date): Promise<BackupStatus> {
  return db.transaction('r', db.settings, db.reviewLogs, async () => {
    const row = await db.settings.get(DEVICE_SETTING_KEYS.lastBackupAt);
    const lastBackupAt = typeof row?.value === 'number' ? row.value : null;
    const since = db.reviewLogs.where('reviewedAt').above(lastBackupAt ?? -Infinity);
    const [oldest, unsavedReviews] = await Promise.all([since.first(), since.count()]);
    return { lastBackupAt, unsavedReviews, reminder: backupReminderDue(oldest?.reviewedAt ?? null, now) };
  });
}
