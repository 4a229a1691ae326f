import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiHeader, ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { CommandResultSchema } from './command-result.schema';
import { ErrorBodySchema } from './error-body.schema';

export interface CommandDoc {
  /** 201 when the command creates something, 200 otherwise. */
  status: 200 | 201;
  description?: string;
  /** The 422 codes this route can answer besides idempotency-key-reused. */
  rules: string[];
  /** The 404 codes this route can answer (an id in the path or body that names nothing). */
  notFound?: string[];
}

export const errorResponse = (status: number, description: string) =>
  ApiResponse({ status, description, schema: { $ref: getSchemaPath(ErrorBodySchema) } });

/**
 * Documents a command route: summary, the headers every command honours, its answer and every
 * error it can give (the role, 401, 403 and 429 are added from the guard's metadata in one place,
 * complete-document.ts).
 */
export const ApiCommand = (summary: string, doc: CommandDoc) =>
  applyDecorators(
    ApiExtraModels(ErrorBodySchema, CommandResultSchema),
    ApiOperation({ summary, description: doc.description }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'any 1-200 visible ASCII characters: a retry with the same key and body gets the first answer and writes nothing',
    }),
    ApiHeader({ name: 'If-Match', required: false, description: 'the stream revision you last saw: 409 revision-mismatch if it moved on' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false, description: 'recorded in every event the command writes (1-128 of A-Z a-z 0-9 . _ : -); new when absent' }),
    ApiResponse({ status: doc.status, description: 'the events are durably stored', type: CommandResultSchema }),
    errorResponse(400, 'validation-failed: details name every bad field (unknown fields are refused too), or a bad header'),
    ...(doc.notFound?.length ? [errorResponse(404, `unknown id: ${doc.notFound.join(', ')}; nothing was written`)] : []),
    errorResponse(409, 'revision-mismatch: the stream is not at the If-Match revision'),
    errorResponse(413, 'payload-too-large: the body is over C2G_BODY_LIMIT_BYTES'),
    errorResponse(415, 'unsupported-media-type: the body is not of the media type the route reads'),
    errorResponse(422, `a program rule refused it; nothing was written. Codes: ${[...doc.rules, 'idempotency-key-reused'].join(', ')}`),
    errorResponse(503, 'stream-contended: the stream kept changing under other writers; retry'),
  );
