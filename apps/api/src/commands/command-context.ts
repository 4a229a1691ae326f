import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Context } from '@opentelemetry/api';
import { Principal } from '../auth/role';
import { requestTrace } from '../observability/http-telemetry';
import { assertBodyDepth } from '../validation/body-depth.pipe';
import { commandTimeOf } from './command-clock';
import { commandIdFor, idempotencyKeyStreamId, requestHashOf } from './idempotency';
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Everything about one HTTP command that is not its body: who, when, which retry. */
export interface CommandContext {
  principal: Principal;
  /** Stable across retries with the same Idempotency-Key; random otherwise. */
  commandId: string;
  correlationId: string;
  causationId: string;
  /** Server time, taken once per request (command-clock.ts); the domain never reads a clock. */
  now: string;
  /** From If-Match: the stream revision the caller last saw. */
  ifMatch?: bigint;
  /** Fingerprint of method, path and body: a reused Idempotency-Key with another request is refused. */
  requestHash: string;
  idempotent: boolean;
  /** How far this request got with its Idempotency-Key (see Idempotency): checked once, recorded once. */
  keyUse: { streamId: string; checked: boolean; recorded: boolean };
  /** The request's span (tracing on): the parent of the command's span. */
  trace?: Context;
}

export const Command = createParamDecorator((_: unknown, execution: ExecutionContext): CommandContext => {
  const request = execution.switchToHttp().getRequest();
  const principal: Principal = request.principal;
  assertBodyDepth(request.body); // the request hash below walks the body recursively
  const header = (name: string): string | undefined => {
    const value = request.headers[name];
    return typeof value === 'string' ? value.trim() : undefined;
  };

  const idempotencyKey = header('idempotency-key');
  if (idempotencyKey !== undefined && !IDEMPOTENCY_KEY.test(idempotencyKey)) {
    throw badHeader('Idempotency-Key', 'must be 1-200 visible ASCII characters');
  }
  const correlationId = header('x-correlation-id');
  if (correlationId !== undefined && !CORRELATION_ID.test(correlationId)) {
    throw badHeader('X-Correlation-Id', 'must be 1-128 characters of letters, digits and . _ : -');
  }
  const commandId = idempotencyKey ? commandIdFor(principal.keyId, idempotencyKey) : randomUUID();
  return {
    principal,
    commandId,
    correlationId: correlationId ?? commandId,
    causationId: commandId,
    now: commandTimeOf(request),
    ifMatch: parseIfMatch(header('if-match')),
    requestHash: requestHashOf(request.method, request.url, request.body),
    idempotent: idempotencyKey !== undefined,
    keyUse: { streamId: idempotencyKeyStreamId(commandId), checked: false, recorded: false },
    trace: requestTrace(request),
  };
});

function parseIfMatch(value: string | undefined): bigint | undefined {
  if (value === undefined) return undefined;
  const unquoted = value.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  if (!/^\d{1,15}$/.test(unquoted)) throw badHeader('If-Match', 'must be a stream revision, e.g. "3"');
  return BigInt(unquoted);
}

function badHeader(name: string, problem: string): BadRequestException {
  return new BadRequestException({
    code: 'validation-failed',
    message: `invalid request: header ${name} ${problem}`,
    details: [{ field: `header:${name}`, problems: [problem] }],
  });
}

