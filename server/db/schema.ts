/** The tables as Kysely sees them (migrations/ creates them). Every table but the lookups by secret is keyed by account. */
import type { ColumnType, Generated, Kysely } from 'kysely';

export interface AccountsTable {
  id: string;
  created_at: ColumnType<Date, Date, never>;
  /** The account's record counter: the greatest `seq` given to its records. */
  seq: Generated<number>;
}

export interface DevicesTable {
  account_id: string;
  id: string;
  name: string;
  /** SHA-256 (hex) of the device's token; the token itself is never stored. */
  token_hash: string;
  created_at: ColumnType<Date, Date, never>;
  last_seen_at: Date;
}

export interface RecoveryKeysTable {
  key_hash: string;
  account_id: string;
  created_at: ColumnType<Date, Date, never>;
}

export interface LinkCodesTable {
  code_hash: string;
  account_id: string;
  /** The device that showed the code; it has at most one live code. */
  device_id: string;
  expires_at: Date;
}

export interface RateLimitsTable {
  key: string;
  window_start: Date;
  count: number;
}

export interface RecordsTable {
  account_id: string;
  kind: string;
  id: string;
  seq: number;
  at: number;
  device: string;
  /** review, quiz, mark: their deck; deck: its id; removal: the deck of a deck or items scope. */
  deck_id: string | null;
  /** review and mark: the study item. */
  card_id: string | null;
  /** review: when it was graded (epoch ms, as the device sent it). */
  reviewed_at: number | null;
  /** review: 1 to 4. */
  rating: number | null;
  /** review: the card's learning state before it (0 new, 1 learning, 2 review, 3 relearning). */
  state_before: number | null;
  /** The record as JSON, exactly as a pull sends it back. */
  body: string;
}

export interface ClassesTable {
  id: string;
  /** The teacher's account. */
  owner_id: string;
  name: string;
  /** The tail of class decks' ids on students' devices. */
  deck_key: string;
  /** The live join code's 8 characters, without the hyphen; null when closed. */
  join_code: string | null;
  /** The greatest version given to a deck published to this class. */
  deck_seq: Generated<number>;
  created_at: ColumnType<Date, Date, never>;
}

export interface ClassMembersTable {
  class_id: string;
  account_id: string;
  /** The student as the teacher knows them: an id of this membership only. */
  member_id: string;
  display_name: string;
  joined_at: ColumnType<Date, Date, never>;
}

export interface PublishedDecksTable {
  class_id: string;
  /** The deck's id on the teacher's device. */
  deck_id: string;
  /** Its id on students' devices. */
  class_deck_id: string;
  title: string;
  version: number;
  content_hash: string;
  /** The deck as students receive it, JSON. */
  content: string;
  published_at: Date;
}

export interface Schema {
  accounts: AccountsTable;
  devices: DevicesTable;
  recovery_keys: RecoveryKeysTable;
  link_codes: LinkCodesTable;
  rate_limits: RateLimitsTable;
  records: RecordsTable;
  classes: ClassesTable;
  class_members: ClassMembersTable;
  published_decks: PublishedDecksTable;
}

export type Db = Kysely<Schema>;
