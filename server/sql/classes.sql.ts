/** SQL of the `classes` table. A teacher's queries name the owner, so another account finds nothing. */
import type { Db } from '../db/schema';

export interface NewClass {
  id: string;
  ownerId: string;
  name: string;
  deckKey: string;
  joinCode: string;
  now: Date;
}

export async function insert(db: Db, c: NewClass): Promise<void> {
  await db
    .insertInto('classes')
    .values({
      id: c.id,
      owner_id: c.ownerId,
      name: c.name,
      deck_key: c.deckKey,
      join_code: c.joinCode,
      created_at: c.now
    })
    .execute();
}

const columns = ['id', 'name', 'deck_key', 'join_code', 'created_at'] as const;

/** The class if `ownerId` owns it. */
export async function findOwned(db: Db, ownerId: string, id: string) {
  return db
    .selectFrom('classes')
    .select(columns)
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The owned class, locked for the rest of the transaction (publishing takes the next version). */
export async function lockOwned(db: Db, ownerId: string, id: string) {
  return db
    .selectFrom('classes')
    .select([...columns, 'deck_seq'])
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function listOwned(db: Db, ownerId: string) {
  return db
    .selectFrom('classes')
    .select([
      ...columns,
      (eb) =>
        eb
          .selectFrom('class_members')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('class_members.class_id', '=', 'classes.id')
          .as('students')
    ])
    .where('owner_id', '=', ownerId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findByJoinCode(db: Db, joinCode: string) {
  return db
    .selectFrom('classes')
    .select(['id', 'name', 'owner_id'])
    .where('join_code', '=', joinCode)
    .executeTakeFirst();
}

/** Sets (a new code) or clears (null: closed) the join code of an owned class; false when not owned. */
export async function setJoinCode(db: Db, ownerId: string, id: string, joinCode: string | null): Promise<boolean> {
  const result = await db
    .updateTable('classes')
    .set({ join_code: joinCode })
    .where('owner_id', '=', ownerId)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function setDeckSeq(db: Db, id: string, seq: number): Promise<void> {
  await db.updateTable('classes').set({ deck_seq: seq }).where('id', '=', id).execute();
}

/** Deletes an owned class with its members and decks; false when not owned. */
export async function removeOwned(db: Db, ownerId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('classes').where('owner_id', '=', ownerId).where('id', '=', id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
