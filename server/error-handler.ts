import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from '@fastify/type-provider-zod';
import { AppError } from './errors.ts';

/** One place turns errors into `{error: {code, message}}`: the message for 4xx, a generic text for 5xx. */
export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    // A coded 5xx (out of memory, an unreachable provider) is the server's trouble: keep it in the log too.
    if (error.status >= 500) request.log.warn(`${error.code}: ${error.message}`);
    return reply.status(error.status).send({ error: { code: error.code, message: error.message } });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const detail = error.validation.map((v) => `${v.instancePath.replace(/^\//, '') || 'request'}: ${v.message}`).join('; ');
    return reply.status(400).send({ error: { code: 'invalid_request', message: `The request is not valid — ${detail}.` } });
  }
  const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status === 413) {
    return reply.status(413).send({ error: { code: 'too_large', message: 'The upload is larger than this server accepts.' } });
  }
  if (status < 500) {
    return reply.status(status).send({ error: { code: 'bad_request', message: error.message } });
  }
  request.log.error(error);
  return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong on the server. The error has been logged.' } });
}
