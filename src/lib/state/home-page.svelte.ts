/** What the home page reads from this device: the decks imported on it, and whether a backup is due. */
import { backupStatus, listImportedDecks, type ImportedDeck } from '$lib/db';

export class HomePage {
  /** Decks imported on this device, the most recently updated first. */
  imported = $state.raw<ImportedDeck[]>([]);
  /** A week of study without a backup: suggest downloading one. */
  backupDue = $state(false);

  async load(now: Date): Promise<void> {
    this.imported = await listImportedDecks();
    this.backupDue = (await backupStatus(now)).reminder;
  }
}
