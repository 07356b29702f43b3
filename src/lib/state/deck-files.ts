/** A deck as a file: exported to download, or (a deck imported on this device) deleted. */
import { deleteImportedDeck } from '$lib/db';
import type { Deck } from '$lib/domain';
import { downloadFile } from './download';

/** Downloads `deck` as a Factdeck YAML file or as CSV. */
export async function downloadDeck(deck: Deck, kind: 'yaml' | 'csv'): Promise<void> {
  // Loaded on demand: the YAML and CSV writers are not needed to study.
  const { deckToCsv, deckToYaml, exportFileName } = await import('$lib/domain/deck-export');
  const text = kind === 'yaml' ? deckToYaml(deck) : deckToCsv(deck);
  const type = kind === 'yaml' ? 'application/yaml' : 'text/csv';
  downloadFile(exportFileName(deck, kind), text, `${type};charset=utf-8`);
}

/** Deletes a deck imported on this device with its progress. */
export function deleteDeck(deckId: string): Promise<void> {
  return deleteImportedDeck(deckId);
}
