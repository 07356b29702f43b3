import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { backends, type TestDatabase } from '../test/backends';
import { civicsDeck, createClass, join, publish, quizOn } from '../test/classes';
import { TestServer, type Joined } from '../test/harness';
import { removal, review } from '../test/records';

const DAY = 86_400_000;
const CODE = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/;

describe.each(backends)('classes on $name', ({ open }) => {
  let database: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    database = await open();
    server = await TestServer.start(database.db);
    server.time += 60 * DAY;
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  const count = async (table: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(database.db)).rows[0].n;

  test('a teacher creates a class with a join code, and students join it by that code under a display name', async () => {
    const teacher = await server.signUp('Teacher laptop');
    const made = await createClass(server, teacher, '  Civics 9B ');
    expect(made).toMatchObject({ name: 'Civics 9B', students: 0 });
    expect(made.joinCode).toMatch(CODE);
    const listed = await server.call('GET', '/api/classes', { token: teacher.token });
    expect(listed.body.classes).toEqual([{ ...made, createdAt: server.time }]);

    // Before joining: the class's name and decks, no token needed, the code typed loosely.
    await publish(server, teacher, made.id);
    const loose = made.joinCode.toLowerCase().replace('-', ' ');
    const preview = await server.call('POST', '/api/class-preview', { body: { code: loose } });
    expect(preview).toMatchObject({
      status: 200,
      body: { classId: made.id, name: 'Civics 9B', decks: [{ title: 'Civics' }] }
    });

    const ann = await server.signUp('Ann phone');
    const joined = await server.call('POST', '/api/memberships', {
      token: ann.token,
      body: { code: loose, displayName: ' Ann ' }
    });
    expect(joined).toMatchObject({ status: 201, body: { classId: made.id, name: 'Civics 9B', displayName: 'Ann' } });
    // Joining again (a retried request) answers the same membership and changes nothing.
    const again = await server.call('POST', '/api/memberships', {
      token: ann.token,
      body: { code: made.joinCode, displayName: 'Annie' }
    });
    expect(again).toMatchObject({ status: 200, body: { displayName: 'Ann' } });
    // Another student may not take a name already used in the class, whatever its case.
    const bob = await server.signUp('Bob phone');
    const taken = await server.call('POST', '/api/memberships', {
      token: bob.token,
      body: { code: made.joinCode, displayName: 'ANN' }
    });
    expect(taken).toMatchObject({ status: 409, body: { error: 'display-name-taken', field: 'displayName' } });
    // The teacher cannot join their own class as a student.
    const own = await server.call('POST', '/api/memberships', {
      token: teacher.token,
      body: { code: made.joinCode, displayName: 'Me' }
    });
    expect(own).toMatchObject({ status: 409, body: { error: 'own-class' } });

    const detail = await server.call('GET', `/api/classes/${made.id}`, { token: teacher.token });
    expect(detail.body.students).toEqual([{ memberId: expect.any(String), displayName: 'Ann', joinedAt: server.time }]);
    expect(JSON.stringify(detail.body)).not.toContain(ann.accountId);
    expect((await server.call('GET', '/api/classes', { token: teacher.token })).body.classes[0].students).toBe(1);
  });

  test('bad names and codes are refused with the field named, and change nothing', async () => {
    const teacher = await server.signUp();
    const made = await createClass(server, teacher);
    const student = await server.signUp();
    const before = [await count('classes'), await count('class_members')];
    for (const [body, field] of [
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
      [{ name: 7 }, 'name'],
      [{ name: 'A', extra: 1 }, 'extra']
    ] as const) {
      const res = await server.call('POST', '/api/classes', { token: teacher.token, body });
      expect(res, JSON.stringify(body)).toMatchObject({ status: 400, body: { error: 'invalid-request', field } });
    }
    for (const [body, field] of [
      [{ code: made.joinCode, displayName: '' }, 'displayName'],
      [{ code: made.joinCode, displayName: 'x'.repeat(41) }, 'displayName'],
      [{ code: made.joinCode, displayName: 'Ann\nSmith' }, 'displayName'],
      [{ code: made.joinCode, displayName: 'Ann\u202e' }, 'displayName'],
      [{ displayName: 'Ann' }, 'code']
    ] as const) {
      const res = await server.call('POST', '/api/memberships', { token: student.token, body });
      expect(res, JSON.stringify(body)).toMatchObject({ status: 400, body: { error: 'invalid-request', field } });
    }
    for (const code of ['', 'ABCD', 'ABCD-EFG0', 'ABCD-EFGH-JKLM']) {
      const res = await server.call('POST', '/api/memberships', {
        token: student.token,
        body: { code, displayName: 'Ann' }
      });
      expect(res, code).toMatchObject({ status: 400, body: { error: 'invalid-join-code' } });
    }
    expect([await count('classes'), await count('class_members')]).toEqual(before);
  });

  test('renewing the code stops the old one at once; closing it stops every code, members stay', async () => {
    const teacher = await server.signUp();
    const made = await createClass(server, teacher);
    const ann = await server.signUp();
    await join(server, ann, made.joinCode, 'Ann');
    const url = `/api/classes/${made.id}/join-code`;
    expect((await server.call('GET', url, { token: teacher.token })).body).toEqual({ joinCode: made.joinCode });

    const renewed = await server.call('POST', url, { token: teacher.token });
    expect(renewed.status).toBe(201);
    expect(renewed.body.joinCode).toMatch(CODE);
    expect(renewed.body.joinCode).not.toBe(made.joinCode);
    const bob = await server.signUp();
    const old = await server.call('POST', '/api/memberships', {
      token: bob.token,
      body: { code: made.joinCode, displayName: 'Bob' }
    });
    expect(old).toMatchObject({ status: 400, body: { error: 'invalid-join-code' } });
    await join(server, bob, renewed.body.joinCode, 'Bob');

    expect((await server.call('DELETE', url, { token: teacher.token })).status).toBe(204);
    expect((await server.call('GET', url, { token: teacher.token })).body).toEqual({ joinCode: null });
    const cy = await server.signUp();
    const closed = await server.call('POST', '/api/memberships', {
      token: cy.token,
      body: { code: renewed.body.joinCode, displayName: 'Cy' }
    });
    expect(closed).toMatchObject({ status: 400, body: { error: 'invalid-join-code' } });
    const detail = await server.call('GET', `/api/classes/${made.id}`, { token: teacher.token });
    expect(detail.body.students.map((s: { displayName: string }) => s.displayName)).toEqual(['Ann', 'Bob']);
  });

  test('published decks reach members with an id of the class; a new version only when the content changes', async () => {
    const teacher = await server.signUp();
    const made = await createClass(server, teacher, 'History');
    const ann = await server.signUp();
    await join(server, ann, made.joinCode, 'Ann');

    const first = await publish(server, teacher, made.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ deckId: 'civics', title: 'Civics', version: 1, changed: true });
    const classDeckId: string = first.body.classDeckId;
    expect(classDeckId).toMatch(/^civics-[2-9a-hjkmnp-z]{6}$/);
    const same = await publish(server, teacher, made.id);
    expect(same.body).toMatchObject({ classDeckId, version: 1, changed: false });

    const memberships = await server.call('GET', '/api/memberships', { token: ann.token });
    expect(memberships.body.classes).toEqual([
      {
        classId: made.id,
        name: 'History',
        displayName: 'Ann',
        joinedAt: server.time,
        decks: [{ classDeckId, title: 'Civics', version: 1, publishedAt: server.time }]
      }
    ]);
    const content = await server.call('GET', `/api/memberships/${made.id}/decks/${classDeckId}`, { token: ann.token });
    expect(content.body).toEqual({ classId: made.id, version: 1, deck: { ...civicsDeck(), id: classDeckId } });

    server.time += 1000;
    const edited = civicsDeck({ title: 'Civics, revised' });
    edited.cards[0] = { ...edited.cards[0], front: 'How many chambers has Congress?' } as (typeof edited.cards)[0];
    const second = await publish(server, teacher, made.id, edited);
    expect(second.body).toMatchObject({ classDeckId, version: 2, changed: true, title: 'Civics, revised' });
    const next = await server.call('GET', `/api/memberships/${made.id}/decks/${classDeckId}`, { token: ann.token });
    expect(next.body.deck.cards[0].front).toBe('How many chambers has Congress?');

    // Withdrawn, then published again: a version students have not seen.
    expect((await server.call('DELETE', `/api/classes/${made.id}/decks/civics`, { token: teacher.token })).status).toBe(
      204
    );
    expect((await server.call('GET', '/api/memberships', { token: ann.token })).body.classes[0].decks).toEqual([]);
    const gone = await server.call('GET', `/api/memberships/${made.id}/decks/${classDeckId}`, { token: ann.token });
    expect(gone).toMatchObject({ status: 404, body: { error: 'not-found' } });
    expect((await publish(server, teacher, made.id)).body).toMatchObject({ classDeckId, version: 3 });
  });

  test('a deck that fails the deck schema is refused naming the field, and nothing is published', async () => {
    const teacher = await server.signUp();
    const made = await createClass(server, teacher);
    const bad = (deck: unknown, deckId = 'civics') =>
      server.call('PUT', `/api/classes/${made.id}/decks/${deckId}`, { token: teacher.token, body: { deck } });
    const cases: [unknown, string][] = [
      [{ ...civicsDeck(), cards: [] }, 'deck.cards'],
      [{ ...civicsDeck(), title: '' }, 'deck.title'],
      [{ ...civicsDeck(), cards: [{ id: 'x', type: 'basic', front: 'F' }] }, 'deck.cards[0].back'],
      [{ ...civicsDeck(), id: 'Not A Slug' }, 'deck.id'],
      [{ ...civicsDeck(), script: '<script>' }, 'deck.script'],
      ['a deck', 'deck']
    ];
    for (const [deck, field] of cases) {
      const res = await bad(deck);
      expect(res, field).toMatchObject({ status: 400, body: { error: 'invalid-request', field } });
    }
    expect((await bad(civicsDeck(), 'other')).body).toMatchObject({ error: 'invalid-request', field: 'deck.id' });
    expect(await count('published_decks')).toBe(
      (
        await sql<{ n: number }>`select count(*)::int as n from published_decks where class_id <> ${made.id}`.execute(
          database.db
        )
      ).rows[0].n
    );
  });

  describe('the dashboard', () => {
    let teacher: Joined;
    let ann: Joined;
    let ben: Joined;
    let classId: string;
    let deckId: string;
    let now: number;

    beforeAll(async () => {
      teacher = await server.signUp('Teacher');
      const made = await createClass(server, teacher);
      classId = made.id;
      deckId = (await publish(server, teacher, classId)).body.classDeckId;
      ann = await server.signUp('Ann phone');
      ben = await server.signUp('Ben laptop');
      await join(server, ben, made.joinCode, 'Ben');
      await join(server, ann, made.joinCode, 'Ann');
      now = server.time;
      const r = (who: Joined, cardId: string, daysAgo: number, rating: number, stateBefore: number) =>
        review(who.deviceId, {}, { deckId, cardId, rating, stateBefore, reviewedAt: now - daysAgo * DAY });
      const undone = r(ann, 'best#c1', 1, 4, 2);
      await server.push(ann, [
        r(ann, 'houses', 20, 3, 0),
        r(ann, 'houses', 1, 1, 2),
        r(ann, 'veto#reverse', 1, 3, 0),
        undone,
        removal(ann.deviceId, { type: 'review', logId: undone.id }, now - DAY + 1000),
        // Ann's own study of another deck never reaches the class.
        review(ann.deviceId, {}, { deckId: 'world-capitals', cardId: 'houses', rating: 1, reviewedAt: now - DAY }),
        quizOn(ann.deviceId, deckId, now - 5000, [
          { itemIds: ['houses'], missed: ['houses'] },
          { itemIds: ['veto', 'best#c1'], missed: [] }
        ]),
        quizOn(ann.deviceId, deckId, now - 1000, [
          { itemIds: ['houses'], missed: [] },
          { itemIds: ['veto'], missed: [] }
        ]),
        quizOn(ann.deviceId, 'world-capitals', now - 500, [{ itemIds: ['houses'], missed: ['houses'] }])
      ]);
      await server.push(ben, [
        r(ben, 'houses', 3, 1, 0),
        r(ben, 'houses', 40, 3, 2),
        r(ben, 'veto', 2, 3, 2),
        r(ben, 'best#c2', 10, 2, 0),
        removal(ben.deviceId, { type: 'items', deckId, cardIds: ['best#c2'] }, now - 5 * DAY),
        r(ben, 'best#c2', 4, 3, 0)
      ]);
    });

    const dashboard = (token = teacher.token) => server.call('GET', `/api/classes/${classId}/dashboard`, { token });

    test('per card: students, reviews passed in 7 and 30 days, lapses and quiz answers, hardest first', async () => {
      const { status, body } = await dashboard();
      expect(status).toBe(200);
      expect(body.decks).toEqual([
        { deckId: 'civics', classDeckId: deckId, title: 'Civics', version: 1, publishedAt: expect.any(Number) }
      ]);
      expect(body.cards).toEqual([
        {
          deckId: 'civics',
          cardId: 'houses',
          type: 'basic',
          kind: 'fact',
          prompt: 'How many houses has Congress?',
          students: 2,
          reviews: 4,
          reviews7: 2,
          passed7: 0,
          reviews30: 3,
          passed30: 1,
          lapses: 1,
          quizRight: 1,
          quizWrong: 1
        },
        {
          deckId: 'civics',
          cardId: 'veto',
          type: 'reverse',
          kind: 'claim',
          prompt: 'Who may veto a bill?',
          students: 2,
          reviews: 2,
          reviews7: 2,
          passed7: 2,
          reviews30: 2,
          passed30: 2,
          lapses: 0,
          quizRight: 2,
          quizWrong: 0
        },
        {
          deckId: 'civics',
          cardId: 'best',
          type: 'cloze',
          kind: 'opinion',
          prompt: 'The {{c1::Senate}} is the {{c2::wiser}} house',
          students: 1,
          reviews: 1,
          reviews7: 1,
          passed7: 1,
          reviews30: 1,
          passed30: 1,
          lapses: 0,
          quizRight: 1,
          quizWrong: 0
        }
      ]);
    });

    test('per student: cards studied, reviews in 7 days, retention, last active, best quiz per deck', async () => {
      const { body } = await dashboard();
      expect(body.students).toEqual([
        {
          memberId: expect.any(String),
          displayName: 'Ann',
          joinedAt: now,
          cardsStudied: 2,
          reviews7: 2,
          retentionReviews: 1,
          retentionPassed: 0,
          lastActive: now - 1000,
          bestQuiz: [{ deckId: 'civics', best: 100, attempts: 2 }]
        },
        {
          memberId: expect.any(String),
          displayName: 'Ben',
          joinedAt: now,
          cardsStudied: 3,
          reviews7: 3,
          retentionReviews: 1,
          retentionPassed: 1,
          lastActive: now - 2 * DAY,
          bestQuiz: []
        }
      ]);
    });

    test("a reset of all progress takes the student's reviews and quizzes out of the dashboard", async () => {
      const cy = await server.signUp('Cy');
      const code = (await server.call('GET', `/api/classes/${classId}/join-code`, { token: teacher.token })).body
        .joinCode;
      await join(server, cy, code, 'Cy');
      await server.push(cy, [
        review(cy.deviceId, {}, { deckId, cardId: 'houses', rating: 1, reviewedAt: now - DAY }),
        quizOn(cy.deviceId, deckId, now - DAY, [{ itemIds: ['houses'], missed: ['houses'] }])
      ]);
      expect((await dashboard()).body.cards[0]).toMatchObject({ cardId: 'houses', students: 3, quizWrong: 2 });
      await server.push(cy, [removal(cy.deviceId, { type: 'all' }, now - DAY + 10)]);
      const { body } = await dashboard();
      expect(body.cards[0]).toMatchObject({ cardId: 'houses', students: 2, reviews: 4, quizWrong: 1 });
      expect(body.students.find((s: { displayName: string }) => s.displayName === 'Cy')).toMatchObject({
        cardsStudied: 0,
        reviews7: 0,
        lastActive: null,
        bestQuiz: []
      });
      await server.call('DELETE', `/api/memberships/${classId}`, { token: cy.token });
    });

    test('a student who leaves is gone from the dashboard at once; their own records stay theirs', async () => {
      const before = (await dashboard()).body;
      expect(before.students).toHaveLength(2);
      const left = await server.call('DELETE', `/api/memberships/${classId}`, { token: ben.token });
      expect(left.status).toBe(204);
      const after = (await dashboard()).body;
      expect(after.students.map((s: { displayName: string }) => s.displayName)).toEqual(['Ann']);
      expect(after.cards.find((c: { cardId: string }) => c.cardId === 'houses')).toMatchObject({
        students: 1,
        reviews: 2
      });
      expect(after.cards.find((c: { cardId: string }) => c.cardId === 'best')).toMatchObject({
        students: 0,
        reviews: 0
      });
      expect((await server.call('GET', '/api/memberships', { token: ben.token })).body.classes).toEqual([]);
      expect((await server.pull(ben)).body.records).toHaveLength(6);
      // Leaving twice: there is no such membership any more.
      expect((await server.call('DELETE', `/api/memberships/${classId}`, { token: ben.token })).status).toBe(404);
    });

    test('an unpublished deck leaves the dashboard; its reviews stay with the student', async () => {
      await server.call('DELETE', `/api/classes/${classId}/decks/civics`, { token: teacher.token });
      const { body } = await dashboard();
      expect(body.decks).toEqual([]);
      expect(body.cards).toEqual([]);
      expect(body.students[0]).toMatchObject({ displayName: 'Ann', cardsStudied: 0, bestQuiz: [] });
      const pulled = (await server.pull(ann)).body.records;
      expect(pulled.filter((r: { kind: string }) => r.kind === 'review')).toHaveLength(5);
      // Published again under the same id on students' devices: their progress counts again.
      expect((await publish(server, teacher, classId)).body.classDeckId).toBe(deckId);
      expect((await dashboard()).body.students[0].cardsStudied).toBe(2);
    });
  });

  test('guessing class codes is rate-limited per address', async () => {
    const student = await server.signUp();
    const ip = '203.0.113.9';
    for (let i = 0; i < 60; i++) {
      const res = await server.call('POST', '/api/class-preview', { ip, body: { code: 'ZZZZ-ZZZZ' } });
      expect(res.status).toBe(400);
    }
    const limited = await server.call('POST', '/api/memberships', {
      ip,
      token: student.token,
      body: { code: 'ZZZZ-ZZZZ', displayName: 'Guesser' }
    });
    expect(limited).toMatchObject({ status: 429, body: { error: 'too-many-attempts' } });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
