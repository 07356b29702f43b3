/** The class API (docs/teachers.md): teachers' classes under /api/classes, students' under /api/memberships. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/schema';
import * as classes from '../services/classes';
import * as identity from '../services/identity';
import { createClassBody, joinBody, previewBody, publishBody } from './requests';
import { parse } from './parse';

/** A deck to publish: as large as an imported deck may be. */
export const PUBLISH_BODY_LIMIT = 32 * 1024 * 1024;

export interface ClassesApiOptions {
  db: Db;
  now: () => number;
}

type ClassParams = { Params: { classId: string } };
type DeckParams = { Params: { classId: string; deckId: string } };

export async function classesApi(app: FastifyInstance, { db, now }: ClassesApiOptions) {
  const device = (request: FastifyRequest) => identity.authenticate(db, request.headers.authorization, now());

  app.post('/api/classes', async (request, reply) => {
    const auth = await device(request);
    const { name } = parse(createClassBody, request.body);
    return reply.code(201).send(await classes.createClass(db, auth, name, now()));
  });

  app.get('/api/classes', async (request) => ({ classes: await classes.listOwned(db, await device(request)) }));

  app.get<ClassParams>('/api/classes/:classId', async (request) =>
    classes.getOwned(db, await device(request), request.params.classId)
  );

  app.delete<ClassParams>('/api/classes/:classId', async (request, reply) => {
    await classes.deleteClass(db, await device(request), request.params.classId);
    return reply.code(204).send();
  });

  app.get<ClassParams>('/api/classes/:classId/join-code', async (request) =>
    classes.joinCode(db, await device(request), request.params.classId)
  );

  app.post<ClassParams>('/api/classes/:classId/join-code', async (request, reply) =>
    reply.code(201).send(await classes.renewJoinCode(db, await device(request), request.params.classId))
  );

  app.delete<ClassParams>('/api/classes/:classId/join-code', async (request, reply) => {
    await classes.closeJoinCode(db, await device(request), request.params.classId);
    return reply.code(204).send();
  });

  app.put<DeckParams>('/api/classes/:classId/decks/:deckId', { bodyLimit: PUBLISH_BODY_LIMIT }, async (request) => {
    const auth = await device(request);
    const { deck } = parse(publishBody, request.body);
    return classes.publish(db, auth, request.params.classId, classes.checkDeck(deck, request.params.deckId), now());
  });

  app.delete<DeckParams>('/api/classes/:classId/decks/:deckId', async (request, reply) => {
    await classes.unpublish(db, await device(request), request.params.classId, request.params.deckId);
    return reply.code(204).send();
  });

  app.get<ClassParams>('/api/classes/:classId/dashboard', async (request) =>
    classes.dashboard(db, await device(request), request.params.classId, now())
  );

  // Before joining: no token needed, so the join page can show the class before sync is turned on.
  app.post('/api/class-preview', async (request) => {
    const { code } = parse(previewBody, request.body);
    return classes.preview(db, code, request.ip, now());
  });

  app.post('/api/memberships', async (request, reply) => {
    const auth = await device(request);
    const { code, displayName } = parse(joinBody, request.body);
    const { created, membership } = await classes.join(db, auth, code, displayName, request.ip, now());
    return reply.code(created ? 201 : 200).send(membership);
  });

  app.get('/api/memberships', async (request) => ({ classes: await classes.listJoined(db, await device(request)) }));

  app.get<DeckParams>('/api/memberships/:classId/decks/:deckId', async (request, reply) => {
    const text = await classes.classDeck(db, await device(request), request.params.classId, request.params.deckId);
    return reply.type('application/json; charset=utf-8').send(text);
  });

  app.delete<ClassParams>('/api/memberships/:classId', async (request, reply) => {
    await classes.leave(db, await device(request), request.params.classId);
    return reply.code(204).send();
  });
}
