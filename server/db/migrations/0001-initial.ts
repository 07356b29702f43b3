/**
 * Accounts, their devices and records. Every table that grows with use is keyed by account first, so
 * it can be partitioned, then distributed (Citus), by account id (docs/sync.md). The lookups by a
 * secret (link codes, recovery keys) and the rate-limit counters are small tables of their own.
 * Released migrations are never edited; a change adds one.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('accounts')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('devices')
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('devices_pkey', ['account_id', 'id'])
    .addUniqueConstraint('devices_token', ['account_id', 'token_hash'])
    .execute();

  await db.schema
    .createTable('recovery_keys')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recovery_keys_account').on('recovery_keys').column('account_id').execute();

  await db.schema
    .createTable('link_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'uuid', (c) => c.notNull())
    .addColumn('device_id', 'uuid', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addForeignKeyConstraint('link_codes_device', ['account_id', 'device_id'], 'devices', ['account_id', 'id'], (c) =>
      c.onDelete('cascade')
    )
    .execute();
  await db.schema.createIndex('link_codes_device').on('link_codes').columns(['account_id', 'device_id']).execute();
  await db.schema.createIndex('link_codes_expiry').on('link_codes').column('expires_at').execute();

  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('records')
    .addColumn('account_id', 'uuid', (c) => c.notNull().references('accounts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('review', 'quiz', 'deck', 'setting', 'mark', 'removal')`)
    )
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    // Byte order, as devices compare ids (`isNewer`), whatever the database's locale.
    .addColumn('device', sql`text collate "C"`, (c) => c.notNull())
    .addColumn('deck_id', 'text')
    .addColumn('card_id', 'text')
    .addColumn('reviewed_at', 'double precision')
    .addColumn('rating', 'smallint', (c) => c.check(sql`rating between 1 and 4`))
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('records_pkey', ['account_id', 'kind', 'id'])
    .execute();
  // Pulls read one account's records in seq order from a cursor.
  await db.schema.createIndex('records_seq').on('records').columns(['account_id', 'seq']).unique().execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['records', 'rate_limits', 'link_codes', 'recovery_keys', 'devices', 'accounts'])
    await db.schema.dropTable(table).execute();
}
