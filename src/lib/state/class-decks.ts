/**
 * Brings this student's class decks up to date (docs/teachers.md): a deck new to the device is
 * imported, a new version is imported over the old as a re-import is (progress kept for unchanged
 * cards, changed cards flagged). A deck the teacher withdrew, or of a class the student left, stays as
 * the student's own imported deck with its history; it is only no longer a class deck.
 */
import { CLASS_DECK_FORMAT, heldClassDecks, saveImportedDeck, setHeldClassDecks, type ClassDeckHeld } from '$lib/db';
import { deckSchema } from '$lib/domain/deck.schema';
import { classesApi, type JoinedClass } from './classes-api';

export { CLASS_DECK_FORMAT };

/** Fetches the classes this account joined and imports what changed; returns the classes. */
export async function syncClassDecks(token: string, now: () => Date): Promise<JoinedClass[]> {
  const classes = await classesApi.joined(token);
  const before = await heldClassDecks();
  const held: Record<string, ClassDeckHeld> = {};
  for (const c of classes)
    for (const d of c.decks) {
      const had = before[d.classDeckId];
      if (had && had.version === d.version) {
        held[d.classDeckId] = { ...had, className: c.name };
        continue;
      }
      const got = await classesApi.classDeck(token, c.classId, d.classDeckId);
      const deck = deckSchema.safeParse(got.deck);
      if (!deck.success || deck.data.id !== d.classDeckId) continue;
      await saveImportedDeck(deck.data, {
        fileName: c.name,
        format: CLASS_DECK_FORMAT,
        now: now(),
        deleteRemovedProgress: false
      });
      held[d.classDeckId] = { classId: c.classId, className: c.name, version: got.version };
    }
  await setHeldClassDecks(held);
  return classes;
}
