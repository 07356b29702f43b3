/** Turns every failure into `{ error, message, ... }` with the right status; unexpected ones are logged, not shown. */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { Problem } from '../services/problem';
import { firstIssue } from '../services/zod-issue';

/** A body or query that failed its schema, as a 400 naming the field. */
export function invalidRequest(error: z.ZodError): Problem {
  const issue = firstIssue(error);
  const field = issue.field || 'body';
  return new Problem(400, 'invalid-request', `${field}: ${issue.message}`, { field });
}

function fromFastify(error: FastifyError): Problem | null {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new Problem(413, 'body-too-large', 'the request body is larger than this endpoint accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new Problem(415, 'unsupported-media-type', 'send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new Problem(400, 'invalid-json', 'the body is not valid JSON');
  }
  if (error instanceof SyntaxError || (error.statusCode === 400 && /json|prototype|constructor/i.test(error.message)))
    return new Problem(400, 'invalid-json', 'the body is not valid JSON');
  return null;
}

export function sendProblem(problem: Problem, reply: FastifyReply): FastifyReply {
  if (problem.retryAfter !== undefined) reply.header('retry-after', String(problem.retryAfter));
  return reply.code(problem.status).type('application/json; charset=utf-8').send(problem.toJSON());
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const problem = error instanceof Problem ? error : fromFastify(error);
  if (problem) return sendProblem(problem, reply);
  request.log.error(error);
  return sendProblem(new Problem(500, 'server-error', 'the server failed to answer; try again later'), reply);
}
