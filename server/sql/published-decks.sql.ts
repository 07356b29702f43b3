/** SQL of the `published_decks` table: the deck snapshots a class's students receive. */
import type { Db } from '../db/schema';

export interface PublishedDeck {
  classId: string;
  deckId: string;
  classDeckId: string;
  title: string;
  version: number;
  contentHash: string;
  content: string;
  now: Date;
}

const summary = ['deck_id', 'class_deck_id', 'title', 'version', 'published_at'] as const;

export async function find(db: Db, classId: string, deckId: string) {
  return db
    .selectFrom('published_decks')
    .select([...summary, 'content_hash'])
    .where('class_id', '=', classId)
    .where('deck_id', '=', deckId)
    .executeTakeFirst();
}

/** The deck (of another teacher's deck id) that already has this id on students' devices, if any. */
export async function findByClassDeckId(db: Db, classId: string, classDeckId: string) {
  return db
    .selectFrom('published_decks')
    .select(['deck_id'])
    .where('class_id', '=', classId)
    .where('class_deck_id', '=', classDeckId)
    .executeTakeFirst();
}

export async function upsert(db: Db, d: PublishedDeck): Promise<void> {
  const values = {
    class_id: d.classId,
    deck_id: d.deckId,
    class_deck_id: d.classDeckId,
    title: d.title,
    version: d.version,
    content_hash: d.contentHash,
    content: d.content,
    published_at: d.now
  };
  await db
    .insertInto('published_decks')
    .values(values)
    .onConflict((oc) =>
      oc.columns(['class_id', 'deck_id']).doUpdateSet({
        class_deck_id: d.classDeckId,
        title: d.title,
        version: d.version,
        content_hash: d.contentHash,
        content: d.content,
        published_at: d.now
      })
    )
    .execute();
}

/** The decks of classes, without their content, by title. */
export async function listOf(db: Db, classIds: readonly string[]) {
  if (classIds.length === 0) return [];
  return db
    .selectFrom('published_decks')
    .select(['class_id', ...summary])
    .where('class_id', 'in', classIds)
    .orderBy('title')
    .orderBy('deck_id')
    .execute();
}

/** One deck's content, by its id on students' devices. */
export async function content(db: Db, classId: string, classDeckId: string) {
  return db
    .selectFrom('published_decks')
    .select(['version', 'content'])
    .where('class_id', '=', classId)
    .where('class_deck_id', '=', classDeckId)
    .executeTakeFirst();
}

export async function remove(db: Db, classId: string, deckId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('published_decks')
    .where('class_id', '=', classId)
    .where('deck_id', '=', deckId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
