import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
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

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body } = this.toResponse(exception);
    void reply.status(status).send(body);
  }

  private toResponse(exception: unknown): { status: number; body: ErrorBody } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const fields = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      const error = STATUS_NAMES[status] ?? 'error';
      const message = typeof fields.message === 'string' ? fields.message : exception.message;
      const body: ErrorBody = { error, code: typeof fields.code === 'string' ? fields.code : error, message };
      if (fields.details !== undefined) body.details = fields.details;
      return { status, body };
    }
    this.logger.error(`unhandled ${describe(exception)}`);
    return {
      status: 500,
      body: { error: 'internal-server-error', code: 'internal-error', message: 'an unexpected error occurred' },
    };
  }
}

/** Name and first line of the message, never the stack. */
function describe(exception: unknown): string {
  if (!(exception instanceof Error)) return typeof exception;
  return `${exception.name}: ${exception.message.split('\n')[0].slice(0, 200)}`;
}
