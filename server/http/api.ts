/** The sync API (docs/sync.md): thin routes that check input, call a service and send its answer. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../db/schema';
import * as identity from '../services/identity';
import { Problem } from '../services/problem';
import * as sync from '../services/sync';
import { classesApi } from './classes-api';
import { parse } from './parse';
import { createAccountBody, linkBody, pullQuery, recoverBody } from './requests';

/** The largest push body: 5,000 records, or a few imported decks of tens of thousands of cards. */
export const PUSH_BODY_LIMIT = 32 * 1024 * 1024;

export interface ApiOptions {
  db: Db;
  now: () => number;
  /** Test seam: runs inside each push's transaction, just before it commits. */
  beforePushCommit?: () => Promise<void>;
}

export async function api(app: FastifyInstance, { db, now, beforePushCommit }: ApiOptions) {
  const device = (request: FastifyRequest) => identity.authenticate(db, request.headers.authorization, now());

  app.get('/api/health', async () => {
    try {
      await sql`select 1`.execute(db);
    } catch {
      throw new Problem(503, 'unavailable', 'the database is not answering');
    }
    return { ok: true };
  });

  app.post('/api/accounts', async (request, reply) => {
    const { deviceName } = parse(createAccountBody, request.body);
    return reply.code(201).send(await identity.createAccount(db, deviceName, now()));
  });

  app.get('/api/devices', async (request) => {
    const auth = await device(request);
    return { devices: await identity.listDevices(db, auth) };
  });

  app.delete<{ Params: { id: string } }>('/api/devices/:id', async (request, reply) => {
    const auth = await device(request);
    await identity.removeDevice(db, auth, request.params.id);
    return reply.code(204).send();
  });

  app.post('/api/link-codes', async (request, reply) => {
    const auth = await device(request);
    return reply.code(201).send(await identity.createLinkCode(db, auth, now()));
  });

  app.post('/api/link', async (request, reply) => {
    const { code, deviceName } = parse(linkBody, request.body);
    return reply.code(201).send(await identity.link(db, code, deviceName, request.ip, now()));
  });

  app.post('/api/recover', async (request, reply) => {
    const { recoveryKey, deviceName } = parse(recoverBody, request.body);
    return reply.code(201).send(await identity.recover(db, recoveryKey, deviceName, request.ip, now()));
  });

  app.post('/api/sync/push', { bodyLimit: PUSH_BODY_LIMIT }, async (request) => {
    const auth = await device(request);
    const records = sync.checkPush(request.body, auth, now());
    return sync.push(db, auth, records, beforePushCommit);
  });

  app.get('/api/sync/pull', async (request, reply) => {
    const auth = await device(request);
    const { since = 0, limit = sync.PULL_LIMIT_DEFAULT } = parse(pullQuery, request.query);
    return reply.type('application/json; charset=utf-8').send(await sync.pull(db, auth, since, limit));
  });

  await app.register(classesApi, { db, now });
}
