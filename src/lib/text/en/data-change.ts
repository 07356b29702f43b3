/** What an open study session or quiz says when another tab removed or replaced what it held. */
import type { DataChange } from '$lib/domain/data-change';

const again = 'This page has started again from what is stored now; nothing was saved from before the change.';

export const dataChange = {
  /** Said when the page starts again; `change` is what happened elsewhere. */
  startedAgain: (change: DataChange) =>
    ({
      deleted: `This deck was deleted and then added again in another tab. ${again}`,
      imported: `This deck was imported again in another tab, so its cards may have changed. ${again}`,
      edited: `Cards of this deck were deleted, with their progress, in another tab. ${again}`,
      restored: `A backup or snapshot was restored in another tab. ${again}`,
      reset: `All progress was reset in another tab. ${again}`,
      repaired: `"Check data" repaired progress in another tab. ${again}`,
      synced: `Another device deleted this deck or reset progress, and sync brought the change here. ${again}`
    })[change],
  /** The deck is no longer on this device. */
  deckGone: 'This deck was deleted in another tab, with its progress, so it can no longer be studied here.',
  home: 'Back to your decks'
};
