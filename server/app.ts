/**
 * The Factdeck server: the sync API under /api/ and the built app everywhere else, on one origin (so
 * the app's CSP keeps `connect-src 'self'`). `buildApp` wires it without listening, for tests and main.ts.
 */
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Db } from './db/schema';
import { api } from './http/api';
import { errorHandler, sendProblem } from './http/errors';
import { staticSite } from './http/static-site';
import { notFound } from './services/problem';

export interface AppOptions {
  db: Db;
  /** The built app (`build/`); null serves the API alone. */
  buildDir: string | null;
  /** The clock, in epoch ms (tests move it). */
  now?: () => number;
  logger?: FastifyServerOptions['logger'];
  /** Fastify's `trustProxy`: set behind a load balancer so rate limits see the client's address. */
  trustProxy?: FastifyServerOptions['trustProxy'];
  beforePushCommit?: () => Promise<void>;
}

/** Requests other than the push carry a device name or a code: a few hundred bytes. */
const BODY_LIMIT = 16 * 1024;
const API_POLICY = "default-src 'none'; frame-ancestors 'none'";

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false
  });
  app.setErrorHandler(errorHandler);

  app.addHook('onRequest', async (request, reply) => {
    // Set on the raw response, so the static files (sent by sirv, outside Fastify's reply) get them too.
    const res = reply.raw;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    if (request.url.startsWith('/api/')) {
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Security-Policy', API_POLICY);
    }
  });

  await app.register(api, { db: options.db, now: options.now ?? Date.now, beforePushCommit: options.beforePushCommit });

  const site = options.buildDir ? staticSite(options.buildDir) : null;
  app.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/') || !site) return sendProblem(notFound('route'), reply);
    reply.hijack();
    site(request.raw, reply.raw, () => {
      reply.raw.statusCode = 404;
      reply.raw.end();
    });
  });
  // The manifest's share_target posts here. The service worker answers it (static/share-target.js);
  // one that reaches the server came before the worker was installed: the import page says the share
  // did not arrive, and nothing of the body is read or kept.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => {
      payload.on('error', done);
      payload.on('end', () => done(null, null));
      payload.resume();
    });
    scope.post('/import/share', (_request, reply) => reply.code(303).header('Location', '/import#shared').send());
  });
  app.setNotFoundHandler((_request, reply) => sendProblem(notFound('route'), reply));
  return app;
}
