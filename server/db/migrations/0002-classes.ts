/**
 * Classes (issue 19): a teacher's account owns classes; students' accounts join one with its join code
 * and a display name for that class; the teacher publishes deck snapshots to it. The dashboard reads
 * members' review and quiz records, so `records` gains the review's state before grading (for lapses
 * and retention) and an index that finds one account's records of one deck.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('classes')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    // Short and random: the tail of the ids class decks get on students' devices.
    .addColumn('deck_key', 'text', (c) => c.notNull().unique())
    // The live join code's 8 characters (no hyphen); null when the teacher closed it.
    .addColumn('join_code', 'text', (c) => c.unique())
    // Versions given to published decks: a class-wide counter, so a deck published again after being
    // withdrawn still gets a version its students have not seen.
    .addColumn('deck_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('classes_owner').on('classes').column('owner_id').execute();

  await db.schema
    .createTable('class_members')
    .addColumn('class_id', 'uuid', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    // What the teacher knows the student by: an id of this membership only, never the account's.
    .addColumn('member_id', 'uuid', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('class_members_pkey', ['class_id', 'account_id'])
    .execute();
  await db.schema.createIndex('class_members_account').on('class_members').column('account_id').execute();
  // Two students of one class never share a display name, so the teacher can tell them apart.
  await sql`create unique index class_members_name on class_members (class_id, lower(display_name))`.execute(db);

  await db.schema
    .createTable('published_decks')
    .addColumn('class_id', 'uuid', (c) => c.notNull().references('classes.id').onDelete('cascade'))
    // The deck's id on the teacher's device, and on students' devices (`<deck id>-<deck key>`).
    .addColumn('deck_id', 'text', (c) => c.notNull())
    .addColumn('class_deck_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    // The deck as students receive it (JSON, its id already the class deck's).
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('published_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('published_decks_pkey', ['class_id', 'deck_id'])
    .addUniqueConstraint('published_decks_class_deck', ['class_id', 'class_deck_id'])
    .execute();

  await db.schema
    .alterTable('records')
    .addColumn('state_before', 'smallint', (c) => c.check(sql`state_before between 0 and 3`))
    .execute();
  await sql`update records set state_before = (body::jsonb -> 'row' ->> 'stateBefore')::smallint where kind = 'review'`.execute(
    db
  );
  // The dashboard reads each member's reviews and quizzes of the class's decks: with the columns it
  // totals included, reviews are read from the index alone, never from rows with their JSON.
  await sql`
    create index records_deck on records (account_id, deck_id, kind)
    include (id, card_id, at, reviewed_at, rating, state_before)
    where kind in ('review', 'quiz')`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('records_deck').execute();
  await db.schema.alterTable('records').dropColumn('state_before').execute();
  for (const table of ['published_decks', 'class_members', 'classes']) await db.schema.dropTable(table).execute();
}
