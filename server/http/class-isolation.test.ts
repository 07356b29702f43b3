/**
 * Every class endpoint, called with no token, a forged one, another teacher's, a student's of the
 * class and a student's of another class: refused (401) or not found (404), with nothing of the class
 * or its students in the answer and nothing changed. Students never see one another.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backends, type TestDatabase } from '../test/backends';
import { civicsDeck, createClass, join, publish } from '../test/classes';
import { TestServer, type Joined } from '../test/harness';
import { review } from '../test/records';

const TABLES = ['classes', 'class_members', 'published_decks', 'records'] as const;

describe.each(backends)('class access rules on $name', ({ open }) => {
  let database: TestDatabase;
  let server: TestServer;
  let teacher: Joined;
  let otherTeacher: Joined;
  let ann: Joined;
  let ben: Joined;
  let outsider: Joined;
  let classId: string;
  let otherClassId: string;
  let deckId: string;
  let otherDeckId: string;
  let code: string;

  beforeAll(async () => {
    database = await open();
    server = await TestServer.start(database.db);
    teacher = await server.signUp('Teacher');
    otherTeacher = await server.signUp('Other teacher');
    const made = await createClass(server, teacher, 'Civics 9B');
    classId = made.id;
    code = made.joinCode;
    deckId = (await publish(server, teacher, classId)).body.classDeckId;
    const other = await createClass(server, otherTeacher, 'Biology 7A');
    otherClassId = other.id;
    otherDeckId = (await publish(server, otherTeacher, otherClassId, civicsDeck({ title: 'Cells' }))).body.classDeckId;
    ann = await server.signUp('Ann');
    ben = await server.signUp('Ben');
    outsider = await server.signUp('Outsider');
    await join(server, ann, code, 'Ann Secretname');
    await join(server, ben, code, 'Ben Secretname');
    await join(server, outsider, other.joinCode, 'Olga Secretname');
    await server.push(ann, [review(ann.deviceId, {}, { deckId, cardId: 'houses' })]);
    await server.push(ben, [review(ben.deviceId, {}, { deckId, cardId: 'veto' })]);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const everything = async () => {
    const out: string[] = [];
    for (const table of TABLES) {
      const { rows } = await sql<{ t: string }>`select row_to_json(x)::text as t from ${sql.table(table)} x`.execute(
        database.db
      );
      out.push(...rows.map((r) => `${table}: ${r.t}`).sort());
    }
    return out;
  };

  /** The teacher's endpoints for one class. */
  const teacherCalls = (id: string) =>
    [
      ['GET', `/api/classes/${id}`, undefined],
      ['GET', `/api/classes/${id}/dashboard`, undefined],
      ['GET', `/api/classes/${id}/join-code`, undefined],
      ['POST', `/api/classes/${id}/join-code`, undefined],
      ['DELETE', `/api/classes/${id}/join-code`, undefined],
      ['PUT', `/api/classes/${id}/decks/civics`, { deck: civicsDeck({ title: 'Hijacked' }) }],
      ['DELETE', `/api/classes/${id}/decks/civics`, undefined],
      ['DELETE', `/api/classes/${id}`, undefined]
    ] as const;

  test('without a valid token every class endpoint but the preview answers 401 and writes nothing', async () => {
    const before = await everything();
    const calls = [
      ...teacherCalls(classId),
      ['POST', '/api/classes', { name: 'Mine' }],
      ['GET', '/api/classes', undefined],
      ['POST', '/api/memberships', { code, displayName: 'Intruder' }],
      ['GET', '/api/memberships', undefined],
      ['GET', `/api/memberships/${classId}/decks/${deckId}`, undefined],
      ['DELETE', `/api/memberships/${classId}`, undefined]
    ] as const;
    for (const authorization of [undefined, 'Bearer', `Bearer ${teacher.token}x`, `Bearer ${teacher.accountId}`])
      for (const [method, url, body] of calls) {
        const res = await server.call(method, url, {
          body,
          headers: authorization === undefined ? {} : { authorization }
        });
        expect(res.status, `${method} ${url} with ${authorization}`).toBe(401);
        expect(res.body.error).toBe('unauthorized');
      }
    expect(await everything()).toEqual(before);
  });

  test('another teacher, a student of the class and a stranger get 404 from every teacher endpoint, and change nothing', async () => {
    const before = await everything();
    for (const who of [otherTeacher, ann, outsider])
      for (const [method, url, body] of teacherCalls(classId)) {
        const res = await server.call(method, url, { token: who.token, body });
        expect(res.status, `${method} ${url}`).toBe(404);
        expect(res.body.error).toBe('not-found');
        expect(JSON.stringify(res.body)).not.toMatch(/Secretname|Civics 9B/);
      }
    expect(await everything()).toEqual(before);
    // Ids that are no class at all answer the same.
    for (const id of ['not-a-uuid', '00000000-0000-4000-8000-000000000000'])
      for (const [method, url, body] of teacherCalls(id))
        expect((await server.call(method, url, { token: teacher.token, body })).status, `${method} ${url}`).toBe(404);
  });

  test('a teacher lists only the classes they own', async () => {
    const mine = await server.call('GET', '/api/classes', { token: teacher.token });
    expect(mine.body.classes.map((c: { id: string }) => c.id)).toEqual([classId]);
    const theirs = await server.call('GET', '/api/classes', { token: otherTeacher.token });
    expect(theirs.body.classes.map((c: { id: string }) => c.id)).toEqual([otherClassId]);
    expect((await server.call('GET', '/api/classes', { token: ann.token })).body.classes).toEqual([]);
  });

  test("a student sees their own classes and decks, never another class's decks nor other students", async () => {
    const mine = await server.call('GET', '/api/memberships', { token: ann.token });
    expect(mine.body.classes.map((c: { classId: string }) => c.classId)).toEqual([classId]);
    const text = JSON.stringify(mine.body);
    expect(text).not.toContain('Ben');
    expect(text).not.toContain(ben.accountId);
    expect(text).not.toContain(teacher.accountId);

    const own = await server.call('GET', `/api/memberships/${classId}/decks/${deckId}`, { token: ann.token });
    expect(own.status).toBe(200);
    for (const [id, deck] of [
      [otherClassId, otherDeckId],
      [classId, otherDeckId],
      [otherClassId, deckId]
    ]) {
      const res = await server.call('GET', `/api/memberships/${id}/decks/${deck}`, { token: ann.token });
      expect(res, `${id} ${deck}`).toMatchObject({ status: 404, body: { error: 'not-found' } });
    }
    // Nor can a student leave, or look into, a class they are not in.
    const before = await everything();
    const leave = await server.call('DELETE', `/api/memberships/${otherClassId}`, { token: ann.token });
    expect(leave.status).toBe(404);
    expect(await everything()).toEqual(before);
    // The preview before joining names the class and its decks only.
    const preview = await server.call('POST', '/api/class-preview', { body: { code } });
    expect(JSON.stringify(preview.body)).not.toMatch(/Secretname/);
  });

  test("a class's dashboard holds its own students' data for its own decks only", async () => {
    // Olga, in the other class, studies the other class's deck and, somehow, this class's deck id.
    await server.push(outsider, [
      review(outsider.deviceId, {}, { deckId: otherDeckId, cardId: 'houses' }),
      review(outsider.deviceId, {}, { deckId, cardId: 'houses' })
    ]);
    const mine = (await server.call('GET', `/api/classes/${classId}/dashboard`, { token: teacher.token })).body;
    expect(mine.students.map((s: { displayName: string }) => s.displayName)).toEqual([
      'Ann Secretname',
      'Ben Secretname'
    ]);
    expect(mine.cards.find((c: { cardId: string }) => c.cardId === 'houses').students).toBe(1);
    const theirs = (await server.call('GET', `/api/classes/${otherClassId}/dashboard`, { token: otherTeacher.token }))
      .body;
    expect(theirs.students.map((s: { displayName: string }) => s.displayName)).toEqual(['Olga Secretname']);
    expect(theirs.cards.find((c: { cardId: string }) => c.cardId === 'houses')).toMatchObject({
      students: 1,
      reviews: 1
    });
    expect(JSON.stringify(theirs)).not.toContain('Ann');
  });
});
