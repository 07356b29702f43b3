/** What a study or quiz page does when the deck or progress its session holds changed elsewhere. */
import { getImportedDeck } from '$lib/db';
import type { DataChange } from '$lib/domain';
import * as t from '$lib/text';

/**
 * After a session reports `changedElsewhere`: says why, reloads the page's data (`reload`, the
 * route's loads run again, so an imported deck's new cards are read) and bumps `round`, from which
 * the page builds a new session that reads what is stored now. A deck that is gone is only said.
 */
export class StartAgain {
  /** The page builds its session again each time this changes. */
  round = $state(0);
  notice = $state<string | null>(null);
  deckGone = $state(false);

  async after(change: DataChange, deckId: string, imported: boolean, reload: () => Promise<void>): Promise<void> {
    if (imported && !(await getImportedDeck(deckId))) {
      this.deckGone = true;
      this.notice = t.dataChange.deckGone;
      return;
    }
    await reload();
    this.notice = t.dataChange.startedAgain(change);
    this.round++;
  }
}
