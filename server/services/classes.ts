/**
 * Classes (issue 19, docs/teachers.md). A teacher's account owns classes; every teacher request names
 * the owner, so another account's token finds no class (404). A student's account joins with the
 * class's join code and a display name; it then receives the class's published decks and its reviews
 * and quizzes of those decks, and nothing else, reach the teacher's dashboard, until it leaves.
 */
import { createHash, randomInt } from 'node:crypto';
import { deckSchema, FIELD_LIMITS, type Deck } from '../../src/lib/domain/deck.schema';
import type { Db } from '../db/schema';
import * as classes from '../sql/classes.sql';
import * as members from '../sql/class-members.sql';
import * as dashboardSql from '../sql/dashboard.sql';
import * as published from '../sql/published-decks.sql';
import type { DeviceAuth } from './identity';
import { notFound, Problem } from './problem';
import { assertUnderLimit, countFailure, JOIN_LIMIT } from './rate-limit';
import { CODE_ALPHABET, isUuid, LINK_CODE_LENGTH, newId, newLinkCode, normalizeCode } from './secrets';
import { firstIssue } from './zod-issue';

/** Characters of a class's deck key: the tail of its decks' ids on students' devices. */
export const DECK_KEY_LENGTH = 6;

const classNotFound = () => notFound('class');
const shown = (code: string | null) => (code ? `${code.slice(0, 4)}-${code.slice(4)}` : null);
const newJoinCode = () => normalizeCode(newLinkCode(), LINK_CODE_LENGTH)!;

function newDeckKey(): string {
  const alphabet = CODE_ALPHABET.toLowerCase();
  let key = '';
  for (let i = 0; i < DECK_KEY_LENGTH; i++) key += alphabet[randomInt(alphabet.length)];
  return key;
}

/** A deck's id on students' devices: its own, then the class's key, within the 80 characters of an id. */
export function classDeckId(deckId: string, deckKey: string): string {
  const head = deckId.slice(0, FIELD_LIMITS.id - DECK_KEY_LENGTH - 1).replace(/-+$/, '');
  return `${head}-${deckKey}`;
}

async function owned(db: Db, auth: DeviceAuth, classId: string) {
  const found = isUuid(classId) ? await classes.findOwned(db, auth.accountId, classId) : undefined;
  if (!found) throw classNotFound();
  return found;
}

export async function createClass(db: Db, auth: DeviceAuth, name: string, now: number) {
  const id = newId();
  const joinCode = newJoinCode();
  await classes.insert(db, { id, ownerId: auth.accountId, name, deckKey: newDeckKey(), joinCode, now: new Date(now) });
  return { id, name, joinCode: shown(joinCode), createdAt: now, students: 0 };
}

/** The classes this account teaches. */
export async function listOwned(db: Db, auth: DeviceAuth) {
  const rows = await classes.listOwned(db, auth.accountId);
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    joinCode: shown(c.join_code),
    createdAt: c.created_at.getTime(),
    students: Number(c.students)
  }));
}

const deckSummary = (d: {
  deck_id: string;
  class_deck_id: string;
  title: string;
  version: number;
  published_at: Date;
}) => ({
  deckId: d.deck_id,
  classDeckId: d.class_deck_id,
  title: d.title,
  version: d.version,
  publishedAt: d.published_at.getTime()
});

/** One class for its teacher: the join code, published decks and students. */
export async function getOwned(db: Db, auth: DeviceAuth, classId: string) {
  const c = await owned(db, auth, classId);
  const [decks, students] = await Promise.all([published.listOf(db, [c.id]), members.listOfClass(db, c.id)]);
  return {
    id: c.id,
    name: c.name,
    joinCode: shown(c.join_code),
    createdAt: c.created_at.getTime(),
    decks: decks.map(deckSummary),
    students: students.map((s) => ({
      memberId: s.member_id,
      displayName: s.display_name,
      joinedAt: s.joined_at.getTime()
    }))
  };
}

export async function deleteClass(db: Db, auth: DeviceAuth, classId: string): Promise<void> {
  if (!isUuid(classId) || !(await classes.removeOwned(db, auth.accountId, classId))) throw classNotFound();
}

export async function joinCode(db: Db, auth: DeviceAuth, classId: string) {
  return { joinCode: shown((await owned(db, auth, classId)).join_code) };
}

/** A new join code; the old one stops working at once. */
export async function renewJoinCode(db: Db, auth: DeviceAuth, classId: string) {
  const code = newJoinCode();
  if (!isUuid(classId) || !(await classes.setJoinCode(db, auth.accountId, classId, code))) throw classNotFound();
  return { joinCode: shown(code) };
}

/** No code joins the class until the teacher renews it; members stay. */
export async function closeJoinCode(db: Db, auth: DeviceAuth, classId: string): Promise<void> {
  if (!isUuid(classId) || !(await classes.setJoinCode(db, auth.accountId, classId, null))) throw classNotFound();
}

/** Checks a deck to publish with the app's deck schema; a 400 names the field. */
export function checkDeck(body: unknown, deckId: string): Deck {
  const parsed = deckSchema.safeParse(body);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    const field = issue.field ? `deck.${issue.field}` : 'deck';
    throw new Problem(400, 'invalid-request', `${field}: ${issue.message}`, { field });
  }
  if (parsed.data.id !== deckId)
    throw new Problem(400, 'invalid-request', `deck.id: must be "${deckId}", the deck named in the address`, {
      field: 'deck.id'
    });
  return parsed.data;
}

/**
 * Publishes a deck to an owned class, or a new version of it. The same content again changes nothing;
 * changed content gets the class's next version, which students' devices take as a re-import.
 */
export async function publish(db: Db, auth: DeviceAuth, classId: string, deck: Deck, now: number) {
  if (!isUuid(classId)) throw classNotFound();
  return db.transaction().execute(async (trx) => {
    const c = await classes.lockOwned(trx, auth.accountId, classId);
    if (!c) throw classNotFound();
    const id = classDeckId(deck.id, c.deck_key);
    const content = JSON.stringify({ ...deck, id });
    const contentHash = createHash('sha256').update(content).digest('hex');
    const held = await published.find(trx, c.id, deck.id);
    if (held && held.content_hash === contentHash) return { ...deckSummary(held), changed: false };
    const other = await published.findByClassDeckId(trx, c.id, id);
    if (other && other.deck_id !== deck.id)
      throw new Problem(
        409,
        'deck-id-taken',
        `another deck of this class already has the id "${id}" on students' devices`
      );
    const version = c.deck_seq + 1;
    await classes.setDeckSeq(trx, c.id, version);
    const row = {
      classId: c.id,
      deckId: deck.id,
      classDeckId: id,
      title: deck.title,
      version,
      contentHash,
      content,
      now: new Date(now)
    };
    await published.upsert(trx, row);
    return { deckId: deck.id, classDeckId: id, title: deck.title, version, publishedAt: now, changed: true };
  });
}

/** Takes a deck out of the class. Students' own reviews of it stay theirs; the dashboard stops showing it. */
export async function unpublish(db: Db, auth: DeviceAuth, classId: string, deckId: string): Promise<void> {
  const c = await owned(db, auth, classId);
  if (!(await published.remove(db, c.id, deckId))) throw notFound('published deck');
}

/** What the teacher sees: every card of the published decks, the hardest first, and every student. */
export async function dashboard(db: Db, auth: DeviceAuth, classId: string, now: number) {
  const c = await owned(db, auth, classId);
  const [decks, cards, students, best] = await Promise.all([
    published.listOf(db, [c.id]),
    dashboardSql.cards(db, c.id, now),
    dashboardSql.students(db, c.id, now),
    dashboardSql.bestQuizzes(db, c.id)
  ]);
  const bestOf = new Map<string, { deckId: string; best: number; attempts: number }[]>();
  for (const b of best) {
    const list = bestOf.get(b.member_id) ?? [];
    list.push({ deckId: b.deck_id, best: b.best, attempts: b.attempts });
    bestOf.set(b.member_id, list);
  }
  return {
    classId: c.id,
    name: c.name,
    generatedAt: now,
    decks: decks.map(deckSummary),
    cards: cards.map((r) => ({
      deckId: r.deck_id,
      cardId: r.card_id,
      type: r.type,
      kind: r.kind,
      prompt: r.prompt,
      students: r.students,
      reviews: r.reviews,
      reviews7: r.reviews_7,
      passed7: r.passed_7,
      reviews30: r.reviews_30,
      passed30: r.passed_30,
      lapses: r.lapses,
      quizRight: r.quiz_right,
      quizWrong: r.quiz_wrong
    })),
    students: students.map((s) => ({
      memberId: s.member_id,
      displayName: s.display_name,
      joinedAt: s.joined_at.getTime(),
      cardsStudied: s.cards_studied,
      reviews7: s.reviews_7,
      retentionReviews: s.retention_reviews,
      retentionPassed: s.retention_passed,
      lastActive: s.last_active === null ? null : Number(s.last_active),
      bestQuiz: bestOf.get(s.member_id) ?? []
    }))
  };
}

const wrongJoinCode = () =>
  new Problem(400, 'invalid-join-code', 'this class code is not valid: it may be mistyped, or the teacher closed it');

/** The class a join code opens, rate-limited like link codes: a wrong code counts against the address. */
async function classOfCode(db: Db, typed: string, client: string, now: number) {
  await assertUnderLimit(db, JOIN_LIMIT, client, now);
  const code = normalizeCode(typed, LINK_CODE_LENGTH);
  const found = code ? await classes.findByJoinCode(db, code) : undefined;
  if (!found) {
    await countFailure(db, JOIN_LIMIT, client, now);
    throw wrongJoinCode();
  }
  return found;
}

/** What a student sees before joining: the class's name and decks. Nothing about its members. */
export async function preview(db: Db, typedCode: string, client: string, now: number) {
  const c = await classOfCode(db, typedCode, client, now);
  const decks = await published.listOf(db, [c.id]);
  return { classId: c.id, name: c.name, decks: decks.map((d) => ({ title: d.title })) };
}

/**
 * Joins the class of a live code under a display name. Joining again answers the membership there is
 * (a retried request changes nothing); the class's own teacher cannot join it as a student.
 */
export async function join(
  db: Db,
  auth: DeviceAuth,
  typedCode: string,
  displayName: string,
  client: string,
  now: number
) {
  const c = await classOfCode(db, typedCode, client, now);
  if (c.owner_id === auth.accountId)
    throw new Problem(409, 'own-class', "this is a class you teach; join it from a student's account");
  return db.transaction().execute(async (trx) => {
    const held = await members.find(trx, c.id, auth.accountId);
    if (held)
      return {
        created: false,
        membership: { classId: c.id, name: c.name, displayName: held.display_name, joinedAt: held.joined_at.getTime() }
      };
    if (await members.nameTaken(trx, c.id, displayName))
      throw new Problem(409, 'display-name-taken', 'another student of this class uses this display name', {
        field: 'displayName'
      });
    await members.insert(trx, {
      classId: c.id,
      accountId: auth.accountId,
      memberId: newId(),
      displayName,
      now: new Date(now)
    });
    return { created: true, membership: { classId: c.id, name: c.name, displayName, joinedAt: now } };
  });
}

/** The classes this account joined, each with its published decks (without their content). */
export async function listJoined(db: Db, auth: DeviceAuth) {
  const joined = await members.listJoined(db, auth.accountId);
  const decks = await published.listOf(
    db,
    joined.map((j) => j.class_id)
  );
  return joined.map((j) => ({
    classId: j.class_id,
    name: j.name,
    displayName: j.display_name,
    joinedAt: j.joined_at.getTime(),
    decks: decks
      .filter((d) => d.class_id === j.class_id)
      .map((d) => ({
        classDeckId: d.class_deck_id,
        title: d.title,
        version: d.version,
        publishedAt: d.published_at.getTime()
      }))
  }));
}

/** A published deck's content as a member's device stores it (its id the class deck's), as JSON text. */
export async function classDeck(db: Db, auth: DeviceAuth, classId: string, id: string): Promise<string> {
  const member = isUuid(classId) ? await members.find(db, classId, auth.accountId) : undefined;
  const found = member && (await published.content(db, classId, id));
  if (!found) throw notFound('class deck');
  return `{"classId":${JSON.stringify(classId)},"version":${found.version},"deck":${found.content}}`;
}

/** Leaves a class: from this commit the teacher's dashboard holds nothing of this student. */
export async function leave(db: Db, auth: DeviceAuth, classId: string): Promise<void> {
  if (!isUuid(classId) || !(await members.remove(db, classId, auth.accountId))) throw notFound('class');
}
