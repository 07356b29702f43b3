/**
 * Class decks on a student's device (docs/teachers.md): each is kept as an imported deck (format
 * `class`, its file name the class's name, so the student's other devices see it as theirs too), and
 * the version this device holds is kept beside sync's state, so only a new version is fetched. A
 * teacher's last view of each class is kept there too, to read it offline.
 */
import type { ClassDeckHeld } from './sync-rows';
import { getState, setState } from './sync-store';
import { db } from './factdeck-db';

export type { ClassDeckHeld };

/** The format an imported deck row has when it came from a class. */
export const CLASS_DECK_FORMAT = 'class';

export async function heldClassDecks(): Promise<Record<string, ClassDeckHeld>> {
  return (await getState('classDecks')) ?? {};
}

export function setHeldClassDecks(held: Record<string, ClassDeckHeld>): Promise<void> {
  return db.transaction('rw', db.syncState, () => setState('classDecks', held));
}

/** The last view of a taught class this device saved, to show it offline. */
export async function loadClassView(classId: string): Promise<{ savedAt: number; view: unknown } | null> {
  return (await getState('classViews'))?.[classId] ?? null;
}

export function saveClassView(classId: string, view: unknown, savedAt: number): Promise<void> {
  return db.transaction('rw', db.syncState, async () => {
    const views = (await getState('classViews')) ?? {};
    await setState('classViews', { ...views, [classId]: { savedAt, view } });
  });
}
