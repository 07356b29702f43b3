/** Making a backup file: its data with the format's header and a checksum of the data. */
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupData, type BackupFile } from './backup';
import { sha256Hex } from './sha256';

/** JSON with object keys sorted at every level, so equal content always gives the same text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    // No prototype: a "__proto__" key in the file is then a key like any other, kept in the text.
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(v).sort()) sorted[key] = (v as Record<string, unknown>)[key];
    return sorted;
  });
}

/** The checksum a backup file carries for its `data`. */
export async function backupChecksum(data: unknown): Promise<string> {
  return `sha256-${await sha256Hex(new TextEncoder().encode(canonicalJson(data)))}`;
}

export async function makeBackup(data: BackupData, appVersion: string, now: Date): Promise<BackupFile> {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion,
    exportedAt: now.toISOString(),
    checksum: await backupChecksum(data),
    data
  };
}
