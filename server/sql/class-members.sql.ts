/** SQL of the `class_members` table: who joined which class, under which display name. */
import type { Db } from '../db/schema';

export interface NewMember {
  classId: string;
  accountId: string;
  memberId: string;
  displayName: string;
  now: Date;
}

/** Adds the account to the class; false when it is a member already (nothing changes then). */
export async function insert(db: Db, m: NewMember): Promise<boolean> {
  const result = await db
    .insertInto('class_members')
    .values({
      class_id: m.classId,
      account_id: m.accountId,
      member_id: m.memberId,
      display_name: m.displayName,
      joined_at: m.now
    })
    .onConflict((oc) => oc.columns(['class_id', 'account_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function find(db: Db, classId: string, accountId: string) {
  return db
    .selectFrom('class_members')
    .select(['member_id', 'display_name', 'joined_at'])
    .where('class_id', '=', classId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

/** Whether another member of the class goes by this name (letter case aside). */
export async function nameTaken(db: Db, classId: string, displayName: string): Promise<boolean> {
  const row = await db
    .selectFrom('class_members')
    .select('member_id')
    .where('class_id', '=', classId)
    .where((eb) => eb(eb.fn('lower', ['display_name']), '=', displayName.toLowerCase()))
    .executeTakeFirst();
  return row !== undefined;
}

/** The classes an account joined, with their names. */
export async function listJoined(db: Db, accountId: string) {
  return db
    .selectFrom('class_members')
    .innerJoin('classes', 'classes.id', 'class_members.class_id')
    .select(['classes.id as class_id', 'classes.name', 'class_members.display_name', 'class_members.joined_at'])
    .where('class_members.account_id', '=', accountId)
    .orderBy('class_members.joined_at')
    .orderBy('classes.id')
    .execute();
}

/** A class's students, for its teacher, by display name. */
export async function listOfClass(db: Db, classId: string) {
  return db
    .selectFrom('class_members')
    .select(['member_id', 'display_name', 'joined_at'])
    .where('class_id', '=', classId)
    .orderBy((eb) => eb.fn('lower', ['display_name']))
    .orderBy('member_id')
    .execute();
}

/** Takes the account out of the class; false when it was not a member. */
export async function remove(db: Db, classId: string, accountId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('class_members')
    .where('class_id', '=', classId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
