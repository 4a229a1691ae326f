import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiOperation, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { errorResponse } from './api-command.decorator';
import { ErrorBodySchema } from './error-body.schema';

export interface ReadDoc {
  description?: string;
  /** The answer's schema. */
  schema: SchemaObject;
  /** Extra error answers, by status. */
  errors?: Record<number, string>;
  /** The success status when not 200. */
  status?: number;
  /** Media type of the answer when not JSON. */
  produces?: string;
}

/** A JSON object whose fields are described, not schema'd: read models grow columns. */
export const objectOf = (description: string): SchemaObject => ({ type: 'object', description, additionalProperties: true });

/** A cursor-paged list of a read model's rows. */
export const pageOf = (rows: string): SchemaObject => ({
  type: 'object',
  required: ['items', 'position'],
  properties: {
    items: { type: 'array', items: objectOf(rows) },
    nextCursor: { type: 'string', description: 'present only when there is a next page: pass it as ?cursor=' },
    position: { type: 'string', description: 'the log position the answer reflects' },
  },
});

/** What a read-model query can answer besides its page: a bad parameter, a read model not there yet. */
export const READ_MODEL_ERRORS: Record<number, string> = {
  400: 'validation-failed: details name every bad query parameter (unknown ones too)',
  503: 'read-model-lagging: ?minPosition= not reached within C2G_READ_WAIT_MS; as-of-busy: too many ?asOf= answers being built',
};

/** Documents a read route: summary, answer, errors (role, 401, 403, 429 come from complete-document.ts). */
export const ApiRead = (summary: string, doc: ReadDoc) =>
  applyDecorators(
    ApiExtraModels(ErrorBodySchema),
    ApiOperation({ summary, description: doc.description }),
    doc.produces
      ? ApiResponse({ status: doc.status ?? 200, description: 'the answer', content: { [doc.produces]: { schema: doc.schema } } })
      : ApiResponse({ status: doc.status ?? 200, description: 'the answer', schema: doc.schema }),
    ...Object.entries(doc.errors ?? {}).map(([status, description]) => errorResponse(Number(status), description)),
  );
