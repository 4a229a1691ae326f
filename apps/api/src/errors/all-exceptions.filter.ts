import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProgramRuleError } from '@c2g/domain';
import { AppendTooLargeError, EventIdConflictError, InvalidAppendError } from '@c2g/event-store';
import { LogLine, spanLogFields } from '@c2g/telemetry';
import { requestSpan } from '../observability/http-telemetry';
import { ErrorBody } from './error-body';

const STATUS_NAMES: Record<number, string> = Object.fromEntries(
  Object.entries(HttpStatus)
    .filter(([, value]) => typeof value === 'number')
    .map(([name, value]) => [value, name.toLowerCase().replace(/_/g, '-')]),
);

/**
 * Turns every failure into `{ error, code, message, details? }`. Unexpected errors are
 * logged by name only and answered with a generic 500: no stack trace or internals leak.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  /** `bodyLimitBytes`, when known, is named in the 413 so that a client knows what fits. */
  constructor(private readonly options: { bodyLimitBytes?: number } = {}) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const { status, body } = this.toResponse(exception, http.getRequest<FastifyRequest>());
    void reply.status(status).send(body);
  }

  private toResponse(exception: unknown, request: FastifyRequest): { status: number; body: ErrorBody } {
    if (exception instanceof ProgramRuleError) {
      // An unknown id is a 404; every other broken program rule is a 422 with its code.
      const status = exception.code.endsWith('-not-found') ? 404 : 422;
      const body: ErrorBody = { error: STATUS_NAMES[status], code: exception.code, message: exception.message };
      if (exception.details !== undefined) body.details = exception.details;
      return { status, body };
    }
    if (exception instanceof EventIdConflictError) {
      return { status: 409, body: { error: 'conflict', code: 'event-id-conflict', message: exception.message } };
    }
    if (exception instanceof AppendTooLargeError) {
      // The body fitted the HTTP limit, but its events (with chain and actor metadata) do not fit one append.
      return { status: 413, body: { error: 'payload-too-large', code: 'append-too-large', message: exception.message } };
    }
    if (exception instanceof InvalidAppendError) {
      return { status: 400, body: { error: 'bad-request', code: 'invalid-event', message: exception.message } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const fields = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      const error = STATUS_NAMES[status] ?? 'error';
      const message =
        status === HttpStatus.PAYLOAD_TOO_LARGE && this.options.bodyLimitBytes !== undefined
          ? `the body is larger than the limit of ${this.options.bodyLimitBytes} bytes`
          : typeof fields.message === 'string' ? fields.message : exception.message;
      const body: ErrorBody = { error, code: typeof fields.code === 'string' ? fields.code : error, message };
      if (fields.details !== undefined) body.details = fields.details;
      return { status, body };
    }
    // With tracing on, the line names the request's trace: the way from an alert to its spans.
    this.logger.error(new LogLine(`unhandled ${describe(exception)}`, spanLogFields(requestSpan(request))));
    return {
      status: 500,
      body: { error: 'internal-server-error', code: 'internal-error', message: 'an unexpected error occurred' },
    };
  }
}

/** Name and first line of the message, never the stack. */
function describe(exception: unknown): string {
  // Not `instanceof Error`: errors from native modules may come from another realm.
  if (typeof exception !== 'object' || exception === null || typeof (exception as Error).message !== 'string') return typeof exception;
  const { name, message } = exception as Error;
  return `${name ?? 'Error'}: ${message.split('\n')[0].slice(0, 200)}`;
}
